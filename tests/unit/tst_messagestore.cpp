// MessageStore, ConversationStore, OutboxStore, SyncCursorStore and ContactStore on a real
// SQLite file: batches, dedupe (stanza-id, origin-id, the outbox copy meeting its archived
// copy), history paging, delivery states, conversation summaries and the full-text index.
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "Await.h"
#include "store/ContactStore.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/OutboxStore.h"
#include "store/SyncCursorStore.h"

using namespace rapport;
using namespace rapport::store;
using State = StoredMessage::State;
using Direction = StoredMessage::Direction;

using rapport::test::await;

namespace {

const QString Me = QStringLiteral("juliet@example.com");
const QString Romeo = QStringLiteral("romeo@montague.example");
const QString Nurse = QStringLiteral("nurse@capulet.example");
const qint64 T0 = 1700000000000;  // ms

template <class T>
T ok(QFuture<Result<T>> future) {
    Result<T> r = await(std::move(future));
    if (!r.ok()) {
        qWarning("%s", qPrintable(r.error().message));
    }
    return r.ok() ? r.value() : T{};
}

StoredMessage incoming(const QString& from, const QString& body, qint64 t,
                       const QString& stanzaId = {}, const QString& originId = {}) {
    StoredMessage m;
    m.peer = from;
    m.sender = from;
    m.direction = Direction::Incoming;
    m.body = body;
    m.timestamp = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
    m.stanzaId = stanzaId;
    m.originId = originId;
    m.messageId = originId;
    return m;
}

StoredMessage outgoing(const QString& to, const QString& body, qint64 t, const QString& originId) {
    StoredMessage m;
    m.peer = to;
    m.sender = Me;
    m.direction = Direction::Outgoing;
    m.body = body;
    m.timestamp = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
    m.originId = originId;
    m.messageId = originId;
    m.state = State::Sent;
    return m;
}

QStringList bodies(const QList<StoredMessage>& messages) {
    QStringList out;
    for (const StoredMessage& m : messages) {
        out.append(m.body);
    }
    return out;
}

}  // namespace

class TestMessageStore : public QObject {
    Q_OBJECT

private slots:
    void init() {
        tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(tmp->isValid());
        auto opened = Database::open(tmp->filePath(QStringLiteral("rapport.sqlite")));
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        db = std::move(opened.value());
        messages = std::make_unique<MessageStore>(*db);
    }
    void cleanup() {
        messages.reset();
        db.reset();
        tmp.reset();
    }

    // --- batches

    void tenThousandInOneBatch() {
        QList<StoredMessage> batch;
        for (int i = 0; i < 10000; ++i) {
            batch.append(incoming(i % 2 ? Romeo : Nurse, QStringLiteral("message number %1").arg(i),
                                  T0 + i, QStringLiteral("archive-%1").arg(i)));
        }
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(ok(messages->insertBatch(batch)), 10000);
        qInfo("10,000 messages stored in %lld ms", timer.elapsed());
        QCOMPARE(ok(messages->count()), 10000);
        QCOMPARE(ok(messages->latestStanzaId()), QStringLiteral("archive-9999"));
        // The same page again (a catch-up that resumed) stores nothing.
        QCOMPARE(ok(messages->insertBatch(batch)), 0);
        QCOMPARE(ok(messages->count()), 10000);
    }

