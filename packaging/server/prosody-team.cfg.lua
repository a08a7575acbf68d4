-- Prosody 0.12 configuration for a Rapport team server (one machine).
--
-- Copy to /etc/prosody/conf.d/rapport.cfg.lua (Debian includes conf.d), replace
-- example.com with the team's domain, put its certificate where Prosody finds it
-- (`prosodyctl --root cert import /etc/letsencrypt/live`), then:
--   prosodyctl check config && systemctl restart prosody
--   prosodyctl adduser admin@example.com          -- the team admin (listed in admins below)
--   rapport-cli --jid admin@example.com team init --service pubsub.example.com \
--       --members alice@example.com,bob@example.com
--
-- What Rapport relies on, and why each line is here: ../../core/library/README.md,
-- ../../core/feed/README.md and ../shared/notes/xmpp-servers.md.

-- Whoever runs `rapport-cli team init`: only admins may create PubSub nodes on 0.12.
admins = { "admin@example.com" }

modules_enabled = {
    "roster", "saslauth", "tls", "disco", "carbons", "pep", "private", "blocklist",
    "vcard4", "vcard_legacy", "version", "uptime", "time", "ping", "register",
    "mam",          -- history for every device (XEP-0313)
    "smacks",       -- stream management: resume after a dropped connection (XEP-0198)
    "csi_simple",
    "http", "websocket", "bosh",  -- Rapport speaks XMPP over WebSocket (RFC 7395)
}

-- Accounts are made by the admin, not by strangers.
allow_registration = false

-- Every chat is archived, so a client catches up through MAM after being away.
default_archive_policy = true
archive_expires_after = "1y"
max_archive_query_results = 250

-- A client that drops (a laptop lid, a train tunnel) is held for ten minutes and
-- resumed with nothing lost.
smacks_hibernation_time = 600

-- The answer library is one node: max_items=max means this many items, and Prosody
-- refuses larger values. At least 100,000 for a large library.
pubsub_max_items = 100000

-- Behind a reverse proxy that terminates TLS, WebSocket counts as secure.
consider_websocket_secure = true

-- Storage. "internal" (files) works for a small team. Its PubSub item store rewrites the
-- whole node on every publish (measured: about 5 items/s at 1,000 items), so a library of
-- thousands of answers wants SQL: uncomment and install lua-dbi-postgresql.
storage = "internal"
-- storage = "sql"
-- sql = { driver = "PostgreSQL", database = "prosody", username = "prosody",
--         password = "secret", host = "localhost" }

VirtualHost "example.com"
    -- SCRAM-SHA-256 for new passwords.
    password_hash = "SHA-256"

-- The team's answer library and tips feed (nodes urn:rapport:answers:1 and
-- urn:rapport:tips:1, created by `rapport-cli team init`).
Component "pubsub.example.com" "pubsub"
    -- Items carry publisher='<bare JID>': Rapport refuses a tip, comment or like that
    -- names someone other than whoever published it.
    expose_publisher = true
