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
# team server, fills it with demo data (packaging/demo-data.sh), then runs the app's
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
cmake --build "$bin" -j "$(nproc)" --target rapport-cli prosody-fixture screenshot_tour

password=demo
coproc FIXTURE {
    "$bin/tests/support/prosody-fixture" --users engineer,customer,colleague,admin \
        --admin admin@localhost --password "$password"
}
read -r info <&"${FIXTURE[0]}" || { echo "screenshots: the demo server did not start" >&2; exit 1; }
ws_url=$(printf '%s' "$info" | sed -E 's/.*"ws_url":"([^"]+)".*/\1/')
fixture_in=${FIXTURE[1]}
profile=""
cleanup() {
    if [ -n "$fixture_in" ]; then
        exec {fixture_in}>&- 2>/dev/null || true
        fixture_in=""
    fi
    wait 2>/dev/null || true
    [ -n "$profile" ] && rm -rf "$profile"
}
trap cleanup EXIT INT TERM

# shellcheck source=packaging/demo-data.sh
source packaging/demo-data.sh
demo_data_seed "$bin/app/rapport-cli" "$ws_url" "$password"

# The app starts from an empty profile and catches everything up from the server.
profile=$(mktemp -d -t rapport-screenshots-profile.XXXXXX)
RAPPORT_PASSWORD=$password xvfb-run -a -s "-screen 0 1400x900x24" \
    "$bin/tests/screenshots/screenshot_tour" --profile "$profile" --jid engineer@localhost \
    --server "$ws_url" --customer customer@localhost --query export \
    --min-conversations 2 --min-answers 7 --min-tips 4 "$out"
