"""The demo team: who is in it, what it sells, and what its customers write.

Plain data for packaging/demo/seed.py and customer_bot.py. The company is a small SaaS
vendor with six products; the answers are built from templates below, one per question
and product it fits, with the product's own menus, links and limits filled in, so that
each reads as an answer someone on the team wrote for that product.
"""

DOMAIN = "localhost"
ENGINEER = "engineer"
ENGINEER_NAME = "Sam Rivera"  # the newcomer's own name, in their profile
ADMIN = "admin"

# account -> (name, what they do). "Team" is a group the app treats as colleagues.
COLLEAGUES = {
    "maya": ("Maya Chen", "billing and accounts"),
    "priya": ("Priya Natarajan", "API and integrations"),
    "tom": ("Tom Becker", "mobile and SSO"),
    "lena": ("Lena Okafor", "team lead"),
}
# account -> (name, company). "customer" is the one who keeps writing (customer_bot.py).
CUSTOMERS = {
    "customer": ("Dana Whitfield", "ACME Logistics"),
    "ravi": ("Ravi Kapoor", "Brightline Health"),
    "lucia": ("Lucía Fernández", "Tienda Verde"),
    "ken": ("Ken Watanabe", "Kumo Labs"),
    "sofia": ("Sofia Lindqvist", "Nordhavn Shipping"),
    "marcus": ("Marcus Hale", "Hale & Finch"),
}
COLLEAGUE_GROUP = "Team"
CUSTOMER_GROUP = "Customers"


def accounts():
    return [ENGINEER, *COLLEAGUES, *CUSTOMERS]


def full_name(account):
    """The name an account gives itself in its profile (vCard)."""
    if account == ENGINEER:
        return ENGINEER_NAME
    return {**COLLEAGUES, **CUSTOMERS}[account][0]


# Each product: its name, tag, where its settings are, its docs, what it exports (the
# section and, in words, the things), and a limit that differs from one to the next.
PRODUCTS = {
    "ledger": dict(name="Ledger", what="invoicing", settings="Ledger → Settings → Billing",
                   docs="https://docs.example.com/ledger", export="Invoices", things="invoices",
                   limit="10,000 invoices", mobile=False),
    "insight": dict(name="Insight", what="dashboards", settings="Insight → Admin → Workspace",
                    docs="https://docs.example.com/insight", export="Reports", things="reports",
                    limit="50 dashboards per workspace", mobile=False),
    "pocket": dict(name="Pocket", what="the mobile app", settings="Pocket → Profile → Settings",
                   docs="https://docs.example.com/pocket", export="Activity", things="activity history",
                   limit="5 devices per user", mobile=True),
    "connect": dict(name="Connect", what="the API", settings="Connect → Developer → Keys",
                    docs="https://docs.example.com/connect", export="Request logs", things="request logs",
                    limit="600 requests per minute", mobile=False),
    "sync": dict(name="Sync", what="integrations", settings="Sync → Integrations",
                 docs="https://docs.example.com/sync", export="Sync history", things="sync history",
                 limit="20 active integrations", mobile=False),
    "identity": dict(name="Identity", what="sign-in and SSO", settings="Identity → Admin → Sign-in",
                     docs="https://docs.example.com/identity", export="Audit log", things="the audit log",
                     limit="3 identity providers", mobile=False),
}

