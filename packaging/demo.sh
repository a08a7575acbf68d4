#!/usr/bin/env bash
# The README's demo command: installs what is missing, builds, starts a local
# demo team server (Prosody on loopback, data in a temp dir), creates demo
# accounts and a demo customer who writes now and then, and signs the demo
# engineer in. Ctrl+C (or closing the terminal) stops everything it started.
#
# The engineer's side is the desktop app, signed in as engineer@localhost. Without a
# display (no $DISPLAY or $WAYLAND_DISPLAY) it is rapport-cli instead: incoming messages
# print as JSON lines, and you can answer from another shell with the command printed.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target rapport rapport-cli prosody-fixture

bin=build/release
password=demo
coproc FIXTURE { "$bin/tests/support/prosody-fixture" --users engineer,customer,colleague --password "$password"; }
read -r info <&"${FIXTURE[0]}" || { echo "demo: the demo server did not start" >&2; exit 1; }
ws_url=$(printf '%s' "$info" | sed -E 's/.*"ws_url":"([^"]+)".*/\1/')
bot_pid=""
# Closing the fixture's stdin stops the server. Kept in a variable of our own: bash unsets
# FIXTURE when the coprocess ends, and cleanup may run twice (a signal, then EXIT).
fixture_in=${FIXTURE[1]}
cleanup() {
    [ -n "$bot_pid" ] && kill "$bot_pid" 2>/dev/null || true
    bot_pid=""
    if [ -n "$fixture_in" ]; then
        exec {fixture_in}>&- 2>/dev/null || true
        fixture_in=""
    fi
    wait 2>/dev/null || true
    [ -n "${RAPPORT_PROFILE:-}" ] && rm -rf "$RAPPORT_PROFILE"
}
trap cleanup EXIT INT TERM

export RAPPORT_PASSWORD=$password
# The demo's local stores live beside the demo server, not in the user's real profile.
export RAPPORT_PROFILE
RAPPORT_PROFILE=$(mktemp -d -t rapport-demo-profile.XXXXXX)
cli=("$bin/app/rapport-cli" --server "$ws_url")
echo "demo: team server at $ws_url (accounts engineer, customer, colleague @localhost; password '$password')"

# The demo customer: writes now and then, like a real one.
(
    lines=("Hi, my invoices page shows a blank screen since this morning."
           "I tried another browser, same thing."
           "Is there a way to export last month's invoices as CSV?"
           "Thanks! Also, how do I add a second admin to our account?")
    i=0
    while true; do
        sleep 20
        "${cli[@]}" --jid customer@localhost send engineer@localhost "${lines[i % ${#lines[@]}]}" >/dev/null || true
        i=$((i + 1))
    done
) &
bot_pid=$!

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "demo: Rapport opens signed in as engineer@localhost; the customer writes every 20 s."
    "$bin/app/rapport" --profile "$RAPPORT_PROFILE" --jid engineer@localhost --server "$ws_url"
else
    echo "demo: no display, so the engineer's side is rapport-cli; the customer writes every 20 s."
    echo "demo: to answer, in another shell:"
    echo "  RAPPORT_PASSWORD=$password ${cli[*]} --jid engineer@localhost send customer@localhost 'Hello!'"
    "${cli[@]}" --jid engineer@localhost listen
fi
