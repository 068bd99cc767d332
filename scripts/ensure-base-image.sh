#!/usr/bin/env bash
# Makes the base images Berth's templates and tests build on, without a
# registry: debian:bookworm-slim from debootstrap (minbase) and a tiny
# busybox image from Debian's busybox-static. The debootstrap tree is cached
# as a tarball so that a second machine set-up imports it in seconds.
set -euo pipefail

log() { printf 'ensure-base-image: %s\n' "$*" >&2; }
cache=${BERTH_CACHE_DIR:-/var/cache/berth}
mkdir -p "$cache"
export DEBIAN_FRONTEND=noninteractive

# The Debian mirror this machine's apt already uses, so debootstrap reaches
# the same archive.
apt_mirror() {
  grep -hoE '^(URIs:|deb) +[^ ]+' /etc/apt/sources.list \
    /etc/apt/sources.list.d/* 2>/dev/null | grep -v security |
    head -n 1 | awk '{print $2}'
}

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

make_debian() {
  local tarball="$cache/debian-bookworm-minbase.tar"
  if [ ! -s "$tarball" ]; then
    command -v debootstrap >/dev/null || {
      apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
    local root
    root=$(mktemp -d)
    log "debootstrap bookworm into $root (about 30 s)"
    debootstrap --variant=minbase bookworm "$root" "$(apt_mirror)" >/dev/null
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    rm -rf "$root"
  fi
  log "importing debian:bookworm-slim"
  docker import "$tarball" debian:bookworm-slim >/dev/null
}

make_busybox() {
  command -v busybox >/dev/null && [ -f /bin/busybox ] || {
    apt-get update -qq && apt-get install -y -qq busybox-static >/dev/null; }
  local ctx
  ctx=$(mktemp -d)
  mkdir -p "$ctx/bin"
  cp /bin/busybox "$ctx/bin/busybox"
  for tool in $(/bin/busybox --list); do
    [ "$tool" = busybox ] || ln -s busybox "$ctx/bin/$tool"
  done
  mkdir -p "$ctx/tmp" "$ctx/etc"
  echo 'root:x:0:0:root:/root:/bin/sh' >"$ctx/etc/passwd"
  tar -C "$ctx" -c . | docker import -c 'CMD ["sh"]' - berth/busybox:latest \
    >/dev/null
  rm -rf "$ctx"
  log "made berth/busybox:latest"
}

have_image debian:bookworm-slim || make_debian
have_image berth/busybox:latest || make_busybox
log "base images ready"
