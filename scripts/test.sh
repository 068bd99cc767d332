#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what is missing, starts
# Docker in swarm mode with the base images and Chromium for the browser
# test, then type-checks, lints and runs every test, the ones against the
# real Swarm included. A Docker Engine that cannot start fails the run;
# nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-node-packages.sh
bash scripts/ensure-docker.sh
bash scripts/ensure-base-image.sh
bash scripts/ensure-ssh-client.sh
bash scripts/ensure-chromium.sh

npm run typecheck
npm run lint
npx vitest run "$@"
