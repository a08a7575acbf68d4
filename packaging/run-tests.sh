#!/usr/bin/env bash
# The README's test command: installs what is missing, builds (warnings are
# errors), and runs the whole test suite with ctest. Each integration suite
# starts its own Prosody on free loopback ports; nothing outside is touched.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== installing dependencies (packaging/install-deps.sh)"
bash packaging/install-deps.sh

echo "== configuring and building (preset dev)"
cmake --preset dev
cmake --build --preset dev -j "$(nproc)"

echo "== running tests"
# Integration suites hold a resource lock, so -j lets unit tests overlap them.
if ! ctest --preset dev -j "$(nproc)"; then
    echo "Some tests failed. Re-run one with: ctest --preset dev -R NAME --output-on-failure" >&2
    exit 1
fi
