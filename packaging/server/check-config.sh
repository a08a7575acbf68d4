#!/usr/bin/env bash
# Checks the production team template (prosody-team.cfg.lua) the way an admin installs it,
# in a temp dir, without touching /etc/prosody or a running server (ctest: server_config):
#
#  1. a copy of the template where only the absolute paths of a Debian install (pidfile,
#     log files) point into the temp dir; certs/ stays relative to the config, as in
#     /etc/prosody;
#  2. a self-signed test certificate laid out like Let's Encrypt's
#     (TMP/letsencrypt/live/DOMAIN/fullchain.pem, privkey.pem) naming every host of the
#     template, imported with the README's own step: prosodyctl --root cert import;
#  3. `prosodyctl check config` and `prosodyctl check certs`: both must pass and print
#     nothing but their usual lines (Prosody prints some warnings, e.g. open registration
#     or a duplicate option, without failing the check: here they fail it);
#  4. what those checks do not look at: the file https_certificate names exists and
#     covers the domain, every module in a modules_enabled list ships with this Prosody,
#     and every option the template sets is one this Prosody reads (catches typos); the
#     settings Rapport depends on are there (pubsub_max_items, expose_publisher, a pubsub
#     storage_archive_item_limit above pubsub_max_items, registration closed).
#
# The same checks run on Variant B of the template (TLS proxy, consider_websocket_secure)
# and on the SQL storage variant, which must pass too, and on broken copies (a Lua syntax
# error, a misspelt option or module, an obsolete or misplaced option, open registration,
# a duplicate option, a certificate missing a host), each of which must be refused: so a
# check that stopped noticing problems fails here.
#
#   check-config.sh            all of the above
#   check-config.sh FILE       steps 1-4 on FILE only (a config written like the template)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
template="$here/prosody-team.cfg.lua"
prosody_lib=/usr/lib/prosody
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# prosodyctl run as root reads the config (and the certificates) as the prosody user.
chmod 755 "$tmp"

# Prosody's output without its "unable to find lua-unbound" notice (a framed block).
without_notice() {
    awk '/^[*][*][*][*][*]/ { if (inside) { if (block !~ /lua-unbound/) printf "%s", block; block = ""; inside = 0 }
                    else { inside = 1 } ; next }
         inside { block = block $0 "\n"; next }
         { print }'
}

