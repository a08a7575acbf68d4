#!/usr/bin/env bash
# ctest version, and packaging/check-deb.sh on the installed programs: `rapport --version`
# and `rapport-cli --version` print project()'s version; the desktop app does so with no
# display at all (no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM), as in a package's
# post-install check or over ssh, and on the offscreen platform.
# Usage: check-version.sh VERSION RAPPORT RAPPORT_CLI
set -euo pipefail
version=$1 rapport=$2 cli=$3
status=0
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT

expect() {  # expect WHAT EXPECTED COMMAND...
    local what=$1 expected=$2 out rc
    shift 2
    # Standard output only: Qt may warn on stderr (no XDG_RUNTIME_DIR, say).
    out=$("$@" 2>"$errors") && rc=0 || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "FAIL $what: exit status $rc: $out $(cat "$errors")" >&2
        status=1
    elif [ "$out" != "$expected" ]; then
        echo "FAIL $what: printed '$out', expected '$expected'" >&2
        status=1
    else
        echo "ok   $what: $out"
    fi
}

headless=(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM)
expect "rapport-cli --version" "rapport-cli $version" "${headless[@]}" "$cli" --version
expect "rapport --version, no display" "rapport $version" "${headless[@]}" "$rapport" --version
expect "rapport -v, no display" "rapport $version" "${headless[@]}" "$rapport" -v
expect "rapport --version, offscreen" "rapport $version" \
    env QT_QPA_PLATFORM=offscreen "$rapport" --version
# Qt's own options are not the early parser's: QApplication takes them, then answers.
expect "rapport -platform offscreen --version" "rapport $version" \
    "${headless[@]}" "$rapport" -platform offscreen --version

# --help, too, needs no display.
if help=$("${headless[@]}" "$rapport" --help 2>&1) && grep -q -- '--profile' <<<"$help"; then
    echo "ok   rapport --help, no display"
else
    echo "FAIL rapport --help, no display: $help" >&2
    status=1
fi
exit $status
