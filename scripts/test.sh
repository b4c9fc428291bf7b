#!/usr/bin/env bash
# The one command that runs every test: unit, PromQL against a real
# Prometheus, Helm chart with the real helm, static checks, and the browser
# suite in Debian's Chromium. Installs what it needs first.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh || { echo "ensure-deps failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
export PATH="$PWD/.cache/bin:$PATH"
mkdir -p reports
# The browser suite and the chart test load the production build.
if ! npm run --silent build > reports/build.log 2>&1; then
  tail -40 reports/build.log
  echo "tests: 0 passed, 1 failed"
  exit 1
fi
npx jest --ci --json --outputFile=reports/jest.json "$@"
rc=$?
node scripts/test-summary.mjs reports/jest.json || rc=1
exit $rc
