#!/usr/bin/env bash
# Demo data for a demo team server, written through rapport-cli as the people who would write
# it: the team's answer and tips nodes (set up by the admin), a customer's conversation with
# the engineer (a Markdown reply with a list, code and a link), a colleague's conversation, a
# library of answers with tags and placeholders by the engineer and the colleague, and tips
# with likes and comments. Everything goes through the server, so a client that signs in
# afterwards catches it all up as it would in real life.
#
# Needs the accounts engineer, customer, colleague and admin @localhost, all with the same
# password, admin@localhost being an admin of the server:
#   prosody-fixture --users engineer,customer,colleague,admin --admin admin@localhost
#
#   packaging/demo-data.sh RAPPORT_CLI WS_URL PASSWORD
# or, from another script:
#   source packaging/demo-data.sh; demo_data_seed RAPPORT_CLI WS_URL PASSWORD
# Prints one line per step on stderr; fails (exit 1) at the first command that fails.

demo_data_seed() {
    local cli=$1 ws_url=$2 password=$3
    local profile
    # The people's own local stores: scratch, only the server keeps what they wrote.
    profile=$(mktemp -d -t rapport-demo-data.XXXXXX) || return 1
    local status=0
    _demo_data_write "$cli" "$ws_url" "$password" "$profile" || status=$?
    rm -rf "$profile"
    return "$status"
}

