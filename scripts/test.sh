#!/usr/bin/env bash
# The one command that runs every test: unit, PromQL against a real
# Prometheus, Helm chart with the real helm, static checks, and the browser
# suite in Debian's Chromium. Installs what it needs first.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
setup_failed() {
  echo "$1"
  echo "tests: 0 passed, 1 failed"
  exit 1
}

# The chart project's kube-apiserver, kubectl and CRDs are Go builds that take minutes on a cold machine
# and need nothing from npm: they run in the background (their own process group, so an early exit can
# stop them) beside the Debian and npm installs and the plugin build, and jest starts once they are done.
kube_pid=""
if [ "${WITH_KUBE:-1}" = 1 ]; then
  setsid bash -c 'bash scripts/ensure-kube.sh && bash scripts/ensure-crds.sh' > reports/kube-build.log 2>&1 &
  kube_pid=$!
  trap '[ -n "$kube_pid" ] && kill -- "-$kube_pid" 2>/dev/null' EXIT
  # An interrupt ends the script through its EXIT trap, which stops the builds (not in our process group).
  trap 'exit 130' INT TERM
fi

WITH_KUBE_BUILD=0 bash scripts/ensure-deps.sh || setup_failed "ensure-deps failed"
export PATH="$PWD/.cache/bin:$PATH"
# The browser suite and the chart test load the production build.
if ! npm run --silent build > reports/build.log 2>&1; then
  tail -40 reports/build.log
  setup_failed "build failed"
fi
if [ -n "$kube_pid" ]; then
  if ! wait "$kube_pid"; then
    kube_pid=""
    tail -60 reports/kube-build.log
    setup_failed "ensure-kube/ensure-crds failed (reports/kube-build.log)"
  fi
  kube_pid=""
  grep '^ensure-' reports/kube-build.log || true
fi
npx jest --ci --json --outputFile=reports/jest.json "$@"
rc=$?
node scripts/test-summary.mjs reports/jest.json || rc=1
exit $rc