# Answer templates: (title, tags, products it fits, body). In the title and body,
# {name} {settings} {docs} {export} {limit} {tag} are the product's; {{...}} stay as
# placeholders for the app to fill in. {things} is what the product exports, in words.
ANSWERS = [
    ("{name}: export {things} to CSV", ["export", "csv"], "ledger insight sync identity connect pocket", """\
Hi {{{{customer.name|there}}}},

You can export {things} yourself in {name}:

1. Open **{export}**
2. Pick the date range (or leave it empty for everything)
3. Click **Export → CSV**

Large exports are emailed to you as a link within a few minutes. Anything missing in the
file? Tell me which column and I'll check.

{{{{me.name}}}}
"""),
    ("{name}: {things} exported by email on a schedule", ["export", "automation"], "ledger insight sync", """\
Hi {{{{customer.name|there}}}}, yes: under **{export} → Schedule** you can have the export
sent every day, week or month to up to five addresses. The first one goes out at the next
full hour, so you can check the file today.

Details: <{docs}/scheduled-exports>
"""),
    ("{name}: reset a user's password", ["login", "password", "accounts"], "ledger insight pocket identity sync", """\
Hi {{{{customer.name|there}}}}, an admin can send a new reset link under
**{settings} → Users**: open the user, then **Send password reset**. The link is valid for
24 hours. If the email does not arrive, it is usually the spam folder, or a mail filter
that blocks *no-reply@example.com*.
"""),
    ("{name}: sign-in with SSO fails (SAML)", ["sso", "saml", "login"], "identity ledger insight", """\
Sorry about the trouble, {{{{customer.name|there}}}}! When SSO sign-in fails for everyone at
once, it is almost always the identity provider's certificate: it was renewed on your side
but not uploaded to {name}.

1. Download the new signing certificate from your IdP (Okta, Entra ID, Google...)
2. Upload it under **{settings} → SSO → Certificate**
3. Sign in again in a private window

If it still fails, please send me the time of a failed attempt; I can read the SAML error
from our logs. Setup guide: <{docs}/sso>
"""),
    ("{name}: two-factor authentication reset", ["2fa", "security", "accounts"], "identity ledger pocket insight", """\
Hi {{{{customer.name|there}}}}, for your security we reset two-factor authentication only
after checking it is really you. I have opened ticket **{{{{ticket_id}}}}** for it; please
reply from the account's email address with the last four digits of the card on file.

Once it is reset, set it up again under **{settings} → Security**.
"""),
    ("{name}: add another admin", ["accounts", "permissions"], "ledger insight sync identity connect", """\
Hi {{{{customer.name|there}}}}, an admin can add another one under **{settings} → Team**:
invite the person, then set their role to *Admin*. They get an email and sign in with it.
The Starter plan has one admin; {{{{plan_upgrade_link|the Business plan}}}} has no limit.
"""),
    ("{name}: remove a user who left", ["accounts", "offboarding", "security"], "ledger insight pocket sync identity", """\
Hi {{{{customer.name|there}}}}, under **{settings} → Users**, open the person and choose
**Deactivate**. They are signed out everywhere at once, their work stays where it is, and
the seat is free for someone else on your next invoice. If you use SSO, removing them in
your identity provider does the same within an hour.
"""),
    ("{name}: known issue, slower than usual", ["incident", "status", "performance"], "ledger insight pocket connect sync identity", """\
Thanks for reporting it, {{{{customer.name|there}}}}. We know {name} is slower than usual
right now and the team is on it; you can follow it on <https://status.example.com>. I'll
write to you here as soon as it is fixed. Nothing you entered is lost.
"""),
    ("{name}: blank page after login", ["browser", "troubleshooting"], "ledger insight identity sync", """\
Sorry about that, {{{{customer.name|there}}}}! A blank page is almost always an old copy of
{name} in the browser's cache. Could you try:

- a **private window** (Ctrl+Shift+N / Cmd+Shift+N), and if that works
- clearing the cache for *app.example.com* only

If it is still blank, please send me what *F12 → Console* shows.
"""),
    ("{name}: API rate limit (HTTP 429)", ["api", "rate-limit"], "connect sync ledger insight", """\
Hi {{{{customer.name|there}}}}, a `429 Too Many Requests` means the key went over its limit
({limit} for {name}). The response's `Retry-After` header says how many seconds to wait.
For bulk jobs, please:

- batch requests (up to 100 records per call)
- retry with backoff instead of at once

If you need a higher limit for a migration, tell me the dates and I'll ask the team.
Reference: <{docs}/rate-limits>
"""),
    ("{name}: create an API key", ["api", "keys"], "connect ledger insight sync", """\
Hi {{{{customer.name|there}}}}, API keys are under **{settings} → API keys → New key**.
Give it a name that says what uses it (e.g. *warehouse sync*) and the narrowest scope that
works. The key is shown once: store it in your secrets manager. Then:

```
curl -H "Authorization: Bearer $API_KEY" https://api.example.com/v2/{tag}/ping
```
"""),
    ("{name}: webhook deliveries failing", ["webhooks", "api", "integrations"], "connect sync ledger", """\
Hi {{{{customer.name|there}}}}, we retry a failed webhook for 24 hours and then pause it.
Under **{settings} → Webhooks** each delivery shows the status code your endpoint returned;
most failures are a timeout (we wait 10 s) or a 401 after a rotated secret.

Once the endpoint answers 2xx again, click **Resume**: the paused events are sent in order.
"""),
    ("{name}: connect Salesforce", ["integrations", "salesforce", "crm"], "sync ledger insight", """\
Hi {{{{customer.name|there}}}}, to connect Salesforce:

1. **{settings} → Salesforce → Connect**
2. Sign in with a Salesforce user that has *API Enabled*
3. Pick which objects to sync (Accounts and Contacts by default)

The first sync can take an hour for large orgs. Guide: <{docs}/salesforce>
"""),
    ("{name}: Slack notifications", ["integrations", "slack", "notifications"], "sync insight ledger connect", """\
Hi {{{{customer.name|there}}}}, yes! Under **{settings} → Slack** click *Add to Slack*, pick
the channel, and choose which events post there. A private channel needs our app invited
first: type `/invite @Example` in it.
"""),
    ("{name}: HubSpot sync shows duplicates", ["integrations", "hubspot", "duplicates"], "sync insight", """\
Hi {{{{customer.name|there}}}}, duplicates after a HubSpot sync come from records that were
matched by name instead of email. Under **{settings} → HubSpot → Matching**, set it to
*Email first*, then run **Merge duplicates** once. Nothing is deleted: merged records keep
their history.
"""),
    ("{name}: the app does not sync on the phone", ["mobile", "sync", "troubleshooting"], "pocket", """\
Hi {{{{customer.name|there}}}}, could you check two things on the phone:

1. **Background app refresh** is on for {name} (iOS: *Settings → General*; Android:
   *Battery → Unrestricted*)
2. You are on the latest version ({{{{app_version|from the App Store or Google Play}}}})

Then pull down on the home screen to sync. If it still hangs, *{settings} → Send logs*
sends me what I need.
"""),
    ("{name}: push notifications do not arrive", ["mobile", "notifications"], "pocket", """\
Hi {{{{customer.name|there}}}}, notifications need permission on the phone *and* in {name}:

- phone: *Settings → Notifications → {name}* → allowed
- app: **{settings} → Notifications** → the events you want

Focus modes and battery savers hold them back too. Sign out and in once after changing it.
"""),
    ("{name}: use it on a new phone", ["mobile", "devices"], "pocket", """\
Hi {{{{customer.name|there}}}}, install {name} on the new phone and sign in as usual;
everything is kept on our side. You can use up to {limit}; remove the old phone under
**{settings} → Devices** if you reach the limit.
"""),
    ("{name}: offline mode", ["mobile", "offline"], "pocket", """\
Hi {{{{customer.name|there}}}}, {name} works offline: what you enter is kept on the phone and
sent once there is a connection again (a small cloud icon shows what is waiting). Do not
sign out while something is waiting, or it is lost.
"""),
    ("{name}: change the billing email", ["billing", "accounts"], "ledger insight sync connect identity pocket", """\
Hi {{{{customer.name|there}}}}, the billing contact is under **Account → Billing → Invoice
recipient**. Invoices go there from the next one on; you can add up to three addresses,
separated by commas.
"""),
    ("{name}: refund within 30 days", ["billing", "refunds"], "ledger insight pocket sync connect identity", """\
We refund any {name} payment within **30 days**, no questions asked. I have started it for
invoice {{{{invoice_number}}}}; it reaches your card in 5–10 working days.

Our refund policy: [example.com/refunds](https://example.com/refunds)
"""),
    ("{name}: upgrade or downgrade the plan", ["billing", "plans"], "ledger insight sync connect identity", """\
Hi {{{{customer.name|there}}}}, you can change plans any time under **Account → Plan**. An
upgrade applies at once and is prorated; a downgrade applies at the next renewal. Plan
limits for {name}: {limit} on Business. Compare plans: <https://example.com/pricing>
"""),
    ("{name}: VAT number on invoices", ["billing", "invoices", "tax"], "ledger insight sync connect identity", """\
Hi {{{{customer.name|there}}}}, add your VAT number under **Account → Billing → Company
details**. It shows on every invoice from now on, and EU reverse charge applies
automatically. Need an earlier invoice reissued? Send me its number and I'll do it today.
"""),
    ("{name}: payment failed", ["billing", "payments"], "ledger insight sync connect identity pocket", """\
Hi {{{{customer.name|there}}}}, the last payment for {name} was declined by the bank (this
usually means an expired card or a limit). Please update the card under **Account →
Billing → Payment method**; we retry at once, and nothing is switched off for 14 days.
"""),
    ("{name}: delete our data (GDPR)", ["gdpr", "privacy", "accounts"], "ledger insight pocket sync identity connect", """\
Hi {{{{customer.name|there}}}}, we can delete all of your organisation's data in {name}. To
be sure the request is yours, an admin needs to confirm it under **{settings} → Data →
Delete organisation**. Deletion is final after 14 days; backups age out within 35 days.
Our DPA: <https://example.com/dpa>
"""),
    ("{name}: where is our data stored", ["privacy", "security", "compliance"], "ledger insight sync identity connect pocket", """\
Hi {{{{customer.name|there}}}}, {name} stores data in the EU (Frankfurt, with backups in
Dublin) unless you chose the US region at sign-up. Everything is encrypted at rest and in
transit. Our security overview and SOC 2 report: <https://example.com/security>
"""),
    ("{name}: import from a spreadsheet", ["import", "csv"], "ledger insight sync", """\
Hi {{{{customer.name|there}}}}, under **{export} → Import** you can upload a CSV or XLSX. The
first row must name the columns; our template has them all: <{docs}/import-template.csv>.
You see a preview before anything is saved, and rows with errors are listed so you can fix
just those.
"""),
    ("{name}: audit log of changes", ["security", "audit"], "identity ledger insight sync", """\
Hi {{{{customer.name|there}}}}, every change is in the audit log under **{settings} → Audit
log**: who, what, when and from which IP. You can filter by user and export it as CSV.
We keep it for 12 months (Business) or 3 years (Enterprise).
"""),
    ("{name}: feature request noted", ["feedback", "roadmap"], "ledger insight pocket sync connect identity", """\
Thanks {{{{customer.name|there}}}}, that's a good idea and you're not the first to ask. I've
added your vote to **{{{{feature_ticket}}}}** on the {name} roadmap; I can't promise a date,
but you'll get an email when it ships.
"""),
    ("{name}: please send steps to reproduce", ["troubleshooting", "bug"], "ledger insight pocket sync connect identity", """\
Thanks {{{{customer.name|there}}}}, I'd like to reproduce it on our side. Could you send:

1. what you clicked, step by step
2. what you expected, and what happened instead
3. a screenshot, and the time it happened (with your time zone)

With that I can usually tell you within a day whether it is a bug.
"""),
    ("{name}: supported browsers", ["browser", "requirements"], "ledger insight identity sync", """\
Hi {{{{customer.name|there}}}}, {name} supports the last two versions of Chrome, Edge,
Firefox and Safari. Internet Explorer is not supported. If a browser extension (ad blocker,
password manager) changes the page, try a private window to rule it out.
"""),
    ("{name}: change the time zone", ["settings", "time-zone"], "ledger insight pocket sync", """\
Hi {{{{customer.name|there}}}}, each user sets their own time zone under **{settings} →
Profile → Time zone**; reports and exports use the workspace's, under **{settings} →
Workspace**. Dates already entered keep the moment, only their display changes.
"""),
    ("{name}: session expires too often", ["login", "sessions", "security"], "identity ledger insight", """\
Hi {{{{customer.name|there}}}}, the session length is set by your admin under **{settings}
→ Sessions** (8 hours by default, at most 30 days). With SSO, your identity provider's
session policy applies too, and the shorter one wins.
"""),
    ("{name}: SCIM user provisioning", ["sso", "scim", "accounts"], "identity", """\
Hi {{{{customer.name|there}}}}, SCIM is on the Business and Enterprise plans. Under
**{settings} → SCIM** create a token and paste it with the base URL into your identity
provider. Users and groups then come and go with it; deactivated users free their seat.
Guide for Okta and Entra ID: <{docs}/scim>
"""),
    ("{name}: pagination in list endpoints", ["api", "pagination"], "connect", """\
Hi {{{{customer.name|there}}}}, list endpoints return 100 items per page and a `next` cursor:

```
GET /v2/invoices?limit=100&cursor=eyJpZCI6MTIzfQ
```

Keep calling with the returned `next` until it is `null`. Offsets are not supported, so
results stay consistent while data changes.
"""),
    ("{name}: API returns 401 after key rotation", ["api", "keys", "troubleshooting"], "connect", """\
Hi {{{{customer.name|there}}}}, a 401 right after rotating means something still sends the
old key. Old keys stop working at once when revoked. Check the *Last used* column under
**{settings}**: the old key's last use shows which server or job still has it.
"""),
    ("{name}: sandbox environment", ["api", "testing"], "connect sync", """\
Hi {{{{customer.name|there}}}}, there is a free sandbox at `https://sandbox.example.com` with
its own keys (**{settings} → Sandbox**). Data there is reset every Sunday night, and
webhooks fire as in production, so you can test end to end.
"""),
    ("{name}: dashboard numbers differ from the export", ["reports", "data", "troubleshooting"], "insight", """\
Hi {{{{customer.name|there}}}}, the dashboard and the export count the same data, but the
dashboard uses the workspace's time zone and the export UTC, so a day's totals can differ
around midnight. Set **Export → Time zone** to the workspace's and they match.
"""),
    ("{name}: share a dashboard with someone outside", ["sharing", "reports"], "insight", """\
Hi {{{{customer.name|there}}}}, open the dashboard, **Share → Public link**. Anyone with the
link sees it read-only, and you can set an expiry date or a password. You can revoke it any
time from the same menu.
"""),
    ("{name}: recurring invoices", ["invoices", "automation"], "ledger", """\
Hi {{{{customer.name|there}}}}, under **Invoices → New → Recurring** pick the customer, the
interval and the first date. Each invoice is created and emailed on its date; you can pause
or change the series without touching the invoices already sent.
"""),
    ("{name}: credit note for a wrong invoice", ["invoices", "billing"], "ledger", """\
Hi {{{{customer.name|there}}}}, an invoice that was sent cannot be edited (tax rules), but
you can cancel it with a credit note: open it, **More → Credit note**, then create the
corrected invoice. Both are numbered and appear in your exports.
"""),
    ("{name}: sign in with Google Workspace", ["sso", "google", "login"], "identity ledger insight sync pocket", """\
Hi {{{{customer.name|there}}}}, yes: an admin turns it on under **{settings} → Google
Workspace**. People then use *Sign in with Google* with their work address; you can make
it the only way in, so passwords are no longer used. Setup: <{docs}/google-sso>
"""),
    ("{name}: invite many users from a CSV", ["accounts", "import", "onboarding"], "ledger insight sync identity pocket", """\
Hi {{{{customer.name|there}}}}, under **{settings} → Users → Invite → From CSV** upload a file
with one email per line (a second column can give the role). Everyone gets an invitation at
once; the list shows who accepted. Up to 500 people per file.
"""),
    ("{name}: custom roles", ["permissions", "roles"], "ledger insight sync identity connect", """\
Hi {{{{customer.name|there}}}}, on the Business plan you can make your own roles under
**{settings} → Roles → New role**: start from *Member* and tick what it may see and change.
Changing a role applies to everyone who has it at their next page load.
"""),
    ("{name}: too many email notifications", ["notifications", "email", "settings"], "ledger insight sync pocket connect", """\
Hi {{{{customer.name|there}}}}, each user chooses their own emails under **{settings} →
Notifications**: per event, and *Daily digest* to get one email a day instead of many. An
admin can set the default for new users on the same page.
"""),
    ("{name}: follow-up after the outage", ["incident", "status"], "ledger insight pocket connect sync identity", """\
Hi {{{{customer.name|there}}}}, {name} is fully back since {{{{incident_end|this morning}}}}.
Nothing you entered was lost. The post-mortem with what happened and what we change is on
<https://status.example.com>; I'm sorry for the trouble it caused your team.
"""),
    ("{name}: extend the trial", ["billing", "trial", "sales"], "ledger insight sync connect identity pocket", """\
Hi {{{{customer.name|there}}}}, happy to! I've extended your {name} trial by 14 days, to
{{{{trial_end}}}}. Nothing changes otherwise; your data stays when you subscribe.
"""),
    ("{name}: cancel the subscription", ["billing", "cancellation"], "ledger insight sync connect identity pocket", """\
Hi {{{{customer.name|there}}}}, sorry to see you go. An admin can cancel under **Account →
Plan → Cancel**; {name} keeps working until the end of the paid period, and you can export
everything until then. May I ask what made you leave? It helps us a lot.
"""),
    ("{name}: restrict access to our office IPs", ["security", "ip-allowlist"], "identity connect insight ledger", """\
Hi {{{{customer.name|there}}}}, on Enterprise an admin can add IP ranges under **{settings} →
Security → IP allowlist** (CIDR, e.g. `203.0.113.0/24`). Sign-ins and API calls from other
addresses are refused. Add your VPN's range before you save, or you lock yourself out.
"""),
    ("{name}: uptime SLA", ["sla", "status", "compliance"], "ledger insight connect sync identity", """\
Hi {{{{customer.name|there}}}}, {name} has a 99.9% monthly uptime SLA on Business and 99.95%
on Enterprise, with service credits when we miss it. Past uptime is on
<https://status.example.com/history>; the terms: <https://example.com/sla>
"""),
    ("{name}: change the language", ["settings", "language"], "ledger insight pocket identity", """\
Hi {{{{customer.name|there}}}}, each user picks the language under **{settings} → Profile →
Language** (English, German, French, Spanish, Dutch, Swedish, Japanese). Invoices and emails
to your own customers have their own language setting per customer.
"""),
    ("{name}: dark mode", ["settings", "appearance"], "pocket insight ledger", """\
Hi {{{{customer.name|there}}}}, {name} follows your system's light or dark setting; you can
also force one under **{settings} → Appearance**.
"""),
    ("{name}: connect with Zapier", ["integrations", "zapier", "automation"], "sync connect ledger", """\
Hi {{{{customer.name|there}}}}, search for *Example {name}* in Zapier and connect it with an
API key (**{settings}**). Triggers fire within a minute of the change. For more than a few
thousand events a day, webhooks are cheaper than Zapier tasks.
"""),
]

