#!/usr/bin/env bash
# The README's demo command: installs what is missing, builds, starts a local demo team
# server (Prosody on loopback from packaging/server/, data in a temp dir), seeds a team
# (packaging/demo-data.sh: colleagues and customers, 200 answers, 50 tips, three weeks of
# conversations), starts a demo customer who writes now and then (packaging/demo/
# customer_bot.py), and launches Rapport signed in as the demo engineer. Closing Rapport,
# Ctrl+C or closing the terminal stops everything it started.
#
#   packaging/demo.sh
#   RAPPORT_BUILD_DIR=DIR packaging/demo.sh    use that configured build folder instead of
#                                              the release preset's (skips installing)
#   RAPPORT_KEEP_DEMO=1 packaging/demo.sh      keep the temp dir (server data and log, the
#                                              app's profile) afterwards, to look into it
#
# Without a display (no $DISPLAY or $WAYLAND_DISPLAY) the engineer's side is rapport-cli:
# incoming messages print as JSON lines, and the command to answer is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "demo: $*"; }
fail() {
    echo "demo: $1" >&2
    [ -n "${2:-}" ] && echo "demo: what to do: $2" >&2
    exit 1
}

if [ -n "${RAPPORT_BUILD_DIR:-}" ]; then
    bin=$RAPPORT_BUILD_DIR
    [ -f "$bin/CMakeCache.txt" ] ||
        fail "$bin is not a configured build folder" "unset RAPPORT_BUILD_DIR, or run 'cmake --preset dev' first"
else
    say "installing what is missing (packaging/install-deps.sh)"
    bash packaging/install-deps.sh ||
        fail "installing the Debian packages failed" "run 'sudo packaging/install-deps.sh' and read its output"
    cmake --preset release >/dev/null
    bin=build/release
fi
say "building rapport and rapport-cli in $bin"
cmake --build "$bin" -j "$(nproc)" --target rapport rapport-cli ||
    fail "the build failed" "run 'cmake --build $bin --target rapport rapport-cli' to see why"

started=$(date +%s)
password=demo
scratch=$(mktemp -d -t rapport-demo.XXXXXX)
server_in="" bot_pid="" server_pid="" app_pid=""
cleanup() {
    trap - EXIT INT TERM HUP
    if [ -n "$app_pid" ]; then
        kill "$app_pid" 2>/dev/null || true
    fi
    if [ -n "$bot_pid" ]; then
        kill "$bot_pid" 2>/dev/null || true
    fi
    # Closing the server's standard input stops it (demo-server.sh).
    if [ -n "$server_in" ]; then
        exec {server_in}>&- 2>/dev/null || true
        server_in=""
    fi
    wait 2>/dev/null || true
    if [ -n "${RAPPORT_KEEP_DEMO:-}" ]; then
        say "kept $scratch (server data and log, profile)"
    else
        rm -rf "$scratch"
    fi
    say "stopped the demo server and the demo customer"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# shellcheck source=packaging/demo-data.sh
source packaging/demo-data.sh
mkdir -p "$scratch/server/data"
demo_data_history "$scratch/server/data" ||
    fail "could not write the demo history into $scratch/server/data" "check that /usr/bin/python3 runs"

say "starting the demo team server (packaging/server/demo-server.sh)"
coproc SERVER {
    exec bash packaging/server/demo-server.sh "$scratch/server" --users "$(demo_data_users)" \
        --password "$password" 2>"$scratch/server.err"
}
server_pid=$SERVER_PID
# Kept in a variable of our own: bash unsets SERVER when the coprocess ends.
server_in=${SERVER[1]}
read -r info <&"${SERVER[0]}" ||
    fail "the demo server did not start: $(tail -n 5 "$scratch/server.err" 2>/dev/null)" \
        "check that prosody is installed (packaging/install-deps.sh)"
ws_url=$(printf '%s' "$info" | sed -E 's/.*"ws_url":"([^"]+)".*/\1/')
say "team server at $ws_url (pid $server_pid; accounts $(demo_data_users) @localhost, password '$password')"

say "seeding the team"
if ! demo_data_seed "$bin/app/rapport-cli" "$info" "$password"; then
    # The temp dir goes when this script ends: the log's end is shown now.
    tail -n 8 "$scratch/server/prosody.log" >&2 || true
    fail "seeding the demo data failed" "see the demo-data lines and the server log's end above; run it again, or 'RAPPORT_KEEP_DEMO=1 packaging/demo.sh' to keep $scratch"
fi

/usr/bin/python3 packaging/demo/customer_bot.py "$info" "$password" --first-delay 12 \
    >"$scratch/bot.log" 2>&1 &
bot_pid=$!
say "the demo customer (Dana, customer@localhost, pid $bot_pid) writes in about 12 s, then every minute or so"

export RAPPORT_PASSWORD=$password
# The demo's local store lives beside the demo server, not in the user's real profile.
profile="$scratch/profile"
mkdir -p "$profile"
say "ready in $(($(date +%s) - started)) s; profile $profile"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    say "Rapport opens signed in as engineer@localhost; close it (or Ctrl+C here) to stop the demo"
    # In the background and waited for, so that a signal to this script is handled at once
    # (bash runs traps only after a foreground command ends).
    "$bin/app/rapport" --profile "$profile" --jid engineer@localhost --server "$ws_url" &
    app_pid=$!
    wait "$app_pid" || true
    app_pid=""
else
    say "no display, so the engineer's side is rapport-cli. To answer, in another shell:"
    echo "  RAPPORT_PASSWORD=$password $bin/app/rapport-cli --profile $profile --server $ws_url --jid engineer@localhost send customer@localhost 'Hello!'"
    "$bin/app/rapport-cli" --profile "$profile" --server "$ws_url" --jid engineer@localhost \
        listen &
    app_pid=$!
    wait "$app_pid" || true
    app_pid=""
fi
