#!/usr/bin/env bash
# Installs Debian's chromium, which the dashboard's browser test drives
# through playwright-core, when /usr/bin/chromium is missing. Safe to run
# again: an installed browser is left as it is.
set -euo pipefail

log() { printf 'ensure-chromium: %s\n' "$*" >&2; }

if [ -x /usr/bin/chromium ]; then
  log "chromium present"
  exit 0
fi

log "installing chromium from Debian's archive"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
log "chromium $(/usr/bin/chromium --version 2>/dev/null || echo installed)"
