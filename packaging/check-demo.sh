#!/usr/bin/env bash
# Checks the README's demo command from the outside (issue 6, must-show 2): runs the real
# packaging/demo.sh under xvfb-run and checks that
#   1. Rapport's main window is mapped (xwininfo),
#   2. the seeded team reached the app: its own store (the SQLite file in the demo's
#      profile, read-only) holds >= 10 conversations with history older than a week,
#      200 answers and 50 tips,
#   3. the demo customer's live message is in that store within 60 s of the window,
#   4. closing Rapport (SIGTERM to the window's process) ends demo.sh, the demo server and
#      the demo customer.
# Screenshots of the window go to OUTDIR: 1-seeded.png once the data is in, 2-live.png
# after the live message, 3-conversation.png with her conversation opened (a click, with
# xdotool); demo.sh's output to OUTDIR/demo.log.
#
#   packaging/check-demo.sh OUTDIR
#   RAPPORT_BUILD_DIR=build/dev packaging/check-demo.sh OUTDIR   (reuses a build)
#
# Exits 0 when all holds, else 1 with the first failure on stderr.
set -euo pipefail
if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
mkdir -p "$1"
out=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."

# The checks share the demo's X display, so all of it runs inside one xvfb-run.
if [ -z "${CHECK_DEMO_UNDER_XVFB:-}" ]; then
    command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null &&
        command -v sqlite3 >/dev/null && command -v import >/dev/null &&
        command -v xdotool >/dev/null || {
        echo "check-demo: needs xvfb-run, xwininfo, sqlite3, import and xdotool: run packaging/install-deps.sh" >&2
        exit 1
    }
    CHECK_DEMO_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1400x900x24" bash "$0" "$out"
fi

log="$out/demo.log"
rm -f "$out"/*.png
say() { echo "check-demo: $*"; }
demo_pid=""
fail() {
    echo "check-demo: FAILED: $*" >&2
    echo "check-demo: demo.sh's output is in $log; its last lines:" >&2
    tail -n 15 "$log" >&2 || true
    if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
        kill -TERM "$demo_pid" 2>/dev/null || true
        wait "$demo_pid" 2>/dev/null || true
    fi
    exit 1
}
# waitfor SECONDS WHAT COMMAND...: until COMMAND succeeds, while demo.sh runs.
waitfor() {
    local seconds=$1 what=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        kill -0 "$demo_pid" 2>/dev/null || fail "demo.sh ended before $what"
        [ "$SECONDS" -lt "$deadline" ] || fail "no $what after $seconds s"
        sleep 0.5
    done
}
log_value() { sed -nE "s/$1/\\1/p" "$log" | head -n 1; }

started=$SECONDS
bash packaging/demo.sh >"$log" 2>&1 &
demo_pid=$!
say "demo.sh started (pid $demo_pid), output in $log"

# Building from scratch can take long; with RAPPORT_BUILD_DIR it is a no-op.
waitfor 3600 "'demo: ready' line" grep -qs '^demo: ready' "$log"
ready_ms=$(($(date +%s) * 1000))
profile=$(log_value '^demo: ready in .* s; profile (.*)$')
server_pid=$(log_value '^demo: team server at .* \(pid ([0-9]+);.*')
bot_pid=$(log_value '^demo: the demo customer .* pid ([0-9]+)\).*')
[ -n "$profile" ] && [ -n "$server_pid" ] && [ -n "$bot_pid" ] ||
    fail "demo.sh did not print its profile, server pid and customer pid"
say "$(grep '^demo: ready' "$log") (after $((SECONDS - started)) s)"

window=""
# The main window is titled "Rapport" or "(N) Rapport" (N unread), of class "rapport"; Qt
# also makes an unmapped 1x1 helper named "Rapport", without a class.
find_window() {
    local w
    for w in $(xwininfo -root -tree |
        sed -nE 's/^ *(0x[0-9a-f]+) "(\([0-9]+\) )?Rapport": \("rapport" "rapport"\).*/\1/p'); do
        if xwininfo -id "$w" | grep -q 'Map State: IsViewable'; then
            window=$w
            return 0
        fi
    done
    return 1
}
waitfor 30 "mapped Rapport window" find_window
window_at=$SECONDS
say "main window $window is mapped ($((SECONDS - started)) s after start)"

