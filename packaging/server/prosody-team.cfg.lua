-- Prosody 0.12 configuration for a Rapport team server on one machine.
--
-- This is a whole /etc/prosody/prosody.cfg.lua (it replaces Debian's; keep that one as
-- prosody.cfg.lua.dist). Replace every example.com with the team's domain, then follow
-- packaging/server/README.md: DNS, the certificate, `prosodyctl check`, the admin and the
-- users, `rapport-cli team init`.
--
-- Every module and option below exists in Prosody 0.12.3 as Debian 12 ships it
-- (/usr/lib/prosody/modules). `packaging/server/check-config.sh` (ctest: server_config)
-- runs `prosodyctl check config` and `check certs` on this file with test certificates,
-- and `packaging/server/live-test.sh` (ctest: server_live) runs it on loopback and drives
-- it with rapport-cli.
--
-- What Rapport relies on: ../../core/library/README.md, ../../core/feed/README.md.
--
-- Prosody reads options in order, and every option written after a VirtualHost or
-- Component line belongs to that host: all the global options come first.

---------------------------------------------------------------------------------------
-- Administration
---------------------------------------------------------------------------------------

-- Whoever runs `rapport-cli team init`: on 0.12 only admins may create PubSub nodes.
-- Admins may also create rooms, read server statistics and use `prosodyctl shell`.
-- Make it a dedicated account, not someone's everyday one.
admins = { "admin@example.com" }

-- Debian's systemd unit runs `prosody -F` as the prosody user and expects this pidfile;
-- logrotate reloads through it too. Data stays in Debian's /var/lib/prosody.
pidfile = "/run/prosody/prosody.pid"

-- Files Prosody creates (accounts, archives, uploads) are not world-readable.
umask = "027"

-- Info and above to a file (Debian's logrotate rotates /var/log/prosody/*.log weekly and
-- keeps a year), errors also to their own file and to syslog/the journal.
-- Raise to "debug" only while chasing a problem: it logs every stanza, message text included.
log = {
    info = "/var/log/prosody/prosody.log";
    error = "/var/log/prosody/prosody.err";
    { levels = { "error" }; to = "syslog"; };
}

---------------------------------------------------------------------------------------
-- Modules (all of them ship with Prosody 0.12; none from prosody-modules)
---------------------------------------------------------------------------------------

