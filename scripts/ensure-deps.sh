#!/usr/bin/env bash
# Installs what the preview and the tests need on a machine that has nothing:
# Debian packages (prometheus, nginx, etcd, chromium), npm packages (from the lockfile),
# helm (go install at a pinned version, into .cache/bin), and for the chart's API-server tests
# a kube-apiserver and kubectl built from k8s.io/kubernetes (scripts/ensure-kube.sh) and the real
# CRDs from Go modules (scripts/ensure-crds.sh). Each step is skipped when already done, so a
# second run costs seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

HELM_VERSION=v3.19.0
export GOBIN="$PWD/.cache/bin"
export PATH="$GOBIN:$PATH"

need_apt=()
command -v prometheus >/dev/null && command -v promtool >/dev/null || need_apt+=(prometheus)
# The chart test serves dist/ with the chart's nginx.conf.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need_apt+=(nginx)
# The chart's API-server tests store their objects in Debian's etcd.
if [ "${WITH_KUBE:-1}" = 1 ]; then
  command -v etcd >/dev/null || need_apt+=(etcd-server)
fi
# The copied curl command is run for real in test/promql/curl-command.test.ts (openssl makes its TLS stand-in's cert).
command -v curl >/dev/null || need_apt+=(curl)
command -v openssl >/dev/null || need_apt+=(openssl)
if [ "${WITH_BROWSER:-1}" = 1 ]; then
  [ -x /usr/bin/chromium ] || need_apt+=(chromium fonts-liberation)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "ensure-deps: apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# npm ci only when the lockfile changed since the last install.
stamp=node_modules/.kcp-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "ensure-deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

if [ "${WITH_HELM:-1}" = 1 ]; then
  if ! "$GOBIN/helm" version --short 2>/dev/null | grep -q "${HELM_VERSION%.*}"; then
    echo "ensure-deps: go install helm.sh/helm/v3/cmd/helm@$HELM_VERSION (first time takes a few minutes)"
    mkdir -p "$GOBIN"
    go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
  fi
fi

# WITH_KUBE_BUILD=0 installs etcd but leaves the Go builds to the caller (scripts/test.sh runs them in parallel).
if [ "${WITH_KUBE:-1}" = 1 ] && [ "${WITH_KUBE_BUILD:-1}" = 1 ]; then
  bash scripts/ensure-kube.sh
  bash scripts/ensure-crds.sh
fi
