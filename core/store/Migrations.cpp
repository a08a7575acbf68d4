#include "store/Migrations.h"

#include <QSqlQuery>

#include "store/Database.h"
#include "store/StoreError.h"
#include "store/StoreLogging.h"

namespace rapport::store {

namespace {

// Each statement is written once and shared by the migration that introduced it and by the
// current schema: sqlite_master keeps the text as written, and the test compares it.

// --- v1: the base schema

const QString Contacts = QStringLiteral(
    "CREATE TABLE contacts(jid TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', "
    "subscription TEXT NOT NULL DEFAULT 'none', "
    "groups TEXT NOT NULL DEFAULT '[]' /* JSON array */)");

const QString Conversations = QStringLiteral(
    "CREATE TABLE conversations(id INTEGER PRIMARY KEY, "
    "jid TEXT NOT NULL UNIQUE /* bare JID of the peer */, "
    "kind TEXT NOT NULL DEFAULT 'chat', unread INTEGER NOT NULL DEFAULT 0, "
    "last_activity INTEGER NOT NULL DEFAULT 0 /* ms since epoch, UTC */, "
    "last_message_id INTEGER)");

const QString Messages = QStringLiteral(
    "CREATE TABLE messages(id INTEGER PRIMARY KEY, "
    "conversation_id INTEGER NOT NULL REFERENCES conversations(id), "
    "direction INTEGER NOT NULL /* 0 incoming, 1 outgoing */, "
    "sender TEXT NOT NULL /* bare JID */, body TEXT NOT NULL, "
    "timestamp INTEGER NOT NULL /* ms since epoch, UTC */, "
    "message_id TEXT /* the stanza's id attribute */, origin_id TEXT, "
    "stanza_id TEXT /* XEP-0359, given by our own archive */, "
    "state INTEGER NOT NULL DEFAULT 0 /* 0 received; outgoing: 1 queued, 2 sent, "
    "3 delivered, 4 read, 5 failed */, "
    "replace_id TEXT, retracted INTEGER NOT NULL DEFAULT 0, edited_at INTEGER)");

// Dedupe (ARCHITECTURE, wire contract): the archive's id, or the sender's origin-id.
const QString MessagesStanzaId = QStringLiteral(
    "CREATE UNIQUE INDEX messages_stanza_id ON messages(stanza_id) WHERE stanza_id IS NOT NULL");
const QString MessagesOrigin = QStringLiteral(
    "CREATE UNIQUE INDEX messages_origin ON messages(sender, origin_id) "
    "WHERE origin_id IS NOT NULL");
const QString MessagesByTime = QStringLiteral(
    "CREATE INDEX messages_conversation_time ON messages(conversation_id, timestamp)");

const QString Outbox = QStringLiteral(
    "CREATE TABLE outbox(id INTEGER PRIMARY KEY, "
    "message_row INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE, "
    "stanza TEXT NOT NULL /* the exact XML to (re)send */, "
    "attempts INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL)");
const QString OutboxByMessage =
    QStringLiteral("CREATE INDEX outbox_message_row ON outbox(message_row)");

const QString SyncCursors = QStringLiteral(
    "CREATE TABLE sync_cursors(source TEXT PRIMARY KEY, cursor TEXT NOT NULL, "
    "updated INTEGER NOT NULL)");

// answers and tips are keyed by a text id, but their full-text indexes need a stable
// integer rowid: VACUUM may renumber the implicit rowid of a table without an INTEGER
// PRIMARY KEY, which would silently point the index at the wrong rows. So the rowid is an
// explicit column, named rowid so that "content_rowid='rowid'" and "a.rowid" keep working;
// id stays the key every query uses (NOT NULL UNIQUE, so ON CONFLICT(id) works).
const QString Answers = QStringLiteral(
    "CREATE TABLE answers(id TEXT NOT NULL UNIQUE /* UUID */, title TEXT NOT NULL, "
    "body TEXT NOT NULL, tags TEXT NOT NULL DEFAULT '' /* space-separated, lowercase */, "
    "author TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL, updated INTEGER NOT NULL, "
    "version INTEGER NOT NULL DEFAULT 1, use_count INTEGER NOT NULL DEFAULT 0, "
    "state TEXT NOT NULL DEFAULT 'published', rowid INTEGER PRIMARY KEY)");

const QString Tips = QStringLiteral(
    "CREATE TABLE tips(id TEXT NOT NULL UNIQUE, author TEXT NOT NULL, body TEXT NOT NULL, "
    "tags TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL, "
    "like_count INTEGER NOT NULL DEFAULT 0, liked_by_me INTEGER NOT NULL DEFAULT 0, "
    "rowid INTEGER PRIMARY KEY)");

// Full-text indexes: external content (the text is stored once, in the base table), kept
// in step by the triggers below. "cafe" finds "café"; prefix indexes make search-as-you-type
// cheap.
#define RAPPORT_FTS_OPTIONS "tokenize='unicode61 remove_diacritics 2', prefix='2 3'"

const QString MessagesFts = QStringLiteral(
    "CREATE VIRTUAL TABLE messages_fts USING fts5(body, content='messages', "
    "content_rowid='id', " RAPPORT_FTS_OPTIONS ")");
// v1 only; v3 drops it (see DropMessagesFtsInsert).
const QString MessagesFtsInsert = QStringLiteral(
    "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN "
    "INSERT INTO messages_fts(rowid, body) VALUES (new.id, new.body); END");
const QString MessagesFtsDelete = QStringLiteral(
    "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.id, old.body); "
    "END");
// Only when the text changes: state updates (receipts) must not touch the index.
const QString MessagesFtsUpdate = QStringLiteral(
    "CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.id, old.body); "
    "INSERT INTO messages_fts(rowid, body) VALUES (new.id, new.body); END");

const QString AnswersFts = QStringLiteral(
    "CREATE VIRTUAL TABLE answers_fts USING fts5(title, body, tags, content='answers', "
    "content_rowid='rowid', " RAPPORT_FTS_OPTIONS ")");
const QString AnswersFtsInsert = QStringLiteral(
    "CREATE TRIGGER answers_fts_insert AFTER INSERT ON answers BEGIN "
    "INSERT INTO answers_fts(rowid, title, body, tags) "
    "VALUES (new.rowid, new.title, new.body, new.tags); END");
const QString AnswersFtsDelete = QStringLiteral(
    "CREATE TRIGGER answers_fts_delete AFTER DELETE ON answers BEGIN "
    "INSERT INTO answers_fts(answers_fts, rowid, title, body, tags) "
    "VALUES ('delete', old.rowid, old.title, old.body, old.tags); END");
const QString AnswersFtsUpdate = QStringLiteral(
    "CREATE TRIGGER answers_fts_update AFTER UPDATE OF title, body, tags, rowid ON answers "
    "BEGIN "
    "INSERT INTO answers_fts(answers_fts, rowid, title, body, tags) "
    "VALUES ('delete', old.rowid, old.title, old.body, old.tags); "
    "INSERT INTO answers_fts(rowid, title, body, tags) "
    "VALUES (new.rowid, new.title, new.body, new.tags); END");

const QString TipsFts = QStringLiteral(
    "CREATE VIRTUAL TABLE tips_fts USING fts5(body, tags, content='tips', "
    "content_rowid='rowid', " RAPPORT_FTS_OPTIONS ")");
const QString TipsFtsInsert = QStringLiteral(
    "CREATE TRIGGER tips_fts_insert AFTER INSERT ON tips BEGIN "
    "INSERT INTO tips_fts(rowid, body, tags) VALUES (new.rowid, new.body, new.tags); END");
const QString TipsFtsDelete = QStringLiteral(
    "CREATE TRIGGER tips_fts_delete AFTER DELETE ON tips BEGIN "
    "INSERT INTO tips_fts(tips_fts, rowid, body, tags) "
    "VALUES ('delete', old.rowid, old.body, old.tags); END");
const QString TipsFtsUpdate = QStringLiteral(
    "CREATE TRIGGER tips_fts_update AFTER UPDATE OF body, tags, rowid ON tips BEGIN "
    "INSERT INTO tips_fts(tips_fts, rowid, body, tags) "
    "VALUES ('delete', old.rowid, old.body, old.tags); "
    "INSERT INTO tips_fts(rowid, body, tags) VALUES (new.rowid, new.body, new.tags); END");

#undef RAPPORT_FTS_OPTIONS

// --- v2: lookups by id. Receipts and markers name a message by its id attribute (for
// ours, also its origin-id); the MAM catch-up starts from the newest archived message.

const QString MessagesByMessageId = QStringLiteral(
    "CREATE INDEX messages_message_id ON messages(message_id) WHERE message_id IS NOT NULL");
const QString MessagesByOriginId = QStringLiteral(
    "CREATE INDEX messages_origin_id ON messages(origin_id) WHERE origin_id IS NOT NULL");
const QString MessagesArchivedByTime = QStringLiteral(
    "CREATE INDEX messages_archived_time ON messages(timestamp) WHERE stanza_id IS NOT NULL");

// --- v3: new messages enter messages_fts from MessageStore, in the same transaction, not
// from a trigger. An FTS5 table written from a trigger runs inside a statement savepoint, and
// FTS5 flushes its pending terms at every savepoint: one tiny index segment per message, then
// merges. Measured on 50,000 messages: 17,000 rows/s through the trigger, 49,000 rows/s with
// the same insert made explicitly (raw FTS5: 78,000). Deletes and edits are rare and keep
// their triggers.
const QString DropMessagesFtsInsert = QStringLiteral("DROP TRIGGER messages_fts_insert");

// --- v4: `seq` orders messages that share a timestamp. Archives stamp in whole seconds
// (Prosody 0.12 does), a burst of messages shares one, and pages are not stored in archive
// order (the newest page first, older history last), so the row id cannot order them.
const QString MessagesAddSeq =
    QStringLiteral("ALTER TABLE messages ADD COLUMN seq INTEGER NOT NULL DEFAULT 0");
const QString MessagesSeqFromId = QStringLiteral("UPDATE messages SET seq = id");
const QString DropMessagesByTime = QStringLiteral("DROP INDEX messages_conversation_time");
const QString MessagesByOrder = QStringLiteral(
    "CREATE INDEX messages_conversation_order ON messages(conversation_id, timestamp, seq)");
// What the messages table reads like after MessagesAddSeq: SQLite appends the column to the
// stored CREATE TABLE text, and a fresh database must read the same.
const QString MessagesWithSeq =
    Messages.chopped(1) + QStringLiteral(", seq INTEGER NOT NULL DEFAULT 0)");

// --- v5: search filters as indexed words. "printer with:bob" or "error before:2024-03-01"
// used to walk every match of the words (765,000 rows for "the" in a million messages) and
// check the filter on each: 200 ms. FTS5 intersects word lists by seeking, so each row also
// carries its filter values as words, in a last column, `facets`: e<decade> (e202 for the
// 2020s), y<year>, m<year><month>,
// d<year><month><day> (UTC, as the date filters are), f<hex of the lowercased local part of
// the sender or author> and, for messages, c<conversation>. The column is generated
// (VIRTUAL: nothing is stored), so the external-content index reads it like the text, and a
// changed time, author or conversation re-indexes the row through the update trigger.
// Search finds the same rows as before: the exact filters still apply; facets only narrow.

// The date and author words of a row whose time (ms UTC) is `timeMs` and author `jid`.
QString facetWords(const QString& timeMs, const QString& jid) {
    const QString seconds = timeMs + QLatin1String(" / 1000, 'unixepoch')");
    return QLatin1String("'e' || substr(strftime('%Y', ") + seconds +
           QLatin1String(", 1, 3) || ' y' || strftime('%Y', ") + seconds +
           QLatin1String(" || ' m' || strftime('%Y%m', ") + seconds +
           QLatin1String(" || ' d' || strftime('%Y%m%d', ") + seconds +
           QLatin1String(" || ' f' || hex(lower(substr(") + jid + QLatin1String(", 1, instr(") +
           jid + QLatin1String(", '@') - 1)))");
}

QString addFacets(const QString& table, const QString& words) {
    return QLatin1String("ALTER TABLE ") + table +
           QLatin1String(" ADD COLUMN facets TEXT GENERATED ALWAYS AS (") + words +
           QLatin1String(") VIRTUAL");
}

// The stored CREATE TABLE text after addFacets(): SQLite appends the column as written.
QString withFacets(const QString& createTable, const QString& addColumn) {
    return createTable.chopped(1) + u',' + addColumn.mid(addColumn.indexOf(u" facets")) + u')';
}

const QString MessagesAddFacets =
    addFacets(QStringLiteral("messages"),
              QLatin1String("'c' || conversation_id || ' ' || ") +
                  facetWords(QStringLiteral("timestamp"), QStringLiteral("sender")));
const QString AnswersAddFacets = addFacets(
    QStringLiteral("answers"),
    facetWords(QStringLiteral("coalesce(updated, created, 0)"), QStringLiteral("author")));
const QString TipsAddFacets =
    addFacets(QStringLiteral("tips"),
              facetWords(QStringLiteral("coalesce(created, 0)"), QStringLiteral("author")));
const QString MessagesWithFacets = withFacets(MessagesWithSeq, MessagesAddFacets);
const QString AnswersWithFacets = withFacets(Answers, AnswersAddFacets);
const QString TipsWithFacets = withFacets(Tips, TipsAddFacets);

const QStringList DropFtsTriggersAndTables = {
    QStringLiteral("DROP TRIGGER messages_fts_delete"),
    QStringLiteral("DROP TRIGGER messages_fts_update"),
    QStringLiteral("DROP TABLE messages_fts"),
    QStringLiteral("DROP TRIGGER answers_fts_insert"),
    QStringLiteral("DROP TRIGGER answers_fts_delete"),
    QStringLiteral("DROP TRIGGER answers_fts_update"),
    QStringLiteral("DROP TABLE answers_fts"),
    QStringLiteral("DROP TRIGGER tips_fts_insert"),
    QStringLiteral("DROP TRIGGER tips_fts_delete"),
    QStringLiteral("DROP TRIGGER tips_fts_update"),
    QStringLiteral("DROP TABLE tips_fts"),
};

#define RAPPORT_FTS_OPTIONS "tokenize='unicode61 remove_diacritics 2', prefix='2 3'"
const QString MessagesFtsWithFacets = QStringLiteral(
    "CREATE VIRTUAL TABLE messages_fts USING fts5(body, facets, content='messages', "
    "content_rowid='id', " RAPPORT_FTS_OPTIONS ")");
const QString AnswersFtsWithFacets = QStringLiteral(
    "CREATE VIRTUAL TABLE answers_fts USING fts5(title, body, tags, facets, content='answers', "
    "content_rowid='rowid', " RAPPORT_FTS_OPTIONS ")");
const QString TipsFtsWithFacets = QStringLiteral(
    "CREATE VIRTUAL TABLE tips_fts USING fts5(body, tags, facets, content='tips', "
    "content_rowid='rowid', " RAPPORT_FTS_OPTIONS ")");
#undef RAPPORT_FTS_OPTIONS

const QStringList RebuildFts = {
    QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES('rebuild')"),
    QStringLiteral("INSERT INTO answers_fts(answers_fts) VALUES('rebuild')"),
    QStringLiteral("INSERT INTO tips_fts(tips_fts) VALUES('rebuild')"),
};

// Messages enter the index from MessageStore (see v3); only deletes and changes are triggers,
// and only a change of an indexed value: state updates (receipts) must not touch the index.
const QString MessagesFtsDeleteWithFacets = QStringLiteral(
    "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, body, facets) "
    "VALUES ('delete', old.id, old.body, old.facets); END");
const QString MessagesFtsUpdateWithFacets = QStringLiteral(
    "CREATE TRIGGER messages_fts_update "
    "AFTER UPDATE OF body, conversation_id, timestamp, sender ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, body, facets) "
    "VALUES ('delete', old.id, old.body, old.facets); "
    "INSERT INTO messages_fts(rowid, body, facets) VALUES (new.id, new.body, new.facets); END");

const QString AnswersFtsInsertWithFacets = QStringLiteral(
    "CREATE TRIGGER answers_fts_insert AFTER INSERT ON answers BEGIN "
    "INSERT INTO answers_fts(rowid, title, body, tags, facets) "
    "VALUES (new.rowid, new.title, new.body, new.tags, new.facets); END");
const QString AnswersFtsDeleteWithFacets = QStringLiteral(
    "CREATE TRIGGER answers_fts_delete AFTER DELETE ON answers BEGIN "
    "INSERT INTO answers_fts(answers_fts, rowid, title, body, tags, facets) "
    "VALUES ('delete', old.rowid, old.title, old.body, old.tags, old.facets); END");
const QString AnswersFtsUpdateWithFacets = QStringLiteral(
    "CREATE TRIGGER answers_fts_update "
    "AFTER UPDATE OF title, body, tags, rowid, created, updated, author ON answers BEGIN "
    "INSERT INTO answers_fts(answers_fts, rowid, title, body, tags, facets) "
    "VALUES ('delete', old.rowid, old.title, old.body, old.tags, old.facets); "
    "INSERT INTO answers_fts(rowid, title, body, tags, facets) "
    "VALUES (new.rowid, new.title, new.body, new.tags, new.facets); END");

const QString TipsFtsInsertWithFacets = QStringLiteral(
    "CREATE TRIGGER tips_fts_insert AFTER INSERT ON tips BEGIN "
    "INSERT INTO tips_fts(rowid, body, tags, facets) "
    "VALUES (new.rowid, new.body, new.tags, new.facets); END");
const QString TipsFtsDeleteWithFacets = QStringLiteral(
    "CREATE TRIGGER tips_fts_delete AFTER DELETE ON tips BEGIN "
    "INSERT INTO tips_fts(tips_fts, rowid, body, tags, facets) "
    "VALUES ('delete', old.rowid, old.body, old.tags, old.facets); END");
const QString TipsFtsUpdateWithFacets = QStringLiteral(
    "CREATE TRIGGER tips_fts_update AFTER UPDATE OF body, tags, rowid, created, author ON tips "
    "BEGIN "
    "INSERT INTO tips_fts(tips_fts, rowid, body, tags, facets) "
    "VALUES ('delete', old.rowid, old.body, old.tags, old.facets); "
    "INSERT INTO tips_fts(rowid, body, tags, facets) "
    "VALUES (new.rowid, new.body, new.tags, new.facets); END");

// Also in v5: receipts and markers name only messages we sent (direction 1), so the lookups
// by id index only those. A message id or origin-id is random, so each index entry lands on
// its own page: at a million messages each such index cost 20 us per stored message (the
// page written again at every commit); half the rows, half of that.
const QString DropMessagesByMessageId = QStringLiteral("DROP INDEX messages_message_id");
const QString DropMessagesByOriginId = QStringLiteral("DROP INDEX messages_origin_id");
const QString SentByMessageId = QStringLiteral(
    "CREATE INDEX messages_sent_message_id ON messages(message_id) WHERE direction = 1");
const QString SentByOriginId = QStringLiteral(
    "CREATE INDEX messages_sent_origin_id ON messages(origin_id) WHERE direction = 1");

// --- v6: the answer library works offline (core/library). An edit is kept in the answer's
// row as 'pending' with the version it started from, so that publishing it can tell a
// concurrent edit on the server (a conflict) from its own; a text that lost a conflict is
// kept as a row of its own, pointing at the answer. What is still to be sent to the
// team's service waits in library_outbox, one action per item (the newest wins), and a
// publish always sends the row as it is then, so several offline edits go out once.
const QString AnswersAddBaseVersion =
    QStringLiteral("ALTER TABLE answers ADD COLUMN base_version INTEGER");
const QString AnswersAddConflictOf =
    QStringLiteral("ALTER TABLE answers ADD COLUMN conflict_of TEXT");
const QString AnswersWithOfflineEdits =
    AnswersWithFacets.chopped(1) + QStringLiteral(", base_version INTEGER, conflict_of TEXT)");
const QString LibraryOutbox = QStringLiteral(
    "CREATE TABLE library_outbox(id INTEGER PRIMARY KEY, node TEXT NOT NULL, "
    "item_id TEXT NOT NULL, action TEXT NOT NULL /* publish | retract */, "
    "created INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, UNIQUE(node, item_id))");

// --- v7: the tips feed (core/feed). A tip's comments and likes are items of their own on
// the node; here, a row each. A like is one row per (tip, person), liked or withdrawn, so
// that applying the same like twice is harmless. tips.like_count and liked_by_me (v1) are
// kept in step with tip_likes by TipStore; comments are counted when read. Tips, comments
// and likes made here are 'pending' until published, queued in library_outbox (node
// urn:rapport:tips:1).
const QString TipsAddState =
    QStringLiteral("ALTER TABLE tips ADD COLUMN state TEXT NOT NULL DEFAULT 'published'");
const QString TipsWithState =
    TipsWithFacets.chopped(1) + QStringLiteral(", state TEXT NOT NULL DEFAULT 'published')");
const QString TipComments = QStringLiteral(
    "CREATE TABLE tip_comments(id TEXT PRIMARY KEY /* UUID */, tip_id TEXT NOT NULL, "
    "author TEXT NOT NULL, body TEXT NOT NULL, published INTEGER NOT NULL, "
    "state TEXT NOT NULL DEFAULT 'published')");
const QString TipCommentsByTip =
    QStringLiteral("CREATE INDEX tip_comments_by_tip ON tip_comments(tip_id, published)");
const QString TipLikes = QStringLiteral(
    "CREATE TABLE tip_likes(tip_id TEXT NOT NULL, by TEXT NOT NULL, liked INTEGER NOT NULL, "
    "at INTEGER NOT NULL, state TEXT NOT NULL DEFAULT 'published', PRIMARY KEY(tip_id, by)) "
    "WITHOUT ROWID");

// --- v8: the roster is kept (store::ContactStore, sync::RosterMirror), so names and groups
// show offline and a session fetches only what changed since the version kept with it
// (sync_cursors, source 'roster'). A subscription request still unanswered is part of it.
const QString ContactsAddAsk =
    QStringLiteral("ALTER TABLE contacts ADD COLUMN ask INTEGER NOT NULL DEFAULT 0");
const QString ContactsWithAsk =
    Contacts.chopped(1) + QStringLiteral(", ask INTEGER NOT NULL DEFAULT 0)");
// The names people give themselves in their profiles (vCard; sync::ProfileNames): ours, and
// those of people the roster does not name (authors of tips and answers, new customers).
const QString Profiles = QStringLiteral(
    "CREATE TABLE profiles(jid TEXT PRIMARY KEY /* bare */, name TEXT NOT NULL, "
    "fetched INTEGER NOT NULL /* ms since epoch, UTC */)");

Result<void> setVersion(QSqlDatabase& db, int version) {
    QSqlQuery q(db);
    // PRAGMA takes no bound parameters; version is our own integer.
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))) {
        return sqlError(q, Database::tr("Could not record the schema version"));
    }
    return Ok{};
}

