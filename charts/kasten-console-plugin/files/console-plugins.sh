# Adds (enable) or removes (disable) one plugin name in consoles.operator.openshift.io/cluster
# spec.plugins. Other writers (the console operator, admins, other charts) edit the same list,
# so instead of writing the whole list back, every change is a JSON patch touching one entry,
# guarded by `test` operations: the API server applies it only if the object is still as read.
# A guard failure means someone changed the list meanwhile; read again and retry.
# Usage: console-plugins.sh enable|disable <plugin-name>
set -euo pipefail
mode="$1"
name="$2"
console=consoles.operator.openshift.io/cluster

plugins() {
  oc get "$console" -o 'jsonpath={range .spec.plugins[*]}{@}{"\n"}{end}'
}

# Returns 0 when nothing is left to do, 2 after a change (checked on the next round), 1 when a
# read or a guarded patch failed. The patch ops embed the name, which the chart keeps [a-z0-9-]+.
attempt() {
  local list index rv
  rv="$(oc get "$console" -o 'jsonpath={.metadata.resourceVersion}')" || return 1
  list="$(plugins)" || return 1
  index="$(printf '%s\n' "$list" | awk -v n="$name" 'NF && $0 == n { print NR - 1; exit }')"
  if [ "$mode" = enable ]; then
    if [ -n "$index" ]; then
      echo "$name is enabled in the console"
      return 0
    fi
    if [ -z "$list" ]; then
      # No list yet: create it, but only if the object is unchanged since it was read.
      oc patch "$console" --type=json \
        -p "[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\"$rv\"},{\"op\":\"add\",\"path\":\"/spec/plugins\",\"value\":[\"$name\"]}]" || return 1
    else
      oc patch "$console" --type=json \
        -p "[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\"$rv\"},{\"op\":\"add\",\"path\":\"/spec/plugins/-\",\"value\":\"$name\"}]" || return 1
    fi
  else
    if [ -z "$index" ]; then
      echo "$name is not in the console's plugin list"
      return 0
    fi
    # Remove by index only while that index still holds our name; a duplicate added by hand
    # is found on the next round.
    oc patch "$console" --type=json \
      -p "[{\"op\":\"test\",\"path\":\"/spec/plugins/$index\",\"value\":\"$name\"},{\"op\":\"remove\",\"path\":\"/spec/plugins/$index\"}]" || return 1
  fi
  return 2
}

case "$mode" in enable | disable) ;; *) echo "usage: $0 enable|disable <plugin-name>" >&2; exit 64 ;; esac
for try in $(seq 1 20); do
  rc=0
  attempt || rc=$?
  case "$rc" in
    0) exit 0 ;;
    2) ;;
    *) echo "retrying ($try)"; sleep "${RETRY_SLEEP:-2}" ;;
  esac
done
echo "could not $mode $name in $console" >&2
exit 1
