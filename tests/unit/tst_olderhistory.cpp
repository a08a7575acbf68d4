// Fetching a conversation's older history on demand (OlderHistory) against a fake archive
// and a real SQLite store: where it continues from, what it stores, that it steps over
// receipts, stops at the start of the archive, keeps other conversations out, and that
// what it stores is not unread.
#include <QTemporaryDir>
#include <QtTest>

#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "sync/OlderHistory.h"
#include "xmpp/Namespaces.h"

using namespace rapport;
using namespace rapport::sync;
using namespace rapport::xmpp;

namespace {

const Jid Me(QStringLiteral("juliet@example.com"));
const Jid Romeo(QStringLiteral("romeo@montague.example"));
const Jid Nurse(QStringLiteral("nurse@capulet.example"));
const qint64 T0 = 1700000000000;

// One peer's archive, oldest first: chat messages "m0".."mN" from the peer, and receipts
// where asked. Pages like a server: RSM before/last page, `with` honoured.
struct FakeArchive {
    struct Entry {
        QString id;
        bool receipt = false;
        Jid from;
    };
    QList<Entry> entries;
    QList<MamQuery> queries;
    std::optional<Error> failWith;

    void add(int n, bool receipts = false, const Jid& from = Romeo) {
        for (int i = 0; i < n; ++i) {
            entries << Entry{QStringLiteral("a%1").arg(entries.size(), 5, 10, QLatin1Char('0')),
                             receipts, from};
        }
    }

    MamMessage toMam(qsizetype i) const {
        const Entry& e = entries[i];
        Element m(QStringLiteral("message"), ns::Client);
        m.setAttribute(QStringLiteral("from"), e.from.toString() + QStringLiteral("/phone"));
        m.setAttribute(QStringLiteral("to"), Me.toString());
        m.setAttribute(QStringLiteral("type"), QStringLiteral("chat"));
        if (e.receipt) {
            Element r(QStringLiteral("received"), QStringLiteral("urn:xmpp:receipts"));
            r.setAttribute(QStringLiteral("id"), QStringLiteral("x"));
            m.appendChild(r);
        } else {
            Element body(QStringLiteral("body"), ns::Client);
            body.appendText(QStringLiteral("m%1").arg(i));
            m.appendChild(body);
        }
        MamMessage out;
        out.archiveId = e.id;
        out.stamp = QDateTime::fromMSecsSinceEpoch(T0 + i * 1000, Qt::UTC);
        out.message = m;
        return out;
    }

    QFuture<Result<MamPage>> query(const MamQuery& q) {
        queries << q;
        if (failWith) {
            return QtFuture::makeReadyFuture(Result<MamPage>(*failWith));
        }
        qsizetype to = entries.size();
        if (!q.before.isEmpty()) {
            to = 0;
            while (to < entries.size() && entries[to].id != q.before) {
                ++to;
            }
        }
        const qsizetype from = std::max<qsizetype>(0, to - q.max);
        MamPage page;
        for (qsizetype i = from; i < to; ++i) {
            page.messages << toMam(i);
        }
        page.first = page.messages.isEmpty() ? QString() : page.messages.first().archiveId;
        page.last = page.messages.isEmpty() ? QString() : page.messages.last().archiveId;
        page.count = int(entries.size());
        page.complete = from == 0;
        return QtFuture::makeReadyFuture(Result<MamPage>(page));
    }
};

Result<OlderHistory::Outcome> await(QFuture<Result<OlderHistory::Outcome>> future) {
    // OlderHistory continues on its own thread's event loop, so spin it while waiting.
    QDeadlineTimer deadline(10000);
    while (!future.isFinished() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (!future.isFinished()) {
        return Result<OlderHistory::Outcome>(
            Error::make(ErrorCode::Timeout, QStringLiteral("fetch did not finish")));
    }
    return future.result();
}

}  // namespace

class TestOlderHistory : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<store::MessageStore> messages;
    FakeArchive archive;
    std::unique_ptr<OlderHistory> older;

    QStringList storedBodies() {
        const auto page = messages->history(Romeo.toString(), 10000).result();
        QStringList bodies;
        for (const store::StoredMessage& m : page.value()) {
            bodies << m.body;
        }
        return bodies;
    }