// Runs statements and sets the version, in one transaction: a migration either happened
// completely or not at all.
Result<void> apply(QSqlDatabase& db, const QStringList& statements, int version) {
    return Database::inTransaction(db, [&](QSqlDatabase& d) -> Result<void> {
        for (const QString& sql : statements) {
            QSqlQuery q(d);
            if (!q.exec(sql)) {
                return sqlError(
                    q, Database::tr("Could not create the schema version %1").arg(version));
            }
        }
        return setVersion(d, version);
    });
}

Result<bool> isEmpty(QSqlDatabase& db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next()) {
        return sqlError(q, Database::tr("Could not read the schema"));
    }
    return q.value(0).toInt() == 0;
}

}  // namespace

const std::vector<Migration>& Migrations::all() {
    static const std::vector<Migration> migrations = {
        {1,
         {Contacts,       Conversations,    Messages,          MessagesStanzaId,  MessagesOrigin,
          MessagesByTime, Outbox,           OutboxByMessage,   SyncCursors,       Answers,
          Tips,           MessagesFts,      MessagesFtsInsert, MessagesFtsDelete, MessagesFtsUpdate,
          AnswersFts,     AnswersFtsInsert, AnswersFtsDelete,  AnswersFtsUpdate,  TipsFts,
          TipsFtsInsert,  TipsFtsDelete,    TipsFtsUpdate}},
        {2, {MessagesByMessageId, MessagesByOriginId, MessagesArchivedByTime}},
        {3, {DropMessagesFtsInsert}},
        {4, {MessagesAddSeq, MessagesSeqFromId, DropMessagesByTime, MessagesByOrder}},
        {5,
         QStringList{MessagesAddFacets, AnswersAddFacets, TipsAddFacets} +
             DropFtsTriggersAndTables +
             QStringList{MessagesFtsWithFacets, AnswersFtsWithFacets, TipsFtsWithFacets} +
             RebuildFts +
             QStringList{DropMessagesByMessageId, DropMessagesByOriginId, SentByMessageId,
                         SentByOriginId, MessagesFtsDeleteWithFacets, MessagesFtsUpdateWithFacets,
                         AnswersFtsInsertWithFacets, AnswersFtsDeleteWithFacets,
                         AnswersFtsUpdateWithFacets, TipsFtsInsertWithFacets,
                         TipsFtsDeleteWithFacets, TipsFtsUpdateWithFacets}},
        {6, {AnswersAddBaseVersion, AnswersAddConflictOf, LibraryOutbox}},
        {7, {TipsAddState, TipComments, TipCommentsByTip, TipLikes}},
        {8, {ContactsAddAsk, Profiles}},
    };
    return migrations;
}

