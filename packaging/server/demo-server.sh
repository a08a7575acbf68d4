#!/usr/bin/env bash
# A local demo team server made from the production template (prosody-team.cfg.lua):
# the same modules, components and limits, with example.com renamed to localhost and
# only what loopback needs changed (free loopback ports, plain ws:// allowed, a self-signed
# certificate, data in DATA_DIR). Used by the demo and by live-test.sh.
#
#   packaging/server/demo-server.sh DATA_DIR [--users a,b,...] [--password PW] [--admins a,...]
#
# Creates the accounts (users and admins, all with PW, default "demo"; admins default to
# "admin", the template's), starts Prosody in the foreground, and once it accepts
# connections prints one JSON line on stdout:
#   {"ws_url":"ws://127.0.0.1:PORT/xmpp-websocket","wss_url":"wss://localhost:P/xmpp-websocket",
#    "domain":"localhost","pubsub":"pubsub.localhost","rooms":"rooms.localhost",
#    "upload":"upload.localhost","c2s_port":N,"http_port":PORT,"https_port":P,
#    "certificate":"DATA_DIR/certs/localhost.crt","admins":["admin@localhost"],
#    "users":["alice@localhost",...],"dir":"DATA_DIR","config":"DATA_DIR/prosody.cfg.lua",
#    "log":"DATA_DIR/prosody.log"}
# Nothing else goes to stdout. It stops Prosody and exits when its standard input closes,
# on SIGTERM or SIGINT, and exits 1 if Prosody dies. DATA_DIR may be reused: accounts are
# re-created with the given password, everything else is kept (a cache dir works).
# Needs prosody and openssl (packaging/install-deps.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

usage() {
    echo "usage: $0 DATA_DIR [--users a,b,...] [--password PW] [--admins a,...]" >&2
    exit 2
}
[ $# -ge 1 ] || usage
case $1 in -*) usage ;; esac
mkdir -p "$1"
dir=$(cd "$1" && pwd)
shift
users="" password="demo" admins="admin"
while [ $# -gt 0 ]; do
    case $1 in
        --users) [ $# -ge 2 ] || usage; users=$2; shift 2 ;;
        --password) [ $# -ge 2 ] || usage; password=$2; shift 2 ;;
        --admins) [ $# -ge 2 ] || usage; admins=$2; shift 2 ;;
        *) usage ;;
    esac
done
domain=localhost
log="$dir/prosody.log"
cfg="$dir/prosody.cfg.lua"

# Three free loopback ports, held open together so that they differ.
read -r c2s_port http_port https_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(3)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')

mkdir -p "$dir/data" "$dir/certs"
# STARTTLS on c2s and the https port stay on, as in the template: a self-signed
# certificate for every host, made once, where the template's https_certificate points.
if [ ! -s "$dir/certs/$domain.crt" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=$domain" \
        -addext "subjectAltName=DNS:$domain,DNS:pubsub.$domain,DNS:rooms.$domain,DNS:upload.$domain" \
        -keyout "$dir/certs/$domain.key" -out "$dir/certs/$domain.crt" 2>/dev/null
fi

# The template, renamed. An Include has its own scope, so the overrides below are global
# options of this file and replace the template's (later values win).
sed "s/example\.com/$domain/g" "$here/prosody-team.cfg.lua" >"$dir/team.cfg.lua"
lua_list() { # a,b -> "a@localhost", "b@localhost"
    local out="" x
    IFS=, read -ra xs <<<"$1"
    for x in "${xs[@]}"; do [ -n "$x" ] && out+="${out:+, }\"$x@$domain\""; done
    printf '%s' "$out"
}
cat >"$cfg" <<EOF
-- Written by packaging/server/demo-server.sh: the team template on loopback.
Include "team.cfg.lua"

run_as_root = true
data_path = "$dir/data"
pidfile = "$dir/prosody.pid"
log = { { levels = { min = "info" }, to = "console" } }
admins = { $(lua_list "$admins") }

-- Loopback only, on free ports. Clients use plain ws:// (and TCP without STARTTLS), so
-- that must be allowed to sign in; https (with the self-signed certificate) is there too.
-- Nothing here is reachable from the network.
interfaces = { "127.0.0.1" }
c2s_ports = { $c2s_port }
http_ports = { $http_port }
http_interfaces = { "127.0.0.1" }
https_ports = { $https_port }
https_interfaces = { "127.0.0.1" }
c2s_require_encryption = false

-- Served under the default host, so that http://127.0.0.1:PORT/ reaches it.
Component "upload.$domain" "http_file_share"
    http_host = "$domain"
    http_external_url = "http://127.0.0.1:$http_port/"
EOF

IFS=, read -ra user_list <<<"$users"
IFS=, read -ra admin_list <<<"$admins"
json_list() {
    local out="" x
    for x in "$@"; do [ -n "$x" ] && out+="${out:+,}\"$x@$domain\""; done
    printf '[%s]' "$out"
}
for u in "${admin_list[@]}" "${user_list[@]}"; do
    [ -n "$u" ] || continue
    prosodyctl --config "$cfg" register "$u" "$domain" "$password" >>"$log" 2>&1 ||
        { echo "demo-server: could not create $u@$domain (see $log)" >&2; exit 1; }
done

prosody --config "$cfg" -F >>"$log" 2>&1 </dev/null &
pid=$!
stop() {
    trap - EXIT INT TERM
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

# Ready when the WebSocket endpoint answers its GET with 200.
ready=""
for _ in $(seq 150); do
    kill -0 "$pid" 2>/dev/null || break
    if { exec 3<>"/dev/tcp/127.0.0.1/$http_port"; } 2>/dev/null; then
        printf 'GET /xmpp-websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
        status=$(head -n 1 <&3 || true)
        exec 3<&-
        case $status in "HTTP/1.1 200"*) ready=1; break ;; esac
    fi
    sleep 0.1
done
if [ -z "$ready" ]; then
    echo "demo-server: Prosody did not start; the end of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
fi

printf '{"ws_url":"ws://127.0.0.1:%s/xmpp-websocket","wss_url":"wss://%s:%s/xmpp-websocket","domain":"%s","pubsub":"pubsub.%s","rooms":"rooms.%s","upload":"upload.%s","c2s_port":%s,"http_port":%s,"https_port":%s,"certificate":"%s","admins":%s,"users":%s,"dir":"%s","config":"%s","log":"%s"}\n' \
    "$http_port" "$domain" "$https_port" "$domain" "$domain" "$domain" "$domain" "$c2s_port" "$http_port" "$https_port" "$dir/certs/$domain.crt" \
    "$(json_list "${admin_list[@]}")" "$(json_list "${user_list[@]}")" "$dir" "$cfg" "$log"

# Until standard input closes (read returns 1; a timeout returns more than 128).
while kill -0 "$pid" 2>/dev/null; do
    rc=0
    read -r -t 1 _ || rc=$?
    if [ "$rc" -ne 0 ] && [ "$rc" -le 128 ]; then
        exit 0
    fi
done
echo "demo-server: Prosody stopped on its own; the end of $log:" >&2
tail -n 20 "$log" >&2
exit 1
