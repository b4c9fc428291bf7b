#!/usr/bin/env bash
# Builds the plugin and writes the installable chart package, the one `helm install` needs with
# nothing else to build or push: the chart plus the built plugin under files/builds/<build>/, every
# file gzip-compressed (the chart's nginx serves them as they are, see files/nginx.conf).
#   default  dist/         console SDK 4.22 build (OpenShift 4.22 and later)
#   compat   dist-compat/  older-console build (OpenShift 4.19-4.21), only when that folder exists;
#                          the package's kubeVersion then starts at Kubernetes 1.32 (OpenShift 4.19)
# Usage: scripts/package-chart.sh [output-dir]   (default: dist-chart/)
# SKIP_BUILD=1 packages the dist/ already there (the tests build once and package several times);
# DIST and DIST_COMPAT name other build folders (the tests package altered copies).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$(mkdir -p "${1:-dist-chart}" && cd "${1:-dist-chart}" && pwd)
HELM=${HELM:-$ROOT/.cache/bin/helm}
[ -x "$HELM" ] || HELM=helm

[ "${SKIP_BUILD:-0}" = 1 ] || npm run build

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -r charts/kasten-console-plugin "$stage/"
chart="$stage/kasten-console-plugin"
rm -rf "$chart/files/builds"

add_build() {
  local src=$1 name=$2 dest="$chart/files/builds/$2" f rel
  [ -f "$src/plugin-manifest.json" ] || { echo "package-chart: $src/plugin-manifest.json missing (build first)" >&2; exit 1; }
  while IFS= read -r -d '' f; do
    rel=${f#"$src"/}
    # ConfigMap keys allow only these characters once the chart turns '/' into '_'.
    [[ "$rel" =~ ^[-._a-zA-Z0-9/]+$ ]] || { echo "package-chart: $rel: name not storable in a ConfigMap" >&2; exit 1; }
    mkdir -p "$dest/$(dirname "$rel")"
    # -n: no name or time in the header, so the same build gives the same bytes (and checksum).
    gzip -9 -n -c "$f" > "$dest/$rel.gz"
  done < <(find "$src" -type f ! -name '*.gz' ! -name '*.map' -print0 | sort -z)
  echo "package-chart: $name build from $src/: $(find "$dest" -type f | wc -l) files, $(du -sb "$dest" | cut -f1) bytes compressed"
}

DIST=${DIST:-dist}
DIST_COMPAT=${DIST_COMPAT:-dist-compat}
add_build "${DIST%/}" default
if [ -d "$DIST_COMPAT" ]; then
  add_build "${DIST_COMPAT%/}" compat
  sed -i 's/^kubeVersion: .*/kubeVersion: ">=1.32.0-0"/' "$chart/Chart.yaml"
fi

"$HELM" lint --strict --kube-version 1.35.0 "$chart" >/dev/null
"$HELM" package "$chart" --destination "$OUT"