int Migrations::latestVersion() {
    return all().back().version;
}

const QStringList& Migrations::currentSchema() {
    static const QStringList schema = {
        ContactsWithAsk,
        Conversations,
        MessagesWithFacets,
        MessagesStanzaId,
        MessagesOrigin,
        MessagesByOrder,
        SentByMessageId,
        SentByOriginId,
        MessagesArchivedByTime,
        Outbox,
        OutboxByMessage,
        SyncCursors,
        Profiles,
        AnswersWithOfflineEdits,
        TipsWithState,
        LibraryOutbox,
        TipComments,
        TipCommentsByTip,
        TipLikes,
        MessagesFtsWithFacets,
        MessagesFtsDeleteWithFacets,
        MessagesFtsUpdateWithFacets,
        AnswersFtsWithFacets,
        AnswersFtsInsertWithFacets,
        AnswersFtsDeleteWithFacets,
        AnswersFtsUpdateWithFacets,
        TipsFtsWithFacets,
        TipsFtsInsertWithFacets,
        TipsFtsDeleteWithFacets,
        TipsFtsUpdateWithFacets,
    };
    return schema;
}

Result<int> Migrations::version(QSqlDatabase& db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        return sqlError(q, Database::tr("Could not read the schema version"));
    }
    return q.value(0).toInt();
}