db="$profile/engineer@localhost/rapport.sqlite"
query() { sqlite3 -readonly "file:$db?mode=ro" "$1" 2>/dev/null; }
counts=""
seeded() {
    [ -f "$db" ] || return 1
    counts=$(query "SELECT (SELECT count(*) FROM conversations) || ' ' ||
        (SELECT count(*) FROM conversations c WHERE EXISTS (SELECT 1 FROM messages m
            WHERE m.conversation_id = c.id AND m.timestamp < $ready_ms - 7 * 86400000)) || ' ' ||
        (SELECT count(*) FROM messages WHERE timestamp < $ready_ms) || ' ' ||
        (SELECT count(*) FROM answers) || ' ' || (SELECT count(*) FROM tips)") || return 1
    read -r conversations older messages answers tips <<<"$counts"
    [ "$conversations" -ge 10 ] && [ "$older" -ge 3 ] && [ "$messages" -ge 50 ] &&
        [ "$answers" -ge 200 ] && [ "$tips" -ge 50 ]
}
waitfor 45 "seeded data in the app's store ($db; last counts: ${counts:-none})" seeded
read -r conversations older messages answers tips <<<"$counts"
say "the app's store holds $conversations conversations ($older with messages over a week old), $messages messages, $answers answers, $tips tips"
sleep 2  # the list and the open section repaint after the catch-up
import -window "$window" "$out/1-seeded.png"
say "screenshot $out/1-seeded.png"

live=""
live_message() {
    live=$(query "SELECT body FROM messages WHERE sender = 'customer@localhost'
        AND direction = 0 AND timestamp >= $ready_ms - 1000 ORDER BY id LIMIT 1")
    [ -n "$live" ]
}
waitfor $((60 - (SECONDS - window_at))) "live message from the demo customer within 60 s of the window" live_message
say "live message after $((SECONDS - window_at)) s of the window: \"$live\""
# The app read the engineer's own name from their profile (it signs replies: {{me.name}}).
own=""
own_name() {
    own=$(query "SELECT name FROM profiles WHERE jid = 'engineer@localhost'")
    [ -n "$own" ]
}
waitfor 10 "the engineer's own name, read from their profile" own_name
say "the engineer's own name, from their profile: \"$own\""
sleep 2
import -window "$window" "$out/2-live.png"
say "screenshot $out/2-live.png"
# What a newcomer does next: opens the conversation (the newest, at the top of the list),
# where the reply suggestions for her question show beside it.
xdotool mousemove --window "$window" 200 25 click 1
sleep 3
import -window "$window" "$out/3-conversation.png"
say "screenshot $out/3-conversation.png"

app_pid=$(xprop -id "$window" _NET_WM_PID | sed -nE 's/.* = ([0-9]+)$/\1/p')
[ -n "$app_pid" ] || fail "the window does not say its process (_NET_WM_PID)"
say "closing Rapport (SIGTERM to pid $app_pid)"
kill -TERM "$app_pid"
deadline=$((SECONDS + 20))
while kill -0 "$demo_pid" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || fail "demo.sh still runs 20 s after Rapport was closed"
    sleep 0.5
done
wait "$demo_pid" || fail "demo.sh exited with status $? after Rapport was closed"
demo_pid=""
for what in "app:$app_pid" "server:$server_pid" "customer:$bot_pid"; do
    if kill -0 "${what#*:}" 2>/dev/null; then
        fail "the demo's ${what%:*} (pid ${what#*:}) still runs after demo.sh ended"
    fi
done
# Prosody itself is a child of the server script; nothing may run on the demo's data.
# (Read from /proc rather than with pgrep: procps may not be installed.)
scratch=${profile%/profile}
left=""
for cmdline in /proc/[0-9]*/cmdline; do
    args=$(tr '\0' ' ' <"$cmdline" 2>/dev/null) || continue
    if [[ $args == *"$scratch"* ]]; then
        left+=" $(basename "$(dirname "$cmdline")")"
    fi
done
[ -z "$left" ] || fail "processes on the demo's data ($scratch) still run: pids$left"
[ ! -e "$scratch" ] || fail "demo.sh left its temp dir $scratch"
say "Rapport, the demo server and the demo customer are gone; demo.sh cleaned up"
say "OK in $((SECONDS - started)) s"