# check_one TEMPLATE DIR [SAN_SKIP]: 0 if TEMPLATE passes; the reasons on stdout otherwise.
# SAN_SKIP: a host the test certificate leaves out (for the self-test).
check_one() {
    local src=$1 dir=$2 skip=${3:-} cfg="$2/prosody.cfg.lua" failed=0
    mkdir -p "$dir/data" "$dir/log" "$dir/certs"
    chmod 755 "$dir"

    # 1. The copy. data_path is Debian's default in the template, so it is added.
    if grep -q '^data_path' "$src"; then
        echo "FAIL: the template sets data_path (Debian's /var/lib/prosody is meant)"; return 1
    fi
    { echo "data_path = \"$dir/data\""
      sed -e "s#\"/run/prosody/prosody.pid\"#\"$dir/prosody.pid\"#" \
          -e "s#\"/var/log/prosody/#\"$dir/log/#g" "$src"; } >"$cfg"
    chmod 644 "$cfg"
    if grep -Eq '"/(run|var|etc)/' "$cfg"; then
        echo "FAIL: absolute paths left that this check does not know how to move:"
        grep -En '"/(run|var|etc)/' "$cfg"
        return 1
    fi

    # 2. The test certificate, named like Let's Encrypt's, for every host.
    local hosts domain san="" h
    hosts=$(grep -oP '^\s*(VirtualHost|Component)\s+"\K[^"]+' "$src" | sort -u)
    domain=$(grep -oP '^\s*VirtualHost\s+"\K[^"]+' "$src" | head -n 1)
    if [ -z "$domain" ]; then
        echo "FAIL: no VirtualHost in the template"; return 1
    fi
    for h in $hosts; do
        [ "$h" = "$skip" ] || san+="${san:+,}DNS:$h"
    done
    local live="$dir/letsencrypt/live/$domain"
    mkdir -p "$live"
    openssl req -x509 -newkey rsa:2048 -nodes -days 90 -subj "/CN=$domain" \
        -addext "subjectAltName=$san" -keyout "$live/privkey.pem" -out "$live/fullchain.pem" \
        2>/dev/null
    local out
    out=$(prosodyctl --config "$cfg" --root cert import "$dir/letsencrypt/live" 2>&1 | without_notice) || true
    if ! grep -q "^Imported certificate and key for hosts" <<<"$out"; then
        echo "FAIL: prosodyctl cert import: $( (grep -m 1 '^Error' <<<"$out" || grep -m 1 '\S' <<<"$out") | sed 's/^ *//')"
        sed 's/^/    /' <<<"$out"; return 1
    fi

    # 3. Prosody's checks, strictly.
    out=$(prosodyctl --config "$cfg" check config 2>&1 | without_notice) && rc=0 || rc=$?
    local unexpected
    unexpected=$(grep -Ev '^(Checking config\.\.\.|    The following configuration files have been loaded:|      -  .*|Done\.|All checks passed, congratulations!|)$' <<<"$out" || true)
    if [ "$rc" -ne 0 ] || [ -n "$unexpected" ] || ! grep -q '^All checks passed' <<<"$out"; then
        echo "FAIL: prosodyctl check config (exit $rc): $(grep -m 1 -E '\S' <<<"$unexpected" | sed 's/^ *//')"
        sed 's/^/    /' <<<"$out"; failed=1
    fi
    out=$(prosodyctl --config "$cfg" check certs 2>&1 | without_notice) && rc=0 || rc=$?
    unexpected=$(grep -Ev '^(Checking certificates\.\.\.|Checking certificate for [^ ]+|  Certificate: .+|All checks passed, congratulations!|)$' <<<"$out" || true)
    if [ "$rc" -ne 0 ] || [ -n "$unexpected" ] || ! grep -q '^All checks passed' <<<"$out"; then
        echo "FAIL: prosodyctl check certs (exit $rc): $(grep -m 1 -E '\S' <<<"$unexpected" | sed 's/^ *//')"
        sed 's/^/    /' <<<"$out"; failed=1
    fi
    for h in $hosts; do
        if ! grep -qx "Checking certificate for $h" <<<"$out"; then
            echo "FAIL: prosodyctl check certs did not check $h"; failed=1
        fi
    done

    # 4a. The certificate the https port serves.
    local https_cert
    https_cert=$(grep -oP '^https_certificate\s*=\s*"\K[^"]+' "$cfg" || true)
    if [ -n "$https_cert" ]; then
        case $https_cert in /*) ;; *) https_cert="$dir/$https_cert" ;; esac
        if [ ! -r "$https_cert" ] || [ ! -r "${https_cert%.crt}.key" ]; then
            echo "FAIL: https_certificate $https_cert (or its .key) is not where cert import puts it"
            failed=1
        elif ! openssl x509 -in "$https_cert" -noout -checkhost "$domain" | grep -q "does match"; then
            echo "FAIL: https_certificate $https_cert does not cover $domain"; failed=1
        fi
    fi

    # 4b. Modules and option names. Lines at brace depth 0, comments and strings removed.
    local code modules options name
    code=$(sed -e 's/--.*$//' "$src" | sed -e 's/"[^"]*"/""/g')
    modules=$(awk '/modules_enabled/ { on = 1 } on { print } on && /}/ { on = 0 }' <<<"$(sed -e 's/--.*$//' "$src")" |
        grep -oP '"\K[a-z0-9_]+(?=")' | sort -u)
    modules+=$'\n'$(grep -oP '^\s*Component\s+"[^"]+"\s+"\K[a-z0-9_]+' "$src" | sort -u)
    for name in $modules; do
        if [ ! -e "$prosody_lib/modules/mod_$name.lua" ] && [ ! -d "$prosody_lib/modules/mod_$name" ] &&
           [ ! -e "$prosody_lib/modules/$name/mod_$name.lua" ]; then
            echo "FAIL: module '$name' is not in $prosody_lib/modules"; failed=1
        fi
    done
    options=$(awk '{ if (depth == 0 && match($0, /^[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*=[^=]/)) {
                         s = $0; sub(/^[ \t]*/, "", s); sub(/[ \t]*=.*$/, "", s); print s }
                     o = gsub(/{/, "{"); c = gsub(/}/, "}"); depth += o - c }' <<<"$code" | sort -u)
    for name in $options; do
        if grep -rqF "\"$name\"" "$prosody_lib" --include='*.lua'; then continue; fi
        # Options built from a module or service name: http_file_share_size_limit is
        # module.name .. "_size_limit", https_certificate is service .. "_certificate".
        local known="" prefix suffix
        prefix=$name
        while [[ $prefix == *_* ]]; do
            prefix=${prefix%_*}
            suffix=${name#"$prefix"}
            if { [ -e "$prosody_lib/modules/mod_$prefix.lua" ] || [ -d "$prosody_lib/modules/mod_$prefix" ]; } &&
               grep -rqF "\"$suffix\"" "$prosody_lib/modules" --include='*.lua'; then
                known=1; break
            fi
            # Network services: portmanager reads PREFIX_ports, PREFIX_interfaces.
            if [[ $prefix =~ ^(c2s|s2s|http|https|c2s_direct_tls|s2s_direct_tls|component)$ ]] &&
               grep -qF "\"${suffix#_}\"" "$prosody_lib/core/portmanager.lua" "$prosody_lib/core/certmanager.lua"; then
                known=1; break
            fi
        done
        if [ -z "$known" ]; then
            echo "FAIL: option '$name' is not read anywhere in $prosody_lib (misspelt?)"; failed=1
        fi
    done
    return "$failed"
}

