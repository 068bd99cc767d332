#!/usr/bin/env bash
# Installs the project's npm packages from package-lock.json when they are
# missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
installed=node_modules/.package-lock.json
if [ ! -d node_modules ] || [ package-lock.json -nt "$installed" ]; then
  printf 'ensure-node-packages: npm ci\n' >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