    void batchIsOneTransaction() {
        QList<StoredMessage> batch{
            incoming(Romeo, QStringLiteral("fine"), T0, QStringLiteral("s1")),
            incoming(Romeo, QStringLiteral("broken"), T0 + 1)};
        batch[1].sender.clear();  // invalid: the whole batch is refused
        const Result<int> r = await(messages->insertBatch(batch));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Usage);
        QCOMPARE(ok(messages->count()), 0);
        QCOMPARE(ok(ConversationStore(*db).list()).size(), 0);
    }

    // A batch's statements are prepared once per connection and kept: they must come back
    // reset after every batch, good or failed, so that none keeps a read transaction open
    // (which would stop checkpoints from ever emptying the WAL) or a stale binding.
    void keptStatementsHoldNothingBetweenBatches() {
        const QString path = db->path();
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                           QStringLiteral("checkpointer"));
            other.setDatabaseName(path);
            QVERIFY(other.open());
            auto fullCheckpoint = [&other] {
                QSqlQuery q(other);
                // (busy, WAL frames, frames checkpointed): busy is 1 while a reader holds
                // the WAL, and TRUNCATE waits for nobody.
                if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !q.next()) {
                    return -1;
                }
                return q.value(0).toInt();
            };
            for (int round = 0; round < 3; ++round) {
                QList<StoredMessage> batch;
                for (int i = 0; i < 20; ++i) {
                    const int n = round * 100 + i;
                    batch.append(incoming(i % 2 ? Romeo : Nurse,
                                          QStringLiteral("message number %1").arg(n), T0 + n,
                                          QStringLiteral("archive-%1").arg(n)));
                }
                // A duplicate in the batch makes the insert look the copy up (the
                // statements a normal batch leaves unused).
                batch.append(batch.first());
                QCOMPARE(ok(messages->insertBatch(batch)), 20);
                QCOMPARE(fullCheckpoint(), 0);

                QList<StoredMessage> broken{incoming(Romeo, QStringLiteral("x"), T0, {})};
                broken[0].sender.clear();
                QVERIFY(!await(messages->insertBatch(broken)).ok());
                QCOMPARE(fullCheckpoint(), 0);
            }
            QCOMPARE(ok(messages->count()), 60);
            QCOMPARE(ok(messages->latestStanzaId()), QStringLiteral("archive-219"));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("checkpointer"));

        // A new Database on the same file (a new connection) prepares its own statements.
        messages.reset();
        db.reset();
        auto reopened = Database::open(path);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error().message));
        db = std::move(reopened.value());
        messages = std::make_unique<MessageStore>(*db);
        QCOMPARE(ok(messages->insertBatch({incoming(Romeo, QStringLiteral("after reopening"),
                                                    T0 + 1000, QStringLiteral("archive-1000"))})),
                 1);
        QCOMPARE(ok(messages->count()), 61);
    }

    void batchMovesTheSyncCursorWithIt() {
        SyncCursorStore cursors(*db);
        QCOMPARE(ok(cursors.get(QStringLiteral("mam"))), QString());
        QCOMPARE(ok(messages->insertBatch(
                     {incoming(Romeo, QStringLiteral("a"), T0, QStringLiteral("s1"))},
                     MessageStore::Unread::Count, {QStringLiteral("mam"), QStringLiteral("s1")})),
                 1);
        QCOMPARE(ok(cursors.get(QStringLiteral("mam"))), QStringLiteral("s1"));
        // A failed batch leaves the cursor where it was.
        StoredMessage bad = incoming(Romeo, QStringLiteral("b"), T0 + 1, QStringLiteral("s2"));
        bad.peer.clear();
        QVERIFY(!await(messages->insertBatch({bad}, MessageStore::Unread::Count,
                                             {QStringLiteral("mam"), QStringLiteral("s2")}))
                     .ok());
        QCOMPARE(ok(cursors.get(QStringLiteral("mam"))), QStringLiteral("s1"));
        QVERIFY(await(cursors.set(QStringLiteral("mam"), QStringLiteral("s9"))).ok());
        QCOMPARE(ok(cursors.get(QStringLiteral("mam"))), QStringLiteral("s9"));
    }

    // --- dedupe

    void dedupeOnStanzaId() {
        QCOMPARE(ok(messages->insertBatch(
                     {incoming(Romeo, QStringLiteral("hi"), T0, QStringLiteral("s1"))})),
                 1);
        // Live, then again from the archive (same stanza-id, no origin-id); and twice in one batch.
        QCOMPARE(ok(messages->insertBatch(
                     {incoming(Romeo, QStringLiteral("hi"), T0, QStringLiteral("s1")),
                      incoming(Romeo, QStringLiteral("new"), T0 + 1, QStringLiteral("s2")),
                      incoming(Romeo, QStringLiteral("new"), T0 + 1, QStringLiteral("s2"))})),
                 1);
        QCOMPARE(ok(messages->count()), 2);
    }

    void dedupeOnSenderAndOriginId() {
        QCOMPARE(ok(messages->insertBatch(
                     {incoming(Romeo, QStringLiteral("hi"), T0, {}, QStringLiteral("o1"))})),
                 1);
        // The same message via the archive: same origin-id, now with a stanza-id.
        QCOMPARE(ok(messages->insertBatch({incoming(Romeo, QStringLiteral("hi"), T0,
                                                    QStringLiteral("s1"), QStringLiteral("o1"))})),
                 0);
        QCOMPARE(ok(messages->count()), 1);
        // The stored copy learnt its stanza-id, so a third copy by stanza-id alone is a duplicate.
        QCOMPARE(ok(messages->latestStanzaId()), QStringLiteral("s1"));
        QCOMPARE(ok(messages->insertBatch(
                     {incoming(Romeo, QStringLiteral("hi"), T0, QStringLiteral("s1"))})),
                 0);
        // Another sender may use the same origin-id.
        QCOMPARE(ok(messages->insertBatch(
                     {incoming(Nurse, QStringLiteral("hi"), T0, {}, QStringLiteral("o1"))})),
                 1);
        QCOMPARE(ok(messages->count()), 2);
    }

    void outboxCopyAdoptsTheArchivedCopy() {
        OutboxStore outbox(*db);
        StoredMessage typed =
            outgoing(Romeo, QStringLiteral("wherefore"), T0, QStringLiteral("o-42"));
        const OutboxEntry entry = ok(outbox.enqueue(typed, QStringLiteral("<message id='o-42'/>")));
        QVERIFY(entry.id > 0);
        QVERIFY(entry.message.rowId > 0);
        QCOMPARE(ok(messages->message(entry.message.rowId)).state, State::Queued);
        QCOMPARE(ok(outbox.pending()).size(), 1);

        // Sent, acked lost in a crash; the archive now returns our own message.
        StoredMessage archived =
            outgoing(Romeo, QStringLiteral("wherefore"), T0 + 30, QStringLiteral("o-42"));
        archived.stanzaId = QStringLiteral("archive-7");
        QCOMPARE(ok(messages->insertBatch({archived})), 0);
        QCOMPARE(ok(messages->count()), 1);
        const StoredMessage stored = ok(messages->message(entry.message.rowId));
        QCOMPARE(stored.stanzaId, QStringLiteral("archive-7"));
        QCOMPARE(stored.state, State::Sent);
        QCOMPARE(stored.timestamp, typed.timestamp);  // our own time stays
        // The server has it: resending would deliver it twice.
        QCOMPARE(ok(outbox.pending()).size(), 0);
        QCOMPARE(ok(messages->latestStanzaId()), QStringLiteral("archive-7"));
    }

    // --- history

    void historyIsOldestFirstAndPagesExactly() {
        QList<StoredMessage> batch;
        for (int i = 0; i < 25; ++i) {
            // Pairs share a millisecond: paging must still neither skip nor repeat.
            batch.append(
                incoming(Romeo, QStringLiteral("r%1").arg(i, 2, 10, QLatin1Char('0')), T0 + i / 2));
        }
        batch.append(incoming(Nurse, QStringLiteral("other conversation"), T0 + 5));
        // Stored out of order, as a backwards history fetch would.
        std::reverse(batch.begin(), batch.end());
        QCOMPARE(ok(messages->insertBatch(batch)), 26);

        QStringList all;
        std::optional<MessageCursor> before;
        for (int page = 0; page < 10; ++page) {
            const QList<StoredMessage> got = ok(messages->history(Romeo, 10, before));
            if (got.isEmpty()) {
                break;
            }
            QVERIFY(std::is_sorted(got.cbegin(), got.cend(), [](const auto& a, const auto& b) {
                return a.timestamp < b.timestamp;
            }));
            all = bodies(got) + all;
            before = MessageCursor::before(got.first());
        }
        // Every message once, in time order (within a millisecond, in the order stored).
        QCOMPARE(all.size(), 25);
        QStringList expected;
        for (int i = 0; i < 25; ++i) {
            expected.append(QStringLiteral("r%1").arg(i ^ 1, 2, 10, QLatin1Char('0')));
        }
        expected.removeAll(QStringLiteral("r25"));
        expected.insert(24, QStringLiteral("r24"));
        QCOMPARE(all, expected);

        const QList<StoredMessage> newest = ok(messages->history(Romeo, 3));
        QCOMPARE(newest.last().peer, Romeo);
        QCOMPARE(newest.size(), 3);
        const QList<StoredMessage> beforeTime = ok(messages->history(
            Romeo, 100, MessageCursor::before(QDateTime::fromMSecsSinceEpoch(T0 + 2, Qt::UTC))));
        QCOMPARE(bodies(beforeTime), (QStringList{"r01", "r00", "r03", "r02"}));
        QCOMPARE(ok(messages->history(QStringLiteral("nobody@x"), 10)).size(), 0);
    }

    // Archives stamp in whole seconds. Pages stored out of archive order (the newest page
    // before the gap behind it, older history last) still read back in archive order.
    void sameTimestampKeepsArchiveOrder() {
        auto page = [](QStringList names) {
            QList<StoredMessage> batch;
            for (const QString& n : names) {
                batch << incoming(Romeo, n, T0, QStringLiteral("s-") + n);
            }
            return batch;
        };
        using P = MessageStore::Placement;
        QCOMPARE(ok(messages->insertBatch(page({"n1", "n2"}), MessageStore::Unread::Count, {},
                                          P::Newest)),
                 2);
        QCOMPARE(ok(messages->insertBatch(page({"g1", "g2"}))), 2);  // the gap, read forwards
        QCOMPARE(ok(messages->insertBatch(page({"b1", "b2"}), MessageStore::Unread::DoNotCount, {},
                                          P::Before)),
                 2);
        QCOMPARE(ok(messages->insertBatch(page({"a1", "a2"}), MessageStore::Unread::DoNotCount, {},
                                          P::Before)),
                 2);
        QCOMPARE(bodies(ok(messages->history(Romeo, 100))),
                 (QStringList{"a1", "a2", "b1", "b2", "g1", "g2", "n1", "n2"}));
        // Paging back through the tie is exact.
        const QList<StoredMessage> newest = ok(messages->history(Romeo, 3));
        QCOMPARE(bodies(newest), (QStringList{"g2", "n1", "n2"}));
        const QList<StoredMessage> older =
            ok(messages->history(Romeo, 3, MessageCursor::before(newest.first())));
        QCOMPARE(bodies(older), (QStringList{"b1", "b2", "g1"}));
        QCOMPARE(ok(messages->oldestStanzaId(Romeo)), QStringLiteral("s-a1"));
        // The conversation's last message is the archive's last.
        store::ConversationStore conversations(*db);
        const auto list = ok(conversations.list());
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().lastMessagePreview, QStringLiteral("n2"));
    }

    void storedFieldsRoundTrip() {
        StoredMessage m = outgoing(Romeo, QStringLiteral("corrected"), T0, QStringLiteral("o1"));
        m.messageId = QStringLiteral("id-1");
        m.stanzaId = QStringLiteral("s1");
        m.state = State::Delivered;
        m.replaceId = QStringLiteral("o0");
        m.editedAt = QDateTime::fromMSecsSinceEpoch(T0 + 9, Qt::UTC);
        QCOMPARE(ok(messages->insertBatch({m})), 1);
        const QList<StoredMessage> got = ok(messages->history(Romeo, 1));
        QCOMPARE(got.size(), 1);
        m.rowId = got.first().rowId;
        m.seq = got.first().seq;  // the store's to choose
        QCOMPARE(got.first(), m);
        StoredMessage plain = incoming(Nurse, QString(), T0);  // a null body is stored as ""
        QCOMPARE(ok(messages->insertBatch({plain})), 1);
        const StoredMessage back = ok(messages->history(Nurse, 1)).value(0);
        QVERIFY(back.stanzaId.isEmpty() && back.originId.isEmpty() && !back.editedAt.isValid());
    }

    // --- states

    void stateNeverGoesBackwards() {
        OutboxStore outbox(*db);
        const OutboxEntry e =
            ok(outbox.enqueue(outgoing(Romeo, QStringLiteral("x"), T0, QStringLiteral("o1")),
                              QStringLiteral("<message/>")));
        const auto stateOf = [&] { return ok(messages->message(e.message.rowId)).state; };
        QCOMPARE(stateOf(), State::Queued);
        QCOMPARE(ok(outbox.noteAttempt(e.id)), 1);
        QCOMPARE(ok(outbox.noteAttempt(e.id)), 2);
        // The receipt overtakes the server's ack.
        QCOMPARE(ok(messages->updateState(Romeo, QStringLiteral("o1"), State::Read)), 1);
        QCOMPARE(stateOf(), State::Read);
        QVERIFY(await(outbox.markSent(e.id)).ok());
        QCOMPARE(stateOf(), State::Read);
        QCOMPARE(ok(messages->updateState(Romeo, QStringLiteral("o1"), State::Delivered)), 0);
        QCOMPARE(ok(messages->updateState(Romeo, QStringLiteral("o1"), State::Failed)), 0);
        QCOMPARE(stateOf(), State::Read);
        QCOMPARE(ok(outbox.pending()).size(), 0);
        QCOMPARE(await(outbox.markSent(e.id)).error().code, ErrorCode::NotFound);

        // Only the peer of the conversation can move it; only our own messages move.
        const OutboxEntry f =
            ok(outbox.enqueue(outgoing(Romeo, QStringLiteral("y"), T0 + 1, QStringLiteral("o2")),
                              QStringLiteral("<message/>")));
        QCOMPARE(ok(messages->updateState(Nurse, QStringLiteral("o2"), State::Delivered)), 0);
        QVERIFY(await(outbox.markFailed(f.id)).ok());
        QCOMPARE(ok(messages->message(f.message.rowId)).state, State::Failed);
        // A receipt proves it arrived after all.
        QCOMPARE(ok(messages->updateState(Romeo, QStringLiteral("o2"), State::Delivered)), 1);
        QCOMPARE(ok(messages->message(f.message.rowId)).state, State::Delivered);
        QVERIFY(!await(messages->updateState(Romeo, QStringLiteral("o2"), State::Queued)).ok());
    }

    void outboxRefusesWhatCannotBeSentOnce() {
        OutboxStore outbox(*db);
        QCOMPARE(await(outbox.enqueue(outgoing(Romeo, QStringLiteral("x"), T0, {}),
                                      QStringLiteral("<m/>")))
                     .error()
                     .code,
                 ErrorCode::Usage);
        QVERIFY(await(outbox.enqueue(outgoing(Romeo, QStringLiteral("x"), T0, QStringLiteral("o1")),
                                     QStringLiteral("<m/>")))
                    .ok());
        QCOMPARE(
            await(outbox.enqueue(outgoing(Romeo, QStringLiteral("x"), T0, QStringLiteral("o1")),
                                 QStringLiteral("<m/>")))
                .error()
                .code,
            ErrorCode::Usage);
        QCOMPARE(ok(outbox.pending()).size(), 1);
        QCOMPARE(ok(messages->count()), 1);
    }

    void outboxPendingInCreationOrder() {
        OutboxStore outbox(*db);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(
                await(outbox.enqueue(outgoing(i % 2 ? Romeo : Nurse, QStringLiteral("m%1").arg(i),
                                              T0 - i, QStringLiteral("o%1").arg(i)),
                                     QStringLiteral("<message n='%1'/>").arg(i)))
                    .ok());
        }
        const QList<OutboxEntry> pending = ok(outbox.pending());
        QCOMPARE(pending.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(pending[i].stanza, QStringLiteral("<message n='%1'/>").arg(i));
            QCOMPARE(pending[i].message.body, QStringLiteral("m%1").arg(i));
            QCOMPARE(pending[i].message.state, State::Queued);
        }
    }

    // --- conversations

    void conversationsTrackUnreadAndActivity() {
        ConversationStore conversations(*db);
        QCOMPARE(ok(messages->insertBatch({incoming(Romeo, QStringLiteral("one"), T0),
                                           incoming(Romeo, QStringLiteral("two"), T0 + 10),
                                           incoming(Nurse, QStringLiteral("hello"), T0 + 5)})),
                 3);
        QList<ConversationSummary> list = ok(conversations.list());
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].peer, Romeo);
        QCOMPARE(list[0].unread, 2);
        QCOMPARE(list[0].lastActivity, QDateTime::fromMSecsSinceEpoch(T0 + 10, Qt::UTC));
        QCOMPARE(list[0].lastMessagePreview, QStringLiteral("two"));
        QCOMPARE(list[1].peer, Nurse);
        QCOMPARE(list[1].unread, 1);

        // Our reply: activity moves, unread does not.
        QCOMPARE(ok(messages->insertBatch(
                     {outgoing(Nurse, QStringLiteral("yes?"), T0 + 20, QStringLiteral("o1"))})),
                 1);
        list = ok(conversations.list());
        QCOMPARE(list[0].peer, Nurse);
        QCOMPARE(list[0].unread, 1);
        QCOMPARE(list[0].lastMessagePreview, QStringLiteral("yes?"));
        QCOMPARE(list[0].lastMessageDirection, Direction::Outgoing);

        // Older history fetched backwards: neither unread nor the last message change.
        QCOMPARE(ok(messages->insertBatch({incoming(Romeo, QStringLiteral("ancient"), T0 - 1000)},
                                          MessageStore::Unread::DoNotCount)),
                 1);
        const ConversationSummary romeo = ok(conversations.conversation(Romeo));
        QCOMPARE(romeo.unread, 2);
        QCOMPARE(romeo.lastMessagePreview, QStringLiteral("two"));
        QCOMPARE(romeo.lastActivity, QDateTime::fromMSecsSinceEpoch(T0 + 10, Qt::UTC));

        QVERIFY(await(conversations.markRead(Romeo)).ok());
        QCOMPARE(ok(conversations.conversation(Romeo)).unread, 0);
        QCOMPARE(await(conversations.conversation(QStringLiteral("x@y"))).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(ok(conversations.list(1)).size(), 1);
    }

    // --- full-text index

    void searchIndexFollowsMessages() {
        QCOMPARE(
            ok(messages->insertBatch(
                {incoming(Romeo, QStringLiteral("Un café, s'il vous plaît"), T0),
                 incoming(Romeo, QStringLiteral("Naïve question about the printer"), T0 + 1)})),
            2);
        QCOMPARE(match(QStringLiteral("cafe")), QList<qint64>{1});
        QCOMPARE(match(QStringLiteral("café")), QList<qint64>{1});
        QCOMPARE(match(QStringLiteral("naive")), QList<qint64>{2});
        QCOMPARE(match(QStringLiteral("pri*")), QList<qint64>{2});  // prefix index
        QCOMPARE(match(QStringLiteral("tea")), QList<qint64>{});

        // A correction replaces the indexed text; a state change leaves it alone.
        QVERIFY(execOk(QStringLiteral("UPDATE messages SET body = 'Un thé plutôt' WHERE id = 1")));
        QVERIFY(execOk(QStringLiteral("UPDATE messages SET state = 3 WHERE id = 2")));
        QCOMPARE(match(QStringLiteral("cafe")), QList<qint64>{});
        QCOMPARE(match(QStringLiteral("plutot")), QList<qint64>{1});
        QCOMPARE(match(QStringLiteral("naive")), QList<qint64>{2});

        QVERIFY(execOk(QStringLiteral("DELETE FROM messages WHERE id = 2")));
        QCOMPARE(match(QStringLiteral("naive")), QList<qint64>{});
        QVERIFY(ok(db->repairSearchIndex()).isEmpty());  // consistent all along
    }

    void searchIndexFollowsAnswersAndTipsEvenThroughReplace() {
        QVERIFY(execOk(QStringLiteral(
            "INSERT INTO answers(id, title, body, tags, created, updated) "
            "VALUES ('a1', 'Reset the café printer', 'Hold the button', 'printer', 1, 1)")));
        QVERIFY(
            execOk(QStringLiteral("INSERT INTO tips(id, author, body, tags, created) VALUES ('t1', "
                                  "'x@y', 'Crème brûlée', 'food', 1)")));
        QCOMPARE(matchIn(QStringLiteral("answers_fts"), QStringLiteral("cafe")), QStringList{"a1"});
        QCOMPARE(matchIn(QStringLiteral("tips_fts"), QStringLiteral("creme")), QStringList{"t1"});
        // REPLACE deletes and reinserts: with recursive triggers the index follows.
        QVERIFY(execOk(QStringLiteral(
            "INSERT OR REPLACE INTO answers(id, title, body, tags, created, updated) "
            "VALUES ('a1', 'Reset the scanner', 'Unplug it', 'scanner', 1, 2)")));
        QCOMPARE(matchIn(QStringLiteral("answers_fts"), QStringLiteral("cafe")), QStringList{});
        QCOMPARE(matchIn(QStringLiteral("answers_fts"), QStringLiteral("scanner")),
                 QStringList{"a1"});
        // An upsert too.
        QVERIFY(execOk(QStringLiteral(
            "INSERT INTO tips(id, author, body, created) VALUES ('t1', 'x@y', 'Tarte tatin', 2) "
            "ON CONFLICT(id) DO UPDATE SET body = excluded.body")));
        QCOMPARE(matchIn(QStringLiteral("tips_fts"), QStringLiteral("creme")), QStringList{});
        QCOMPARE(matchIn(QStringLiteral("tips_fts"), QStringLiteral("tatin")), QStringList{"t1"});
        // VACUUM keeps the rowids the index points at.
        QVERIFY(execOk(QStringLiteral("DELETE FROM answers")));
        QVERIFY(
            execOk(QStringLiteral("INSERT INTO answers(id, title, body, created, updated) VALUES "
                                  "('a2', 'Second', 'x', 1, 1)")));
        QVERIFY(execOk(QStringLiteral("VACUUM")));
        QCOMPARE(matchIn(QStringLiteral("answers_fts"), QStringLiteral("second")),
                 QStringList{"a2"});
        QVERIFY(ok(db->repairSearchIndex()).isEmpty());
    }

    // --- contacts

    void contactsMirrorTheRoster() {
        ContactStore contacts(*db);
        const StoredContact romeo{Romeo,
                                  QStringLiteral("Romeo"),
                                  QStringLiteral("both"),
                                  {QStringLiteral("Customers"), QStringLiteral("VIP \"gold\"")}};
        const StoredContact nurse{Nurse, {}, QStringLiteral("to"), {}};
        QVERIFY(await(contacts.upsert({romeo, nurse})).ok());
        QCOMPARE(ok(contacts.list()), (QList<StoredContact>{nurse, romeo}));
        StoredContact renamed = romeo;
        renamed.name = QStringLiteral("R.");
        QVERIFY(await(contacts.upsert({renamed})).ok());
        QCOMPARE(ok(contacts.list()).value(1).name, QStringLiteral("R."));
        QVERIFY(await(contacts.remove(Nurse)).ok());
        QCOMPARE(ok(contacts.list()), QList<StoredContact>{renamed});
        QVERIFY(await(contacts.replaceAll({nurse})).ok());
        QCOMPARE(ok(contacts.list()), QList<StoredContact>{nurse});
        // The whole roster with its version (RFC 6121 2.6), and a pending subscription.
        StoredContact asked = romeo;
        asked.ask = true;
        QVERIFY(await(contacts.replaceAll({asked, nurse}, QStringLiteral("ver42"))).ok());
        const store::StoredRoster roster = ok(contacts.load());
        QCOMPARE(roster.contacts, (QList<StoredContact>{nurse, asked}));
        QCOMPARE(roster.version, QStringLiteral("ver42"));
        // A version never outlives its items: a refused write keeps both as they were.
        const StoredContact nameless{QString(), {}, QStringLiteral("none"), {}};
        QVERIFY(!await(contacts.replaceAll({nameless}, QStringLiteral("ver43"))).ok());
        QCOMPARE(ok(contacts.load()).version, QStringLiteral("ver42"));
        QCOMPARE(ok(contacts.load()).contacts.size(), 2);
    }

