#!/usr/bin/env bash
# ctest appstream_metainfo: the metainfo passes `appstreamcli validate --no-net` (what
# software centres and Debian's appstream-generator rely on), and says what CMake says: the
# app id, its desktop file, project()'s homepage, and project()'s version as the newest
# release.
# Usage: check-metainfo.sh FILE APP_ID VERSION HOMEPAGE
set -euo pipefail
file=$1 id=$2 version=$3 homepage=$4

command -v appstreamcli >/dev/null ||
    { echo "appstreamcli is missing: run packaging/install-deps.sh" >&2; exit 1; }
appstreamcli validate --no-net "$file"

fail() { echo "$file: $*" >&2; exit 1; }
[ "$(basename "$file")" = "$id.metainfo.xml" ] || fail "not named $id.metainfo.xml"
grep -q "<id>$id</id>" "$file" || fail "<id> is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$file" ||
    fail "<launchable> is not $id.desktop"
grep -q "<url type=\"homepage\">$homepage</url>" "$file" || fail "homepage is not $homepage"
# Releases are listed newest first (AppStream's rule).
newest=$(grep -o '<release version="[^"]*"' "$file" | head -n1 | sed 's/.*version="//; s/"$//')
[ "$newest" = "$version" ] ||
    fail "the newest <release> is '$newest', project() says $version: add a <release>"
echo "appstream_metainfo: $file valid, release $version"
