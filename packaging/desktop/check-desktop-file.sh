#!/usr/bin/env bash
# ctest desktop_file: the .desktop file passes desktop-file-validate (the freedesktop.org
# checker distributions use), with no hint or warning either, and it is named, and names
# its icon, after the app id.
# Usage: check-desktop-file.sh FILE APP_ID
set -euo pipefail
file=$1 id=$2

command -v desktop-file-validate >/dev/null ||
    { echo "desktop-file-validate is missing: run packaging/install-deps.sh" >&2; exit 1; }
out=$(desktop-file-validate "$file" 2>&1) || { echo "$out"; exit 1; }
if [ -n "$out" ]; then echo "$out"; exit 1; fi

[ "$(basename "$file")" = "$id.desktop" ] || { echo "$file is not named $id.desktop" >&2; exit 1; }
grep -qx "Icon=$id" "$file" || { echo "$file: Icon= is not $id" >&2; exit 1; }
grep -qx "Exec=rapport" "$file" || { echo "$file: Exec= is not rapport" >&2; exit 1; }
echo "desktop_file: $file valid"
