#!/usr/bin/env bash
# ctest man_pages: each page formats without a single groff warning (-ww) and has the NAME
# line that man-db's index (lexgrog, whatis) reads.
# Usage: check-man-pages.sh PAGE...
set -euo pipefail
for page in "$@"; do
    warnings=$(groff -ww -man -z "$page" 2>&1)
    if [ -n "$warnings" ]; then
        echo "$page: groff warnings:" >&2
        echo "$warnings" >&2
        exit 1
    fi
    if command -v lexgrog >/dev/null; then
        lexgrog "$page" || { echo "$page: no NAME line lexgrog can read" >&2; exit 1; }
    fi
done
echo "man_pages: $# pages clean"