    OlderHistory::Outcome fetch(const Jid& peer, int max) {
        Result<OlderHistory::Outcome> r = await(older->fetch(peer, max));
        if (!r.ok()) {
            qWarning("%s", qPrintable(r.error().message));
        }
        return r.ok() ? r.value() : OlderHistory::Outcome{};
    }

private slots:
    void init() {
        auto opened = store::Database::open(
            dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction())));
        QVERIFY(opened.ok());
        db = std::move(opened).value();
        messages = std::make_unique<store::MessageStore>(*db);
        archive = {};
        older = std::make_unique<OlderHistory>(
            [this](const MamQuery& q) { return archive.query(q); }, *messages, Me);
    }
    void cleanup() {
        older.reset();
        messages.reset();
        db.reset();
    }

    void nothingStoredStartsFromTheNewestPage() {
        archive.add(30);
        const OlderHistory::Outcome o = fetch(Romeo, 10);
        QCOMPARE(o.stored, 10);
        QCOMPARE(o.fetched, 10);
        QVERIFY(!o.reachedStart);
        QCOMPARE(archive.queries.size(), 1);
        QVERIFY(archive.queries[0].lastPage);
        QCOMPARE(archive.queries[0].with, Romeo);
        QCOMPARE(storedBodies().first(), QStringLiteral("m20"));
        QCOMPARE(storedBodies().last(), QStringLiteral("m29"));
    }

    void continuesBeforeTheOldestStoredAndStopsAtTheStart() {
        archive.add(25);
        QCOMPARE(fetch(Romeo, 10).stored, 10);  // m15..m24
        const OlderHistory::Outcome second = fetch(Romeo, 10);
        QCOMPARE(archive.queries.last().before, archive.entries[15].id);
        QCOMPARE(second.stored, 10);  // m5..m14
        const OlderHistory::Outcome third = fetch(Romeo, 10);
        QCOMPARE(third.stored, 5);
        QVERIFY(third.reachedStart);
        const OlderHistory::Outcome fourth = fetch(Romeo, 10);
        QCOMPARE(fourth.stored, 0);
        QVERIFY(fourth.reachedStart);

        QStringList expected;
        for (int i = 0; i < 25; ++i) {
            expected << QStringLiteral("m%1").arg(i);
        }
        QCOMPARE(storedBodies(), expected);
        // History fetched backwards is not news.
        store::ConversationStore conversations(*db);
        const auto list = conversations.list().result();
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 1);
        QCOMPARE(list.value().first().unread, 0);
    }

    void stepsOverReceiptsToFindMessages() {
        archive.add(5);         // m0..m4
        archive.add(30, true);  // a run of receipts
        archive.add(5);         // m35..m39
        QCOMPARE(fetch(Romeo, 5).stored, 5);
        // Before m35: a page of 20 receipts, then one with 10 receipts and m0..m4.
        const OlderHistory::Outcome o = fetch(Romeo, 20);
        QCOMPARE(o.pages, 2);
        QCOMPARE(o.fetched, 35);
        QCOMPARE(o.stored, 5);
        QVERIFY(o.reachedStart);
        QCOMPARE(storedBodies(),
                 (QStringList{"m0", "m1", "m2", "m3", "m4", "m35", "m36", "m37", "m38", "m39"}));
    }

    void keepsOtherConversationsOut() {
        archive.add(3);
        archive.add(2, false, Nurse);  // a server ignoring `with`
        const OlderHistory::Outcome o = fetch(Romeo, 10);
        QCOMPARE(o.fetched, 5);
        QCOMPARE(o.stored, 3);
        QCOMPARE(messages->history(Nurse.toString(), 10).result().value().size(), 0);
    }

    void reportsArchiveErrors() {
        archive.failWith = Error::make(ErrorCode::StanzaError, QStringLiteral("no archive"),
                                       QStringLiteral("service-unavailable"));
        const Result<OlderHistory::Outcome> r = await(older->fetch(Romeo, 10));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().condition, QStringLiteral("service-unavailable"));
        QCOMPARE(await(older->fetch(Jid(), 10)).error().code, ErrorCode::Usage);
    }
};

QTEST_GUILESS_MAIN(TestOlderHistory)
#include "tst_olderhistory.moc"