# Short tips, by colleague: (author, tags, body). Comments and likes are added in seed.py.
TIPS = [
    ("maya", ["shortcuts", "search"], "**Ctrl+K** searches chats, answers *and* tips at once. Narrow it down with `tag:billing` or `with:customer@localhost`."),
    ("engineer", ["troubleshooting"], "A customer reports a blank page? Ask for *F12 → Console* **first**: one red line there saves two rounds of questions."),
    ("maya", ["library", "placeholders"], "Placeholders fill themselves in: `{{customer.name}}` becomes the customer's name when you insert an answer, and one Rapport does not know (like `{{ticket_id}}`) is asked for."),
    ("priya", ["api"], "429s from Connect are almost never a bug on our side: ask for the `Retry-After` header they got. The answer *Connect: API rate limit (HTTP 429)* has the wording."),
    ("tom", ["sso"], "SSO broken for a whole company at 9:00 on a Monday = their IdP certificate rolled over. Ask when they renewed it before anything else."),
    ("lena", ["process"], "Reminder: anything that sounds like a data breach goes to the on-call channel **immediately**, even if it turns out to be nothing."),
    ("priya", ["webhooks"], "Webhook pauses after 24 h of failures. Customers rarely notice, so when you see one in the logs, write to them before they write to us."),
    ("maya", ["billing"], "Refunds under 30 days need no approval: just do it and tell the customer. Over 30 days, ping Lena."),
    ("tom", ["mobile"], "Pocket on Android not syncing? 9 times out of 10 it is the battery optimiser. *Battery → Unrestricted* fixes it."),
    ("lena", ["library"], "If you type the same reply twice in a week, save it as an answer (\"/\" in the composer finds it next time)."),
    ("engineer", ["shortcuts"], "**Alt+1/2/3** inserts the first, second or third suggested answer without touching the mouse."),
    ("priya", ["api", "testing"], "The sandbox resets on Sunday night. If a customer's test data vanished on Monday morning, that's why."),
    ("maya", ["billing", "tax"], "VAT numbers: the format check is strict about country prefixes. `DE123456789`, not `123456789`."),
    ("tom", ["sso", "scim"], "SCIM tokens do not expire, but they do stop working when the admin who made them is deactivated. Worth checking first."),
    ("lena", ["tone"], "Start with the answer, then the explanation. Customers read the first line and maybe the second."),
    ("priya", ["integrations", "salesforce"], "Salesforce sync stuck at 0%: the user who connected it lost *API Enabled*. Happens after every Salesforce permission clean-up."),
    ("engineer", ["search"], "Search `with:` plus a word finds that one thing a customer said three weeks ago. Faster than scrolling."),
    ("maya", ["payments"], "A payment declined twice in a row is usually a 3-D Secure check the customer never saw. Ask them to update the card while signed in."),
    ("tom", ["mobile", "notifications"], "iOS Focus modes swallow Pocket notifications silently. First question when someone says \"notifications stopped\"."),
    ("lena", ["process", "handover"], "End of shift: leave one line in the conversation for whoever picks it up. \"Waiting for logs\" is enough."),
    ("priya", ["api", "pagination"], "People ask for `offset` in Connect every week. The answer on pagination explains why cursors; link it rather than retyping."),
    ("maya", ["export"], "Exports over 50,000 rows are emailed, not downloaded. Mention it up front or they'll think it failed."),
    ("engineer", ["library"], "Tag answers with the product (`ledger`, `pocket`, ...) and the topic: suggestions get noticeably better."),
    ("tom", ["sso", "saml"], "The SAML error is in our logs with the timestamp. Ask for the time of a failed sign-in, not a screenshot."),
    ("lena", ["team"], "Thursday's call: we'll go through the top 10 answers by uses and see which ones need an update."),
    ("priya", ["webhooks", "security"], "Customers verifying webhook signatures must use the raw body. Parsing the JSON first breaks the signature."),
    ("maya", ["billing", "plans"], "Downgrades apply at renewal. Say so before they click, or we get a refund request the next day."),
    ("tom", ["mobile", "devices"], "Pocket's 5-device limit counts old phones. *Devices* in settings shows them; removing one frees a slot at once."),
    ("engineer", ["insight", "reports"], "Dashboard vs. export totals don't match? Time zones. Every single time so far."),
    ("lena", ["process"], "If a customer is upset, call them. Five minutes on the phone beats twenty messages."),
    ("priya", ["sync", "hubspot"], "HubSpot duplicates: set matching to *Email first* before the first sync, not after."),
    ("maya", ["gdpr"], "GDPR deletion requests must come from an admin in-app. Don't accept them by chat, send the answer with the steps."),
    ("tom", ["identity", "sessions"], "\"Logged out every hour\" with SSO: their IdP session policy is shorter than ours. Ours can't override it."),
    ("engineer", ["shortcuts"], "**Ctrl+N** starts a conversation, **Alt+Up/Down** moves between them. I haven't touched the list with the mouse in weeks."),
    ("lena", ["library", "quality"], "An answer that nobody used in 3 months is a candidate for deletion. Fewer, better answers."),
    ("priya", ["connect", "keys"], "*Last used* on API keys tells you which of the customer's servers still has the old key after a rotation."),
    ("maya", ["invoices"], "Sent invoices can't be edited (tax law). Credit note + new invoice, the answer has the steps."),
    ("tom", ["pocket", "offline"], "Don't tell Pocket users to sign out and in while the cloud icon shows pending changes: they'd lose them."),
    ("engineer", ["troubleshooting", "browser"], "Private window first, cache clearing second. The private window answers the question in 10 seconds."),
    ("lena", ["onboarding"], "New here? Read the tips tagged `process` first, then the ten most used answers in the library."),
    ("priya", ["integrations", "slack"], "Slack notifications into a private channel need `/invite @Example` first. The answer says so, but people skip it."),
    ("maya", ["export", "automation"], "Scheduled exports go out at the next full hour after you save them. Handy for a quick test with the customer."),
    ("tom", ["2fa", "security"], "2FA resets: never by chat alone. Ticket + email from the account address + card digits."),
    ("engineer", ["insight", "sharing"], "Public dashboard links can have a password and an expiry. Customers love hearing that before they ask."),
    ("lena", ["status"], "During an incident, link status.example.com and promise one update, not a time. Then keep the promise."),
    ("priya", ["api", "sandbox"], "Sandbox webhooks fire like production's. Customers can test their endpoint there without real data."),
    ("maya", ["billing", "email"], "Invoice recipient accepts three addresses, comma-separated. Accounting teams always want two."),
    ("tom", ["mobile"], "Pocket logs: *Profile → Settings → Send logs* attaches them to the customer's ticket directly."),
    ("engineer", ["chats"], "What you type and don't send stays with the conversation, even across restarts. Draft freely."),
    ("lena", ["team", "thanks"], "Great week, everyone: 94% of chats answered within 5 minutes. Thank you!"),
]

