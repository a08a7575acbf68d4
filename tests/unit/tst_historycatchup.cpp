// The archive catch-up algorithm against an in-memory archive and store: first
// sync, short and long absences, an expired cursor, and a catch-up cut short
// (as by SIGKILL) that must resume without loss or duplicates.
#include <QtTest>
#include <map>

#include "sync/HistoryCatchUp.h"
#include "xmpp/Namespaces.h"

using namespace rapport;
using namespace rapport::sync;
using namespace rapport::xmpp;

namespace {

// An archive of numbered messages with RSM paging as a server does it.
struct FakeArchive {
    QStringList ids;
    int queries = 0;
    int transferred = 0;

    void append(int n) {
        for (int i = 0; i < n; ++i) {
            ids << QStringLiteral("id%1").arg(ids.size(), 6, 10, QLatin1Char('0'));
        }
    }

    QFuture<Result<MamPage>> query(const MamQuery& q) {
        ++queries;
        qsizetype from = 0;
        qsizetype to = ids.size();  // exclusive
        if (!q.after.isEmpty()) {
            const qsizetype i = ids.indexOf(q.after);
            if (i < 0) {
                return QtFuture::makeReadyFuture(
                    Result<MamPage>(Error::make(ErrorCode::StanzaError, QStringLiteral("gone"),
                                                QStringLiteral("item-not-found"))));
            }
            from = i + 1;
            to = std::min<qsizetype>(ids.size(), from + q.max);
        } else if (!q.before.isEmpty() || q.lastPage) {
            to = q.before.isEmpty() ? ids.size() : ids.indexOf(q.before);
            from = std::max<qsizetype>(0, to - q.max);
        } else {
            to = std::min<qsizetype>(ids.size(), q.max);
        }
        MamPage page;
        for (qsizetype i = from; i < to; ++i) {
            MamMessage m;
            m.archiveId = ids[i];
            m.message = Element(QStringLiteral("message"), ns::Client);
            page.messages << m;
        }
        transferred += page.messages.size();
        page.first = page.messages.isEmpty() ? QString() : page.messages.first().archiveId;
        page.last = page.messages.isEmpty() ? QString() : page.messages.last().archiveId;
        page.count = ids.size();
        page.complete = (!q.after.isEmpty() || (q.before.isEmpty() && !q.lastPage))
                            ? to == ids.size()
                            : from == 0;
        return QtFuture::makeReadyFuture(Result<MamPage>(page));
    }
};

// A store that can be made to die after a number of writes, like a killed process.
struct MemorySink : ArchiveSink {
    std::map<QString, int> stored;  // id -> times stored (must stay 1)
    QString cursorValue;
    int writesLeft = -1;  // -1: never dies
    int writes = 0;       // store() calls that succeeded

    QFuture<Result<QString>> cursor() override {
        return QtFuture::makeReadyFuture(Result<QString>(cursorValue));
    }
    QFuture<Result<int>> store(const QList<MamMessage>& messages, const QString& newCursor,
                               Page) override {
        if (writesLeft == 0) {
            return QtFuture::makeReadyFuture(
                Result<int>(Error::make(ErrorCode::Io, QStringLiteral("killed"))));
        }
        if (writesLeft > 0) {
            --writesLeft;
        }
        ++writes;
        int added = 0;
        for (const MamMessage& m : messages) {
            if (stored.find(m.archiveId) == stored.end()) {
                stored[m.archiveId] = 1;
                ++added;
            }
        }
        if (!newCursor.isEmpty()) {
            cursorValue = newCursor;
        }
        return QtFuture::makeReadyFuture(Result<int>(added));
    }
};

struct Run {
    bool finished = false;
    bool failed = false;
    int progressReports = 0;
    HistoryCatchUp::Summary summary;
};

Run runCatchUp(FakeArchive& archive, MemorySink& sink, int pageSize = 100) {
    HistoryCatchUp catchUp([&archive](const MamQuery& q) { return archive.query(q); }, &sink);
    catchUp.setPageSize(pageSize);
    Run run;
    QObject::connect(&catchUp, &HistoryCatchUp::finished, [&run](const HistoryCatchUp::Summary& s) {
        run.finished = true;
        run.summary = s;
    });
    QObject::connect(&catchUp, &HistoryCatchUp::failed,
                     [&run](const Error&) { run.failed = true; });
    QObject::connect(&catchUp, &HistoryCatchUp::progress, [&run] { ++run.progressReports; });
    catchUp.start();
    QElapsedTimer t;
    t.start();
    while (!run.finished && !run.failed && t.elapsed() < 10000) {
        QCoreApplication::processEvents();
    }
    return run;
}

}  // namespace