modules_enabled = {
    -- The basics of an account.
    "roster";       -- contact lists (Rapport's `roster`, presence)
    "saslauth";     -- SCRAM sign-in
    "tls";          -- STARTTLS on c2s (5222) for XMPP clients other than Rapport
    "disco";        -- service discovery: clients find pubsub., rooms. and upload.
    "ping";         -- XEP-0199: clients check that the link is alive
    "time"; "version"; "uptime";  -- harmless answers that support tools ask for

    -- What Rapport uses.
    "carbons";      -- XEP-0280: a message sent from one device shows on the others
    "mam";          -- XEP-0313: history for every device, and catch-up after being away
    "smacks";       -- XEP-0198: resume after a dropped connection, nothing lost
    "csi_simple";   -- XEP-0352: a minimised client gets less chatter (presences held back)
    "pep";          -- XEP-0163: per-user data (avatars, bookmarks)
    "private";      -- XEP-0049: older clients' private storage
    "blocklist";    -- XEP-0191: block a spammer
    "vcard4"; "vcard_legacy"; -- profiles and avatars, both old and new style
    "bookmarks";    -- XEP-0402/0048: the rooms a user joined, on every device

    -- WebSocket (RFC 7395) is Rapport's transport: wss://example.com:5281/xmpp-websocket.
    -- BOSH is not loaded: Rapport does not use it, and a module not loaded is not attack surface.
    "http"; "websocket";

    -- Operations.
    "limits";               -- per-connection rate limit (below)
    "admin_shell";          -- `prosodyctl shell` for the admin (a socket in data_path)
    "posix";                -- umask, syslog
    "server_contact_info";  -- XEP-0157: who runs this server (contact_info below)

    -- Only so that a signed-in user can change their own password (XEP-0077). With
    -- allow_registration = false nobody can create an account this way.
    "register";
}

-- Federation (s2s) is off: a team server talks to its own users only, and every open
-- port is one more thing to patch. To federate later: remove "s2s" here, add "dialback"
-- to modules_enabled, set s2s_secure_auth = true and open port 5269.
-- "offline" (messages to an offline user wait for them) is loaded automatically.
modules_disabled = { "s2s" }

---------------------------------------------------------------------------------------
-- Accounts and sign-in
---------------------------------------------------------------------------------------

-- Accounts are made by the admin (`prosodyctl adduser`), never by strangers.
allow_registration = false

-- Passwords are stored salted and hashed (SCRAM), never in clear (Prosody's default).
authentication = "internal_hashed"

-- No sign-in without encryption on any connection. WebSocket counts as encrypted when it
-- comes over https (Variant A below), or when consider_websocket_secure says so (Variant B).
c2s_require_encryption = true
-- PLAIN is never offered on an unencrypted connection (Prosody's default, stated here).
allow_unencrypted_plain_auth = false

-- Mozilla's "intermediate" TLS profile (TLS 1.2 and 1.3): what every supported OS and
-- Qt build speaks. "modern" (TLS 1.3 only) is fine once every client is recent.
tls_profile = "intermediate"

---------------------------------------------------------------------------------------
-- Network: c2s, and wss:// for Rapport. Two ways to get TLS on the WebSocket; one is on.
---------------------------------------------------------------------------------------

-- XMPP over TCP with STARTTLS, for bots and other XMPP clients (Rapport does not need it).
c2s_ports = { 5222 }

-- Plain HTTP only on loopback: local health checks (and the proxy of Variant B).
http_ports = { 5280 }
http_interfaces = { "127.0.0.1", "::1" }

-- Requests that name no known host (an IP address, a proxy that drops the Host header)
-- are served as the team's domain.
http_default_host = "example.com"

-- Rapport's fallback when the domain has no XEP-0156 host-meta is exactly
-- wss://DOMAIN:5281/xmpp-websocket: keep this path (it is also Prosody's default).
http_paths = { websocket = "/xmpp-websocket" }

-- Variant A (on): Prosody terminates TLS itself on 5281. Rapport connects to
-- wss://example.com:5281/xmpp-websocket with no extra set-up. The certificate is
-- Let's Encrypt's, copied into /etc/prosody/certs (this `certificates` folder, relative to
-- this file) by `prosodyctl --root cert import /etc/letsencrypt/live`, which names it after
-- the domain; certbot's deploy hook re-imports it on every renewal (README.md).
certificates = "certs"
https_ports = { 5281 }
https_interfaces = { "*", "::" }
https_certificate = "certs/example.com.crt"  -- its key: certs/example.com.key

-- Variant B (off): a TLS proxy (nginx, Caddy, HAProxy) owns 443 and the certificate,
-- and forwards wss://example.com/xmpp-websocket to http://127.0.0.1:5280. To switch,
-- comment Variant A's https_ports and https_certificate out, uncomment these, and give
-- the upload component the proxy's URL (see there). The proxy must pass the Upgrade and
-- Connection headers (README.md has an nginx block). Keep c2s_ports for STARTTLS: it still
-- needs the certificate in certs/.
-- https_ports = { }
-- consider_websocket_secure = true      -- the proxy did TLS; Prosody sees plain ws://
-- trusted_proxies = { "127.0.0.1", "::1" } -- believe X-Forwarded-For from the proxy only

-- Not set on purpose: cross_domain_websocket. It is obsolete in 0.12 (`prosodyctl check
-- config` fails on it) and Prosody 0.12 does not check the Origin header of a WebSocket
-- at all. Rapport is a desktop app, so CORS does not apply to it.

-- A stanza (one answer with its Markdown body of at most 64 KiB, a tip, a message) must
-- fit in Prosody's limit, 256 KiB by default; stated here so nobody lowers it below that.
c2s_stanza_size_limit = 256 * 1024

-- Each client connection (WebSocket ones included) may send at most 256 kB/s: a runaway
-- or hostile client cannot flood the server, and an `answers import` only slows down
-- (measured: 120 answers, 1.4 MB, 2 to 4 s slower; Prosody's storing is the slow part).
-- Reading is throttled, nothing is dropped. With Debian's default network backend (epoll)
-- Prosody 0.12 enforces the rate on the connection and ignores `burst`.
limits = {
    c2s = { rate = "256kb/s"; };
}

---------------------------------------------------------------------------------------
-- History (MAM), sessions
---------------------------------------------------------------------------------------

-- Every one-to-one chat is archived, so every device of a user sees the whole
-- conversation and a client catches up after being away.
default_archive_policy = true
-- Kept for a year, then removed by a daily clean-up. Customers' messages are personal
-- data: shorten this if the team's retention policy says so.
archive_expires_after = "1y"
-- Prosody's default page is 50 messages; catching up 20,000 messages is then 400 round
-- trips. 250 makes it 80.
max_archive_query_results = 250

-- A client that drops (a laptop lid, a train tunnel) is held for ten minutes and resumed
-- with nothing lost (XEP-0198). Past that, it signs in afresh and catches up through MAM.
smacks_hibernation_time = 600

---------------------------------------------------------------------------------------
-- The answer library and tips feed: the pubsub component (below) reads this
---------------------------------------------------------------------------------------

-- The answer library is one node, created with max_items = max, which means this many
-- items; Prosody refuses larger values. At least 100,000 for a large library.
pubsub_max_items = 100000

---------------------------------------------------------------------------------------
-- Storage
---------------------------------------------------------------------------------------

-- "internal" (files under /var/lib/prosody) needs nothing else and is right for a small
-- team. Its limits, measured and read from Prosody 0.12.3's code:
--  * each archive (a user's MAM, a room's, a PubSub node) holds at most
--    storage_archive_item_limit items, 10,000 by default. A user's MAM archive that
--    reaches it drops its oldest 1%; a PubSub node refuses to grow past it, so the
--    pubsub component raises it below;
--  * its PubSub item store rewrites the whole node file on every publish (measured: about
--    5 answers/s at 1,000 answers), and archiving costs 1.5 to 2.5 ms of CPU per message
--    at 10,000 archived messages, growing with the archive.
-- So a library of thousands of answers, or a busy team, wants PostgreSQL: install
-- postgresql and lua-dbi-postgresql, create the database and its user, move the data
-- with prosody-migrator (README.md), then swap the two blocks. SQLite through "sql" is
-- not an option: under load it logged "database is locked" and archive rows went missing.
storage = "internal"
-- storage = "sql"
-- sql = { driver = "PostgreSQL", database = "prosody", username = "prosody",
--         password = "CHANGE-ME", host = "localhost" }

---------------------------------------------------------------------------------------
-- Who runs this server (XEP-0157), shown by clients that ask
---------------------------------------------------------------------------------------

contact_info = {
    admin = { "xmpp:admin@example.com", "mailto:it@example.com" };
}

---------------------------------------------------------------------------------------
-- Hosts. From here on every option belongs to the host above it.
---------------------------------------------------------------------------------------

-- The team's accounts: alice@example.com. One domain for people; the services below are
-- its subdomains, so clients find them through disco and one certificate covers them all.
VirtualHost "example.com"
    -- New passwords are stored for SCRAM-SHA-256 (Rapport speaks it). Prosody offers one
    -- SCRAM variant per host: clients that only know SCRAM-SHA-1 cannot sign in here.
    password_hash = "SHA-256"

-- The team's answer library and tips feed: nodes urn:rapport:answers:1 and
-- urn:rapport:tips:1, created by `rapport-cli team init` (members get the publisher
-- affiliation; nobody else can read them).
Component "pubsub.example.com" "pubsub"
    name = "Team library and tips"
    -- Items carry publisher='<bare JID>': Rapport refuses a tip, comment or like that
    -- names someone other than whoever published it.
    expose_publisher = true
    -- Nodes are created by `team init` only, never by publishing or subscribing to a
    -- node that does not exist (a typo would otherwise make a new, empty library).
    autocreate_on_publish = false
    autocreate_on_subscribe = false
    -- With internal storage a node holds at most this many items (10,000 by default, see
    -- Storage), and a publish past it fails (tried at a small scale: the publish gets
    -- internal-server-error, the log says "Unable to set item: quota-limit"). Above
    -- pubsub_max_items, the node is trimmed to max_items instead and never reaches it.
    -- SQL storage has no such limit.
    storage_archive_item_limit = 110000

-- Group chat: team rooms (e.g. escalations@rooms.example.com), with their history archived.
Component "rooms.example.com" "muc"
    name = "Team rooms"
    -- XEP-0313 for rooms: a client fetches what was said while it was away.
    modules_enabled = { "muc_mam" }
    -- Every room is archived unless its owner turns it off; kept as long as chats.
    muc_log_by_default = true
    muc_log_expires_after = "1y"
    -- Only team members create rooms (accounts of example.com; admins anyway).
    restrict_room_creation = "local"
    -- Rooms outlive their last occupant and are not listed to outsiders.
    muc_room_default_persistent = true
    muc_room_default_public = false
    -- Newcomers to a room see the last 20 messages right away (the rest through MAM).
    muc_room_default_history_length = 20

-- HTTP upload (XEP-0363): screenshots and log files shared in a chat.
Component "upload.example.com" "http_file_share"
    name = "Team file sharing"
    -- The URL clients upload to and download from. Variant A: Prosody's own https port
    -- (upload.example.com is in the certificate). Variant B: "https://upload.example.com/",
    -- with the proxy forwarding that name to 127.0.0.1:5280 too.
    http_external_url = "https://upload.example.com:5281/"
    -- One file at most 20 MiB; a user at most 200 MiB a day; all files together at most
    -- 10 GiB (uploads are refused beyond that, nothing is deleted early).
    http_file_share_size_limit = 20 * 1024 * 1024
    http_file_share_daily_quota = 200 * 1024 * 1024
    http_file_share_global_quota = 10 * 1024 * 1024 * 1024
    -- Files are deleted after 30 days: they are often customers' data. The link in the
    -- chat then answers 410 Gone.
    http_file_share_expires_after = 30 * 86400
