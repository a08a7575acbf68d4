#!/usr/bin/env bash
# Screenshots of the desktop app, one PNG per section, into OUTDIR:
#   1-chats.png           a customer's conversation open, suggested answers beside it
#   2-library-editor.png  the library with the answer editor open (live preview)
#   3-tips.png            the tips feed with a tip's comments expanded
#   4-search-palette.png  Ctrl+K with a query typed, results grouped by kind
#   5-setup-dialog.png    the set-up dialog of a fresh profile, filled in and tested
#
#   packaging/screenshots.sh OUTDIR
#
# Like demo.sh: installs what is missing, builds (release preset), starts a throwaway demo
# team server (packaging/server/demo-server.sh), fills it with the demo team
# (packaging/demo-data.sh), then runs the app's
# screenshot tour (tests/screenshots) under xvfb-run, signed in as engineer@localhost. Prints
# each PNG written; exits non-zero if a section could not be captured.
# RAPPORT_BUILD_DIR=DIR uses an already configured build folder instead of the preset's.
set -euo pipefail
if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
mkdir -p "$1"
out=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."

if [ -n "${RAPPORT_BUILD_DIR:-}" ]; then
    bin=$RAPPORT_BUILD_DIR
else
    bash packaging/install-deps.sh
    cmake --preset release >/dev/null
    bin=build/release
fi
cmake --build "$bin" -j "$(nproc)" --target rapport-cli screenshot_tour

password=demo
scratch=$(mktemp -d -t rapport-screenshots.XXXXXX)
server_in=""
cleanup() {
    # Closing the server's standard input stops it (demo-server.sh).
    if [ -n "$server_in" ]; then
        exec {server_in}>&- 2>/dev/null || true
        server_in=""
    fi
    wait 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT INT TERM

# shellcheck source=packaging/demo-data.sh
source packaging/demo-data.sh
mkdir -p "$scratch/server/data"
demo_data_history "$scratch/server/data"
coproc SERVER {
    exec bash packaging/server/demo-server.sh "$scratch/server" --users "$(demo_data_users)" \
        --password "$password"
}
server_in=${SERVER[1]}
read -r info <&"${SERVER[0]}" || { echo "screenshots: the demo server did not start" >&2; exit 1; }
ws_url=$(printf '%s' "$info" | sed -E 's/.*"ws_url":"([^"]+)".*/\1/')
demo_data_seed "$bin/app/rapport-cli" "$info" "$password"

# The app starts from an empty profile and catches everything up from the server.
profile="$scratch/profile"
mkdir -p "$profile"
RAPPORT_PASSWORD=$password xvfb-run -a -s "-screen 0 1400x900x24" \
    "$bin/tests/screenshots/screenshot_tour" --profile "$profile" --jid engineer@localhost \
    --server "$ws_url" --customer customer@localhost --query export \
    --min-conversations 10 --min-answers 200 --min-tips 50 "$out"