if [ $# -ge 1 ]; then
    check_one "$1" "$tmp/given"
    echo "server_config: $1 passes"
    exit 0
fi

echo "== the template as shipped"
check_one "$template" "$tmp/template" || { echo "server_config: the template FAILS"; exit 1; }
echo "passes prosodyctl check config, check certs, module and option checks"

# The settings Rapport depends on are there.
grep -Eq '^pubsub_max_items = [0-9]{6,}' "$template" || { echo "FAIL: pubsub_max_items < 100000"; exit 1; }
grep -q '^    expose_publisher = true' "$template" || { echo "FAIL: expose_publisher"; exit 1; }
grep -q '^allow_registration = false' "$template" || { echo "FAIL: registration open"; exit 1; }
grep -q '^c2s_require_encryption = true' "$template" || { echo "FAIL: encryption not required"; exit 1; }
# With internal storage a node refuses items past storage_archive_item_limit (10,000 by
# default): the pubsub component's must be above pubsub_max_items.
max_items=$(grep -oP '^pubsub_max_items = \K[0-9]+' "$template")
item_limit=$(awk '/^Component "pubsub\./ { on = 1; next } /^(Component|VirtualHost) / { on = 0 }
                  on && $1 == "storage_archive_item_limit" { print $3 }' "$template")
if [ -z "$item_limit" ] || [ "$item_limit" -le "$max_items" ]; then
    echo "FAIL: the pubsub component's storage_archive_item_limit (${item_limit:-10000}) is not above pubsub_max_items ($max_items)"
    exit 1
fi

# variant NAME SED-SCRIPT: the template edited by SED-SCRIPT (which must change it).
variant() {
    sed -E "$2" "$template" >"$tmp/$1.cfg.lua"
    if cmp -s "$template" "$tmp/$1.cfg.lua"; then
        echo "FAIL: could not make variant '$1' (the template changed?)"; exit 1
    fi
}

echo "== the alternatives described in the template, switched on"
variant proxy 's/^(https_ports = \{ 5281 \}|https_certificate = )/-- \1/;
               s/^-- (https_ports = \{ \}|consider_websocket_secure = true|trusted_proxies = )/\1/'
[ "$(grep -cE '^(https_ports = \{ \}|consider_websocket_secure|trusted_proxies)' "$tmp/proxy.cfg.lua")" = 3 ] ||
    { echo "FAIL: Variant B's three lines not found"; exit 1; }
check_one "$tmp/proxy.cfg.lua" "$tmp/proxy" || { echo "server_config: Variant B FAILS"; exit 1; }
echo "Variant B (TLS proxy) passes"
variant sql 's/^storage = "internal"/-- &/; s/^-- (storage = "sql")/\1/;
             s/^-- (sql = \{)/\1/; s/^--( +password = "CHANGE-ME")/ \1/'
check_one "$tmp/sql.cfg.lua" "$tmp/sql" || { echo "server_config: the SQL variant FAILS"; exit 1; }
echo "the SQL storage variant passes"

echo "== broken copies, each of which must be refused"
refused=0
expect_refused() { # NAME SED-SCRIPT [SAN_SKIP]
    local slug=${1// /-}
    variant "$slug" "$2"
    local why
    if why=$(check_one "$tmp/$slug.cfg.lua" "$tmp/$slug" "${3:-}"); then
        echo "FAIL: a template with $1 was accepted"; exit 1
    fi
    echo "refused, $1: $(grep '^FAIL' <<<"$why" | sed 's/^FAIL: //' | paste -sd '|' | sed 's/|/; /g')"
    refused=$((refused + 1))
}
expect_refused "a Lua syntax error" 's/^pubsub_max_items = 100000/pubsub_max_items = 100000 }/'
expect_refused "a misspelt option" 's/^smacks_hibernation_time/smacks_hibernaton_time/'
expect_refused "a misspelt module" 's/"carbons";/"carbon";/'
expect_refused "an obsolete option" 's/^(http_default_host = .*)/\1\ncross_domain_websocket = true/'
expect_refused "a global option under a host" 's/^(    expose_publisher = true)/\1\n    http_ports = { 5280 }/'
expect_refused "registration open" 's/^allow_registration = false/allow_registration = true/'
expect_refused "a duplicate option" 's/^(umask = .*)/\1\numask = "022"/'
expect_refused "a certificate without upload.example.com" 's/^(umask = .*)/\1 -- unchanged/' upload.example.com
echo "server_config: the template passes; $refused broken copies were refused"