TIP_COMMENTS = [
    "Used it twice today, both customers were happy.",
    "Good one, adding it to my notes.",
    "This saved me a long thread this morning.",
    "Didn't know that, thanks!",
    "+1, happened to me last week.",
    "I added this to the answer as well.",
    "Can we put this in the onboarding doc?",
    "Exactly what I needed for the ACME ticket.",
    "Same experience here.",
    "Nice, much faster than my way.",
]

# Conversations in the engineer's history: (peer, [(from_peer, text), ...]). Dated in
# seed.py over the past three weeks, business hours, most recent last.
HISTORY = [
    ("ravi", [(True, "Hi, our nurses can't sign in to Pocket since the update this morning."),
              (False, "Hi Ravi, sorry about that! Do they get an error, or does the app just hang?"),
              (True, "It says 'session expired' right after the SSO page."),
              (False, "Thanks, that helps. Your identity provider's certificate was renewed on Monday; could your IT upload the new one under Identity → Admin → Sign-in → SSO → Certificate?"),
              (True, "Done, it works again. Thank you!")]),
    ("maya", [(True, "Could you take the ACME ticket? I'm on a call with another customer until 3."),
                   (False, "Sure, on it. I'll put the CSV steps in the library once it's sorted."),
                   (True, "Great, thanks!")]),
    ("lucia", [(True, "Hola! We need our VAT number on the invoices, where do I add it?"),
               (False, "Hi Lucía! Under Account → Billing → Company details. It shows on every invoice from now on."),
               (True, "Perfect. And can you reissue the one from last month?"),
               (False, "Of course, send me its number and I'll do it today."),
               (True, "INV-2291. Gracias!")]),
    ("ken", [(True, "We're getting lots of 429s from the Connect API during our nightly import."),
             (False, "Hi Ken! The limit is 600 requests per minute per key. Are you sending one record per call?"),
             (True, "Yes, about 40k records."),
             (False, "Batching helps a lot: up to 100 records per call, and retry after the Retry-After header. That's 400 calls instead of 40,000."),
             (True, "Oh. That makes sense, we'll change it this week."),
             (True, "Changed it, import runs in 4 minutes now. Thanks!")]),
    ("priya", [(True, "Heads-up: Kumo Labs might ask about a higher API limit for a migration next month."),
               (False, "Thanks! Ken already wrote about 429s, batching fixed it for now."),
               (True, "Perfect, I'll tell sales.")]),
    ("sofia", [(True, "Good morning, the dashboard totals don't match the CSV export for last Friday."),
               (False, "Good morning Sofia! The dashboard uses your workspace's time zone and the export UTC, so a day's totals differ around midnight."),
               (False, "Set Export → Time zone to Europe/Stockholm and they'll match."),
               (True, "That was it, thanks a lot.")]),
    ("tom", [(True, "Do you know if the Pocket 5.2 release fixed the Android sync issue?"),
             (False, "It did for the two customers I asked. Battery optimiser is still the usual suspect."),
             (True, "OK, I'll close my tickets then.")]),
    ("marcus", [(True, "Hello, one of our partners left. How do I make sure she can't sign in any more?"),
                (False, "Hi Marcus, under Identity → Admin → Sign-in → Users, open her and choose Deactivate. She's signed out everywhere at once."),
                (True, "Done. Does that free the seat?"),
                (False, "Yes, from your next invoice on."),
                (True, "Great, thank you.")]),
    ("customer", [(True, "Hi, our invoices page shows a blank screen since this morning. Account ACME-2231."),
                  (False, "Hi Dana, sorry about that! Which browser do you use, and does a private window show the same?"),
                  (True, "Firefox 126. The private window is blank too."),
                  (False, "Thanks! It is a known issue since yesterday's release, fixed tonight. Until then you can get them here:\n\n1. Open **Billing → Invoices**\n2. Click **Export** and choose `CSV`\n3. Filter by month if the file is large\n\nStatus updates: https://status.example.com"),
                  (True, "That worked, thank you! Can we get last month's invoices as a CSV export automatically every month?"),
                  (False, "Yes: under Invoices → Schedule you can have it sent every month to up to five addresses.")]),
    ("lena", [(True, "Thanks for covering the ACME escalation yesterday, Dana wrote a very nice note."),
              (False, "Happy to! The scheduled export answer did most of the work.")]),
    ("ravi", [(True, "Quick one: can we see who changed a patient list setting last week?"),
              (False, "Yes, Identity → Admin → Sign-in → Audit log: who, what, when and from which IP. You can filter by user."),
              (True, "Found it. Thanks!")]),
    ("lucia", [(True, "Our Slack channel stopped getting Ledger notifications."),
               (False, "Hi Lucía, is it a private channel? Then our app has to be invited first: /invite @Example in the channel."),
               (True, "It was made private last week, that explains it. Works now!")]),
    ("maya", [(True, "Are you around tomorrow morning? I have a dentist appointment until 10."),
                   (False, "Yes, I'll watch the queue.")]),
    ("ken", [(True, "Is there a sandbox for Connect? I don't want to test webhooks on production."),
             (False, "Yes: sandbox.example.com, with its own keys under Connect → Developer → Keys → Sandbox. Reset every Sunday night."),
             (True, "Great, exactly what I needed.")]),
    ("sofia", [(True, "Can I share a dashboard with our auditors without giving them an account?"),
               (False, "Yes: Share → Public link on the dashboard. Read-only, and you can set a password and an expiry date."),
               (True, "Perfect.")]),
]

# What the demo customer (customer_bot.py) writes now and then: each fits answers in the
# library, so the reply suggestions beside the conversation have something to offer.
BOT_LINES = [
    "Hi again! Our finance team needs all of this month's Ledger invoices as a CSV export. Where do I find that?",
    "Also, a colleague can't sign in with SSO since this morning, it says the SAML response is invalid.",
    "Is there a way to get the Ledger invoice export sent by email every month automatically?",
    "One more thing: how do I add a second admin to our account?",
    "Our payment failed apparently, we got an email about it. What should we do?",
    "We need our VAT number on the invoices, where do I add it?",
    "A user left the company last week, how do I remove her so she can't log in?",
    "Someone on our team gets a blank page after login in Ledger. Any idea?",
]
BOT_THANKS = ["Thanks, that helps!", "Great, I'll try that.", "Perfect, thank you!",
              "OK, makes sense.", "Thanks for the quick answer!"]
