#!/usr/bin/env bash
# Local preview without a cluster: installs what is missing, builds the
# plugin, then starts the Kasten metrics simulator, a real Prometheus and the
# console stand-in on 127.0.0.1 and prints the URL. Ctrl-C stops everything.
# Flags: bash scripts/preview.sh --help (and docs/preview.md).
set -euo pipefail
cd "$(dirname "$0")/.."

for a in "$@"; do
  if [ "$a" = --help ] || [ "$a" = -h ]; then
    exec node -r ts-node/register/transpile-only dev/preview-cli.ts --help
  fi
done

WITH_HELM=0 WITH_KUBE=0 bash scripts/ensure-deps.sh
echo "preview: building the plugin (npm run build)"
npm run --silent build > /tmp/kcp-preview-build.log 2>&1 || { tail -40 /tmp/kcp-preview-build.log; exit 1; }

# exec: the node process receives Ctrl-C itself and stops Prometheus and the servers before exiting.
export TS_NODE_TRANSPILE_ONLY=true
exec node -r ts-node/register/transpile-only dev/preview-cli.ts "$@"
