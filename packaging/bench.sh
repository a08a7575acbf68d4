#!/usr/bin/env bash
# Runs the benchmarks of tests/bench on a release build and prints their figures.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target bench_parse bench_latency
build/release/tests/bench/bench_parse
build/release/tests/bench/bench_latency "${1:-1000}"
