#!/usr/bin/env bash
# Installs every Debian 12 package that Rapport's build, tests and demo need.
# Idempotent: packages already present are skipped; `apt-get update` runs only
# when something is missing. Safe to run as root or through sudo.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkgconf git clang-format openssl
  # Qt 6.4 (core: Core, Network, WebSockets, Sql, Concurrent; ui: Gui, Widgets, Svg)
  qt6-base-dev qt6-websockets-dev libqt6sql6-sqlite qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev
  # SASL (SCRAM-SHA-1/256 with SASLprep, PLAIN)
  libgsasl-dev
  # the team server for tests and the demo, and a third-party peer for interop tests
  prosody python3-slixmpp
  # packaging/server: the ejabberd template is checked as YAML
  python3-yaml
  # headless UI tests, screenshots; the demo's check (packaging/check-demo.sh) finds the
  # window (xwininfo, xprop), clicks in it (xdotool) and reads the app's store (sqlite3)
  xvfb xauth imagemagick x11-utils sqlite3 xdotool
  # a private D-Bus session bus for the desktop-notification test
  dbus-daemon
  # the .deb (CPack's dependency scan: dpkg-shlibdeps, file) and the checks of its desktop
  # file, AppStream metainfo and man pages (packaging/desktop, ctest -L packaging)
  dpkg-dev file desktop-file-utils appstream groff-base
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"

# Debian's prosody package starts a system-wide server on 5222/5280; tests and
# the demo run their own instances on free loopback ports, so the system one
# is not needed. Stop it where a service manager runs (no-op in containers).
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet prosody 2>/dev/null; then
  $sudo systemctl stop prosody || true
fi
echo "install-deps: done"