private:
    bool execOk(const QString& sql) {
        return await(db->run([sql](QSqlDatabase& d) {
            QSqlQuery q(d);
            if (!q.exec(sql)) {
                qWarning("%s", qPrintable(q.lastError().text()));
                return false;
            }
            return true;
        }));
    }
    QList<qint64> match(const QString& text) {
        return await(db->run([text](QSqlDatabase& d) {
            QList<qint64> rows;
            QSqlQuery q(d);
            q.prepare(QStringLiteral(
                "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid"));
            q.addBindValue(text);
            q.exec();
            while (q.next()) {
                rows.append(q.value(0).toLongLong());
            }
            return rows;
        }));
    }
    QStringList matchIn(const QString& fts, const QString& text) {
        const QString base = fts.left(fts.size() - 4);
        return await(db->run([fts, base, text](QSqlDatabase& d) {
            QStringList ids;
            QSqlQuery q(d);
            // LEFT JOIN: an index entry whose row is gone (a stale entry) shows as "stale".
            q.prepare(QStringLiteral("SELECT coalesce(b.id, 'stale') FROM %1 f "
                                     "LEFT JOIN %2 b ON b.rowid = f.rowid "
                                     "WHERE %1 MATCH ? ORDER BY 1")
                          .arg(fts, base));
            q.addBindValue(text);
            q.exec();
            while (q.next()) {
                ids.append(q.value(0).toString());
            }
            return ids;
        }));
    }

    std::unique_ptr<QTemporaryDir> tmp;
    std::unique_ptr<Database> db;
    std::unique_ptr<MessageStore> messages;
};

QTEST_GUILESS_MAIN(TestMessageStore)
#include "tst_messagestore.moc"
