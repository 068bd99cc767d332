#!/usr/bin/env bash
# Makes sure a Docker Engine runs on this machine and is a swarm manager.
# Installs Debian's docker.io when dockerd is missing, starts dockerd in the
# background when its socket does not answer, and initialises a single-node
# swarm when the engine is not part of one. Safe to run again.
set -euo pipefail

log() { printf 'ensure-docker: %s\n' "$*" >&2; }
sock=/var/run/docker.sock

if ! command -v dockerd >/dev/null 2>&1; then
  log "installing docker.io from Debian's archive"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  log "starting dockerd (log: /var/log/dockerd.log)"
  nohup dockerd >/var/log/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  if ! docker info >/dev/null 2>&1; then
    log "dockerd did not start within 30 s; last lines of its log:"
    tail -n 20 /var/log/dockerd.log >&2 || true
    exit 1
  fi
fi

state=$(docker info --format '{{.Swarm.LocalNodeState}}')
if [ "$state" != "active" ]; then
  log "initialising a single-node swarm"
  docker swarm init --advertise-addr 127.0.0.1 >/dev/null
fi
version=$(docker version --format '{{.Server.Version}}')
log "docker $version ready, swarm active"
