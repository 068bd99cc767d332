#!/usr/bin/env bash
# The main job on a fresh machine: installs what is missing (npm packages,
# Docker Engine, a single-node swarm, the base images), applies the example
# environments of this repository, and prints each access URL once it
# answers. Run it again at any time: it changes only what differs.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-node-packages.sh
bash scripts/ensure-docker.sh
bash scripts/ensure-base-image.sh

npx berth --repo . apply
npx berth status --json >/tmp/berth-status.json
node scripts/check-urls.mjs /tmp/berth-status.json
