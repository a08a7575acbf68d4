#!/usr/bin/env bash
# Checks the team server config with Prosody's own checker (run by ctest as
# server_config): a copy with its data and certificates in a temp dir, so it runs
# anywhere without touching /etc/prosody.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data" "$tmp/certs"
# prosodyctl run as root reads the config as the prosody user.
chmod 755 "$tmp"
{
    echo "data_path = \"$tmp/data\""
    echo "certificates = \"$tmp/certs\""
    echo "pidfile = \"$tmp/prosody.pid\""
    cat "$here/prosody-team.cfg.lua"
} >"$tmp/prosody.cfg.lua"
chmod 644 "$tmp/prosody.cfg.lua"
out=$(prosodyctl --config "$tmp/prosody.cfg.lua" check config 2>&1) || true
echo "$out"
grep -q "All checks passed" <<<"$out"
# The settings Rapport depends on are there.
grep -Eq '^pubsub_max_items = [0-9]{6,}' "$here/prosody-team.cfg.lua"
grep -q 'expose_publisher = true' "$here/prosody-team.cfg.lua"
