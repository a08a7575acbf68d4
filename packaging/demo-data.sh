#!/usr/bin/env bash
# Demo data for a demo team server (packaging/server/demo-server.sh): the team of
# packaging/demo/team.py, written by the people who would write it. Sourced by demo.sh and
# screenshots.sh:
#
#   source packaging/demo-data.sh
#   demo_data_users                          the accounts to create, comma-separated
#   demo_data_history DATA_PATH              BEFORE the server starts, on a new data dir:
#                                            three weeks of conversations of the engineer
#                                            with six customers and four colleagues, in
#                                            the server's archive with their past dates
#   demo_data_seed RAPPORT_CLI SERVER_JSON PASSWORD
#                                            once it runs: the team's nodes (team init by
#                                            admin), the engineer's roster (colleagues in
#                                            "Team", customers in "Customers"), 200
#                                            answers over six products and 50 tips with
#                                            comments and likes, published by their
#                                            authors with their past dates
#
# SERVER_JSON is the server's JSON line (ws_url, c2s_port). All accounts share PASSWORD;
# admin@localhost is an admin of the server. Everything after the history goes through the
# server (rapport-cli; packaging/demo/seed.py over XMPP for the answers' and tips' dates),
# so a client that signs in afterwards catches it all up as it would in real life. Prints
# one line per step on stderr; returns 1 at the first step that fails.

# Debian's python3 throughout (it has python3-slixmpp), not another one earlier in PATH.
_demo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/demo"

demo_data_users() {
    /usr/bin/python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import team
print(",".join(team.accounts()))' "$_demo_dir"
}

demo_data_history() {
    echo "demo-data: three weeks of conversations into the server's archive" >&2
    /usr/bin/python3 "$_demo_dir/seed.py" history "$1" >/dev/null
}

demo_data_seed() {
    local cli=$1 server=$2 password=$3
    local scratch status=0
    # The people's own local stores: scratch, only the server keeps what they wrote.
    scratch=$(mktemp -d -t rapport-demo-data.XXXXXX) || return 1
    _demo_data_write "$cli" "$server" "$password" "$scratch" || status=$?
    rm -rf "$scratch"
    return "$status"
}

_demo_data_write() {
    local cli=$1 server=$2 password=$3 scratch=$4
    local ws_url
    ws_url=$(printf '%s' "$server" | sed -E 's/.*"ws_url":"([^"]+)".*/\1/')
    # _demo_as USER COMMAND...: rapport-cli signed in as USER@localhost, with USER's own
    # scratch profile (so that several can run at once); stdout is the command's JSON.
    _demo_as() {
        local user=$1
        shift
        RAPPORT_PASSWORD=$password "$cli" --profile "$scratch/$user" --server "$ws_url" \
            --jid "$user@localhost" "$@"
    }
    _demo_say() { echo "demo-data: $*" >&2; }
    _demo_py() { /usr/bin/python3 -c "import sys; sys.path.insert(0, '$_demo_dir'); import team; $1"; }

    local members
    members=$(_demo_py 'print(",".join(a + "@localhost" for a in [team.ENGINEER, *team.COLLEAGUES]))')
    _demo_say "team nodes (answers, tips) for $members"
    _demo_as admin team init --service pubsub.localhost --members "$members" >/dev/null ||
        return 1

    # Two jobs at once: they are mostly waiting for the server.
    _demo_say "everyone's name in their profile, 200 answers, 50 tips with comments and likes, the engineer's roster"
    /usr/bin/python3 "$_demo_dir/seed.py" team "$server" "$password" >"$scratch/team.json" \
        2>"$scratch/team.log" &
    local team_job=$!
    (
        _demo_py 'print("\n".join(f"{a}\t{n}\t{team.COLLEAGUE_GROUP}" for a, (n, _) in team.COLLEAGUES.items()))
print("\n".join(f"{a}\t{n}\t{team.CUSTOMER_GROUP}" for a, (n, _) in team.CUSTOMERS.items()))' |
            while IFS=$'\t' read -r account name group; do
                _demo_as engineer roster set "$account@localhost" --name "$name" \
                    --group "$group" >>"$scratch/roster.log" 2>&1 || exit 1
            done
    ) &
    local roster_job=$!
    local failed=""
    wait "$team_job" || failed+=" answers-and-tips"
    wait "$roster_job" || failed+=" roster"
    if [ -n "$failed" ]; then
        _demo_say "failed:$failed"
        tail -n 3 "$scratch"/*.log >&2
        return 1
    fi
    _demo_say "done: $(cat "$scratch/team.json")"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    echo "packaging/demo-data.sh is sourced by demo.sh and screenshots.sh; see its top." >&2
    exit 2
fi
