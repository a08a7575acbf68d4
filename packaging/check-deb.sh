#!/usr/bin/env bash
# Builds the .deb from a build folder, installs it with apt-get as a user would, and checks
# what got installed: both programs print project()'s version (rapport with no display),
# and the package holds the desktop file, the AppStream metainfo, the icons and the man
# pages, and no other program (no test suite, prosody-fixture or benchmark). Then it
# removes the package again.
#
#   packaging/check-deb.sh
#
# RAPPORT_BUILD_DIR=DIR: the build folder (default build/release; configured with the
# release preset when it does not exist yet). Only rapport, rapport-cli and the desktop
# files are built, which is nothing at all in a folder that is already built.
# RAPPORT_KEEP_INSTALLED=1 leaves the package installed. Needs root or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${RAPPORT_BUILD_DIR:-build/release}
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
say() { echo "== check-deb: $*"; }
fail() { echo "check-deb: FAIL: $*" >&2; exit 1; }

if [ -f "$build/CMakeCache.txt" ]; then
    say "configuring $build"
    cmake -S . -B "$build" >/dev/null
else
    say "configuring $build (preset release)"
    cmake --preset release -B "$build" >/dev/null
fi
say "building rapport, rapport-cli and the desktop files in $build"
cmake --build "$build" -j "$(nproc)" --target rapport rapport-cli rapport_desktop
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || fail "no project version in $build/CMakeCache.txt"

out=$(mktemp -d)
installed=0
cleanup() {
    if [ "$installed" = 1 ] && [ "${RAPPORT_KEEP_INSTALLED:-0}" != 1 ]; then
        say "removing the package"
        $sudo apt-get remove -y -q rapport >/dev/null
    fi
    rm -rf "$out"
}
trap cleanup EXIT

say "cpack"
cpack -G DEB -B "$out" --config "$build/CPackConfig.cmake" >"$out/cpack.log" ||
    { cat "$out/cpack.log"; fail "cpack failed"; }
deb=$(ls "$out"/rapport_*.deb)
say "built $(basename "$deb")"
dpkg-deb -f "$deb" Package Version Architecture Section Depends Recommends Homepage
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package's version is not $version"
# dpkg-shlibdeps worked: the Qt libraries the programs link are dependencies.
for lib in libqt6core6 libqt6widgets6 libqt6websockets6 libqt6keychain1 libgsasl; do
    dpkg-deb -f "$deb" Depends | grep -q "$lib" || fail "Depends lacks $lib"
done
# The package's own tree as a software centre reads it: the metainfo with its desktop file.
dpkg-deb -x "$deb" "$out/root"
appstreamcli validate-tree --no-net "$out/root" >/dev/null ||
    fail "appstreamcli validate-tree on the package's files"
if command -v lintian >/dev/null; then
    say "lintian (for information)"
    lintian "$deb" 2>&1 | grep -v "^running with root" || true
fi

if dpkg-query -W -f='${Status}' rapport 2>/dev/null | grep -q '^install ok installed$'; then
    say "rapport is installed already: removing it first, to test this package's install"
    $sudo apt-get remove -y -q rapport >/dev/null
fi
say "apt-get install $deb"
export DEBIAN_FRONTEND=noninteractive
# Without Recommends (qt6-wayland): the check needs nothing more, and removing the
# package afterwards leaves the machine as it was.
$sudo apt-get install -y -q --no-install-recommends "$deb"
installed=1

say "the installed programs"
packaging/desktop/check-version.sh "$version" /usr/bin/rapport /usr/bin/rapport-cli
if ldd /usr/bin/rapport /usr/bin/rapport-cli | grep 'not found'; then
    fail "libraries missing"
fi

say "the installed files"
files=$(dpkg -L rapport)
id=$(sed -n 's/^set(RAPPORT_APP_ID \(.*\))$/\1/p' CMakeLists.txt)
[ -n "$id" ] || fail "no RAPPORT_APP_ID in CMakeLists.txt"
expected=(
    /usr/bin/rapport /usr/bin/rapport-cli
    "/usr/share/applications/$id.desktop" "/usr/share/metainfo/$id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$id.svg"
    /usr/share/man/man1/rapport.1.gz /usr/share/man/man1/rapport-cli.1.gz
)
for size in 16 24 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$id.png")
done
for f in "${expected[@]}"; do
    grep -qx "$f" <<<"$files" || fail "$f is not in the package"
    [ -f "$f" ] || fail "$f is not on disk"
done
programs=$(grep '/bin/' <<<"$files" | sort | tr '\n' ' ')
[ "$programs" = "/usr/bin/rapport /usr/bin/rapport-cli " ] ||
    fail "programs other than rapport and rapport-cli in the package: $programs"
for size in 16 24 32 48 64 128 256; do
    file "/usr/share/icons/hicolor/${size}x${size}/apps/$id.png" |
        grep -q "PNG image data, $size x $size" || fail "the ${size}x${size} icon is not $size x $size"
done
desktop-file-validate "/usr/share/applications/$id.desktop"
appstreamcli validate --no-net "/usr/share/metainfo/$id.metainfo.xml" >/dev/null
grep -qx "Icon=$id" "/usr/share/applications/$id.desktop" || fail "the desktop file's icon is not $id"
for page in rapport rapport-cli; do
    zcat "/usr/share/man/man1/$page.1.gz" | grep -q "Rapport $version" ||
        fail "the $page man page is not for $version"
    if command -v man >/dev/null; then
        [ "$(man -w "$page")" = "/usr/share/man/man1/$page.1.gz" ] || fail "man does not find $page"
    fi
done
echo "$files" | sed 's/^/  /'
say "passed: rapport $version installs and runs"
