#!/usr/bin/env bash
# Runs the benchmarks of tests/bench on a release build and prints their figures:
# parsing throughput, and Rapport-to-Rapport latency through Prosody beside the
# same figure for two slixmpp clients (the reference), with and without the
# server archiving each message.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target bench_parse bench_latency prosody-fixture
export QT_LOGGING_RULES="rapport.*.info=false"
count=${1:-1000}
build/release/tests/bench/bench_parse
for mode in "" --no-archive; do
    build/release/tests/bench/bench_latency "$count" $mode
    /usr/bin/python3 tests/bench/slixmpp_latency.py build/release/tests/support/prosody-fixture "$count" $mode
done