Result<void> Migrations::migrate(QSqlDatabase& db, int target) {
    if (target < 0) {
        target = latestVersion();
    }
    const Result<int> current = version(db);
    if (!current) {
        return current.error();
    }
    if (current.value() > latestVersion()) {
        return Error::make(
            ErrorCode::Usage,
            Database::tr("The database was written by a newer version of Rapport (schema "
                         "%1; this version knows up to %2). Update Rapport.")
                .arg(current.value())
                .arg(latestVersion()),
            QString(condition::NewerSchema));
    }
    if (current.value() == 0 && target == latestVersion()) {
        const Result<bool> empty = isEmpty(db);
        if (!empty) {
            return empty.error();
        }
        if (empty.value()) {
            qCInfo(lcStore) << "Creating the schema, version" << target;
            return apply(db, currentSchema(), target);
        }
    }
    return upgrade(db, target);
}

Result<void> Migrations::upgrade(QSqlDatabase& db, int target) {
    const Result<int> current = version(db);
    if (!current) {
        return current.error();
    }
    for (const Migration& m : all()) {
        if (m.version <= current.value() || m.version > target) {
            continue;
        }
        qCInfo(lcStore) << "Migrating the schema to version" << m.version;
        if (Result<void> r = apply(db, m.statements, m.version); !r) {
            return r;
        }
    }
    return Ok{};
}

}  // namespace rapport::store
