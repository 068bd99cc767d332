#!/usr/bin/env bash
# Installs Debian's OpenSSH client when `ssh` is missing: the gateway
# tests log in to a workspace with it. Safe to run again.
set -euo pipefail

if ! command -v ssh >/dev/null 2>&1 || ! command -v ssh-keygen >/dev/null; then
  printf 'ensure-ssh-client: installing openssh-client\n' >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq openssh-client >/dev/null
fi
