#!/usr/bin/env bash
# Runs the benchmarks of tests/bench on a release build and prints their figures:
# parsing throughput, store ingest/open/search over a generated profile, and
# Rapport-to-Rapport latency through Prosody beside the same figure for two
# slixmpp clients (the reference), with and without the server archiving each
# message, and the desktop app's responsiveness on a 1,000,000-message profile.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target bench_parse bench_latency bench_store bench_library bench_gui bench_gui_empty \
    prosody-fixture
export QT_LOGGING_RULES="rapport.*.info=false"
count=${1:-1000}
build/release/tests/bench/bench_parse
# Store and search over a generated profile (issue size: --messages 1000000
# --conversations 2000 --answers 20000 --tips 50000).
build/release/tests/bench/bench_store --messages 100000 --conversations 200
# The team library's sync: a first login of 10,000 answers, then logins after 10 changed.
build/release/tests/bench/bench_library 10000
for mode in "" --no-archive; do
    build/release/tests/bench/bench_latency "$count" $mode
    /usr/bin/python3 tests/bench/slixmpp_latency.py build/release/tests/support/prosody-fixture "$count" $mode
done
# The desktop app (issue 5): start-up beside an empty Qt window, RSS, UI stalls during a
# 20,000-message catch-up, CPU per 1,000 messages of a 5,000-message burst, on the issue's
# profile. The profile is built once (several minutes) and kept; bench_gui works on a copy.
profile=${RAPPORT_BENCH_PROFILE:-build/release/bench-profile}
if [ ! -f "$profile/bench_store.sqlite" ]; then
    build/release/tests/bench/bench_store --messages 1000000 --conversations 2000 \
        --answers 20000 --tips 50000 --queries 20 --dir "$profile"
fi
xvfb-run -a build/release/tests/bench/bench_gui --db "$profile/bench_store.sqlite"