class TestHistoryCatchUp : public QObject {
    Q_OBJECT
private slots:
    void firstSyncStoresEverythingOnce() {
        FakeArchive archive;
        archive.append(1234);
        MemorySink sink;
        const Run run = runCatchUp(archive, sink);
        QVERIFY(run.finished);
        QCOMPARE(int(sink.stored.size()), 1234);
        QCOMPARE(run.summary.stored, 1234);
        QCOMPARE(sink.cursorValue, archive.ids.last());
        // The newest page came first, then the rest from the start; only the page that
        // runs into the newest one overlaps it.
        QVERIFY2(archive.transferred < 1234 + 100,
                 qPrintable(QString::number(archive.transferred)));
    }

    void smallArchiveIsOnePage() {
        FakeArchive archive;
        archive.append(42);
        MemorySink sink;
        QVERIFY(runCatchUp(archive, sink).finished);
        QCOMPARE(archive.queries, 1);
        QCOMPARE(sink.cursorValue, archive.ids.last());
    }

    void nothingNewFetchesNothing() {
        FakeArchive archive;
        archive.append(500);
        MemorySink sink;
        QVERIFY(runCatchUp(archive, sink).finished);
        archive.transferred = 0;
        archive.queries = 0;
        const Run again = runCatchUp(archive, sink);
        QVERIFY(again.finished);
        QCOMPARE(again.summary.fetched, 0);
        QCOMPARE(again.summary.stored, 0);
        QCOMPARE(archive.queries, 1);
    }

    void shortAbsenceIsOneRoundTrip() {
        FakeArchive archive;
        archive.append(500);
        MemorySink sink;
        QVERIFY(runCatchUp(archive, sink).finished);
        archive.append(7);
        archive.transferred = 0;
        archive.queries = 0;
        const Run run = runCatchUp(archive, sink);
        QVERIFY(run.finished);
        QCOMPARE(run.summary.stored, 7);
        QCOMPARE(archive.queries, 1);
        QCOMPARE(archive.transferred, 7);
        QCOMPARE(sink.cursorValue, archive.ids.last());
    }

    void longAbsenceShowsNewestFirstThenFillsTheGap() {
        FakeArchive archive;
        archive.append(300);
        MemorySink sink;
        QVERIFY(runCatchUp(archive, sink).finished);
        archive.append(950);
        const Run run = runCatchUp(archive, sink);
        QVERIFY(run.finished);
        QCOMPARE(int(sink.stored.size()), 1250);
        QCOMPARE(run.summary.stored, 950);
        QCOMPARE(sink.cursorValue, archive.ids.last());
    }

    void expiredCursorStartsOver() {
        FakeArchive archive;
        archive.append(120);
        MemorySink sink;
        sink.cursorValue = QStringLiteral("expired-id");
        const Run run = runCatchUp(archive, sink);
        QVERIFY(run.finished);
        QCOMPARE(int(sink.stored.size()), 120);
        QCOMPARE(sink.cursorValue, archive.ids.last());
    }

    // The gap is stored in transactions of StoreBatch messages, not one per page; progress
    // still moves with every page fetched.
    void gapIsStoredInBatches() {
        FakeArchive archive;
        archive.append(300);
        MemorySink sink;
        QVERIFY(runCatchUp(archive, sink).finished);
        archive.append(2 * HistoryCatchUp::StoreBatch + 950);
        sink.writes = 0;
        const Run run = runCatchUp(archive, sink, 250);
        QVERIFY(run.finished);
        QCOMPARE(int(sink.stored.size()), 300 + 2 * HistoryCatchUp::StoreBatch + 950);
        // One page after the cursor, the newest page, then the gap: two full batches and
        // the rest, which ends where the newest page begins.
        QCOMPARE(sink.writes, 1 + 1 + 3);
        QCOMPARE(run.progressReports, run.summary.pages);
        QCOMPARE(sink.cursorValue, archive.ids.last());
    }

    void killedCatchUpResumesWithoutLossOrDuplicates_data() {
        QTest::addColumn<int>("killAfterWrites");
        for (int k : {0, 1, 2, 5, 9}) {
            QTest::addRow("after %d writes", k) << k;
        }
    }
    void killedCatchUpResumesWithoutLossOrDuplicates() {
        QFETCH(int, killAfterWrites);
        // Enough for more than 9 writes of StoreBatch messages.
        const int total = 12 * HistoryCatchUp::StoreBatch;
        FakeArchive archive;
        archive.append(total);
        MemorySink sink;
        sink.writesLeft = killAfterWrites;
        const Run killed = runCatchUp(archive, sink);
        QVERIFY(killed.failed);
        sink.writesLeft = 3;  // killed again, later
        (void)runCatchUp(archive, sink);
        sink.writesLeft = -1;
        const Run last = runCatchUp(archive, sink);
        QVERIFY(last.finished);
        QCOMPARE(int(sink.stored.size()), total);
        QCOMPARE(sink.stored.begin()->first, archive.ids.first());
        QCOMPARE(sink.stored.rbegin()->first, archive.ids.last());
        QCOMPARE(sink.cursorValue, archive.ids.last());
    }
};

QTEST_GUILESS_MAIN(TestHistoryCatchUp)
#include "tst_historycatchup.moc"