_demo_data_write() {
    local cli=$1 ws_url=$2 password=$3 profile=$4
    # _demo_as USER COMMAND...: rapport-cli signed in as USER@localhost; stdout is the command's JSON.
    _demo_as() {
        local user=$1
        shift
        RAPPORT_PASSWORD=$password "$cli" --profile "$profile" --server "$ws_url" \
            --jid "$user@localhost" "$@"
    }
    # The "id" of the JSON line on stdin.
    _demo_json_id() { grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4; }
    _demo_say() { echo "demo-data: $*" >&2; }

    _demo_say "team nodes (answers, tips) for engineer and colleague"
    _demo_as admin team init --service pubsub.localhost \
        --members engineer@localhost,colleague@localhost >/dev/null || return 1

    _demo_say "answers"
    _demo_as engineer answers add --title "Export invoices as CSV" --tag billing --tag export \
        --tag invoices --body-file - >/dev/null <<'EOF' || return 1
Hi {{customer.name|there}},

You can export your invoices yourself:

1. Open **Billing → Invoices**
2. Pick the month (or a date range)
3. Click **Export** and choose *CSV*

The file opens in Excel, Numbers or LibreOffice. Let me know if a column is missing!

{{me.name}}
EOF
    _demo_as colleague answers add --title "Monthly invoice export, automated" --tag billing \
        --tag export --tag api --body-file - >/dev/null <<'EOF' || return 1
Hi {{customer.name|there}}, there is no scheduled export in the app yet, but the API gives
you the same CSV. With an API token from **Settings → API**:

```
curl -H "Authorization: Bearer $TOKEN" \
  "https://api.example.com/v2/invoices.csv?month=2024-05" -o invoices.csv
```

Run it from cron on the 1st of each month. The API reference:
<https://docs.example.com/api/invoices>
EOF
    _demo_as engineer answers add --title "Blank page after login" --tag browser \
        --tag troubleshooting --body-file - >/dev/null <<'EOF' || return 1
Sorry about that, {{customer.name|there}}! A blank page is almost always an old copy of the
app in the browser's cache. Could you try:

- a **private window** (Ctrl+Shift+N / Cmd+Shift+N), and if that works
- clearing the cache for *app.example.com* only

If it is still blank, please send me what *F12 → Console* shows.
EOF
    _demo_as colleague answers add --title "Add a second admin to the account" --tag accounts \
        --tag permissions --body-file - >/dev/null <<'EOF' || return 1
Hi {{customer.name|there}}, an admin can add another one under **Settings → Team**:
invite the person, then set their role to *Admin*. They get an email and sign in with it.
Accounts on the Starter plan have one admin; {{plan_upgrade_link|the Business plan}} has no limit.
EOF
    _demo_as engineer answers add --title "Reset two-factor authentication" --tag security \
        --tag 2fa --tag accounts --body-file - >/dev/null <<'EOF' || return 1
Hi {{customer.name|there}}, for your security we reset two-factor authentication only
after checking it is really you. I have opened ticket **{{ticket_id}}** for it; please
reply from the account's email address with the last four digits of the card on file.

Once it is reset you can set it up again under *Profile → Security*.
EOF
    _demo_as colleague answers add --title "Refunds within 30 days" --tag billing --tag refunds \
        --body-file - >/dev/null <<'EOF' || return 1
We refund any payment within **30 days**, no questions asked. I have started it for
invoice {{invoice_number}}; it reaches your card in 5–10 working days.

Our refund policy: [example.com/refunds](https://example.com/refunds)
EOF
    _demo_as engineer answers add --title "Known issue: slow dashboard" --tag incident \
        --tag status --body-file - >/dev/null <<'EOF' || return 1
Thanks for reporting it, {{customer.name|there}}. We know the dashboard is slow right now
and are working on it; follow <https://status.example.com> for updates.
EOF

    _demo_say "tips, likes and comments"
    local t1 t2 t3 t4
    t1=$(_demo_as colleague tips post --tag shortcuts --tag search --body-file - <<'EOF' | _demo_json_id
**Ctrl+K** searches chats, answers *and* tips at once. Narrow it down with
`tag:billing` or `with:customer@localhost`.
EOF
    ) && [ -n "$t1" ] || return 1
    t2=$(_demo_as engineer tips post --tag troubleshooting --body-file - <<'EOF' | _demo_json_id
A customer reports a blank page? Ask for *F12 → Console* **first**: one red line there
saves two rounds of questions. The answer "Blank page after login" has the wording.
EOF
    ) && [ -n "$t2" ] || return 1
    t3=$(_demo_as colleague tips post --tag library --body-file - <<'EOF' | _demo_json_id
Placeholders fill themselves in: `{{customer.name}}` becomes the customer's name when you
insert an answer, and one Rapport does not know (like `{{ticket_id}}`) is asked for.
EOF
    ) && [ -n "$t3" ] || return 1
    t4=$(_demo_as engineer tips post --tag billing --tag export --body-file - <<'EOF' | _demo_json_id
Customers who export invoices every month usually want the API, not the button: the
answer "Monthly invoice export, automated" has a ready `curl` line.
EOF
    ) && [ -n "$t4" ] || return 1
    _demo_as engineer tips like "$t1" >/dev/null || return 1
    _demo_as engineer tips like "$t3" >/dev/null || return 1
    _demo_as colleague tips like "$t2" >/dev/null || return 1
    _demo_as colleague tips like "$t4" >/dev/null || return 1
    _demo_as engineer tips comment "$t4" "Used it twice today, both customers were happy." \
        >/dev/null || return 1
    _demo_as colleague tips comment "$t4" "Nice! I added the cron line to the answer." \
        >/dev/null || return 1
    _demo_as engineer tips comment "$t1" "with: saved me so much scrolling." >/dev/null || return 1

    _demo_say "conversations"
    _demo_as colleague send engineer@localhost \
        "Could you take the ACME ticket? I'm on a call with another customer until 3." \
        >/dev/null || return 1
    _demo_as engineer send colleague@localhost \
        "Sure, on it. I'll put the CSV steps in the library once it's sorted." \
        >/dev/null || return 1
    _demo_as colleague send engineer@localhost "Great, thanks!" >/dev/null || return 1

    _demo_as customer send engineer@localhost \
        "Hi, our invoices page shows a blank screen since this morning. Account ACME-2231." \
        >/dev/null || return 1
    _demo_as engineer send customer@localhost \
        "Hi Dana, sorry about that! Which browser do you use, and does a private window show the same?" \
        >/dev/null || return 1
    _demo_as customer send engineer@localhost "Firefox 126. The private window is blank too." \
        >/dev/null || return 1
    _demo_as engineer send customer@localhost "$(cat <<'EOF'
Thanks! It is a known issue since yesterday's release, fixed tonight. Until then you can get them here:

1. Open **Billing → Invoices**
2. Click **Export** and choose `CSV`
3. Filter by month if the file is large

Status updates: https://status.example.com
EOF
)" >/dev/null || return 1
    _demo_as customer send engineer@localhost \
        "That worked, thank you! Can we get last month's invoices as a CSV export automatically every month?" \
        >/dev/null || return 1
    _demo_say "done"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    if [ $# -ne 3 ]; then
        echo "usage: $0 RAPPORT_CLI WS_URL PASSWORD" >&2
        exit 2
    fi
    demo_data_seed "$@"
fi
