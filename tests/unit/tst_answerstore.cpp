// The answer library in a real SQLite store: changes made offline are kept and queued once,
// published state recorded, items from the server applied (newer only, never over a pending
// edit), deletes and retractions, conflict copies, refusals, and search over answers.
#include <QTemporaryDir>
#include <QtTest>

#include "Await.h"
#include "library/AnswerPayload.h"
#include "library/AnswerStore.h"
#include "library/ReplyToAnswer.h"
#include "search/SearchService.h"
#include "store/Database.h"

using namespace rapport;
using namespace rapport::library;

using rapport::test::await;

namespace {

const QString Alice = QStringLiteral("alice@example.com");
const QString Bob = QStringLiteral("bob@example.com");

Answer draft(const QString& title, const QString& body = QStringLiteral("Restart it.")) {
    Answer a;
    a.title = title;
    a.body = body;
    a.tags = {QStringLiteral("Printer"), QStringLiteral("wi fi")};
    a.author = Alice;
    return a;
}

}  // namespace

class TestAnswerStore : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<AnswerStore> answers;
    int n = 0;

    QList<LibraryAction> actions() { return await(answers->pendingActions()).value(); }

private slots:
    void init() {
        auto opened = store::Database::open(dir.filePath(QStringLiteral("p%1.sqlite").arg(++n)));
        QVERIFY(opened.ok());
        db = std::move(opened).value();
        answers = std::make_unique<AnswerStore>(*db);
    }
    void cleanup() {
        answers.reset();
        db.reset();
    }

    void createdOfflineIsPendingAndQueuedOnce() {
        const auto created = await(answers->create(draft(QStringLiteral("Printer offline"))));
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        const Answer a = created.value();
        QVERIFY(!QUuid::fromString(a.id).isNull());
        QCOMPARE(a.state, Answer::State::Pending);
        QCOMPARE(a.version, 1);
        QCOMPARE(a.tags, (QStringList{QStringLiteral("printer"), QStringLiteral("wi-fi")}));
        // Two more edits before anything was sent: still one action, the newest text.
        QVERIFY(await(answers->edit(a.id, {.title = QStringLiteral("Printer is offline")}, Alice))
                    .ok());
        const auto edited =
            await(answers->edit(a.id, {.body = QStringLiteral("Plug it in.")}, Bob));
        QVERIFY(edited.ok());
        QCOMPARE(edited.value().version, 1);  // never published: still the first version
        QCOMPARE(edited.value().author, Bob);
        const auto queued = actions();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued[0].kind, LibraryAction::Kind::Publish);
        QCOMPARE(queued[0].baseVersion, 0);
        QCOMPARE(queued[0].answer.title, QStringLiteral("Printer is offline"));
        QCOMPARE(queued[0].answer.body, QStringLiteral("Plug it in."));

        QVERIFY(await(answers->markPublished(queued[0].answer)).ok());
        QVERIFY(actions().isEmpty());
        QCOMPARE(await(answers->get(a.id)).value().state, Answer::State::Published);
        QCOMPARE(await(answers->publishedVersions()).value().value(a.id), 1);

        // An edit of a published answer starts from its version.
        const auto next =
            await(answers->edit(a.id, {.body = QStringLiteral("Check the cable.")}, Alice));
        QCOMPARE(next.value().version, 2);
        QCOMPARE(actions().value(0).baseVersion, 1);
        QVERIFY(!await(answers->publishedVersions()).value().contains(a.id));
    }

    // Sent, but edited again before the server answered: the new text stays queued, now
    // based on the version that went out.
    void editWhilePublishing() {
        const Answer a = await(answers->create(draft(QStringLiteral("VPN drops")))).value();
        LibraryAction sent = actions().value(0);
        QVERIFY(await(answers->edit(a.id, {.body = QStringLiteral("Lower the MTU.")}, Alice)).ok());
        QVERIFY(await(answers->markPublished(sent.answer)).ok());
        const auto queued = actions();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued[0].baseVersion, 1);
        QCOMPARE(queued[0].answer.version, 2);
        QCOMPARE(queued[0].answer.body, QStringLiteral("Lower the MTU."));
        QCOMPARE(queued[0].answer.state, Answer::State::Pending);
    }

    void remoteItemsApplied() {
        Answer remote = draft(QStringLiteral("From the team"));
        remote.id = QStringLiteral("0b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11");
        remote.tags = {QStringLiteral("printer")};
        remote.created = remote.updated = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
        remote.version = 2;
        QCOMPARE(await(answers->applyRemote(remote)).value(), true);
        QCOMPARE(await(answers->applyRemote(remote)).value(), false);  // the same again
        Answer older = remote;
        older.version = 1;
        older.body = QStringLiteral("old text");
        QCOMPARE(await(answers->applyRemote(older)).value(), false);
        QCOMPARE(await(answers->get(remote.id)).value().body, remote.body);
        QVERIFY(actions().isEmpty());  // nothing of it is ours to send

        // A pending local edit is never overwritten by the server's copy.
        QVERIFY(await(answers->countUse(remote.id)).ok());
        QVERIFY(await(answers->edit(remote.id, {.body = QStringLiteral("mine")}, Alice)).ok());
        Answer newer = remote;
        newer.version = 3;
        newer.body = QStringLiteral("theirs");
        QCOMPARE(await(answers->applyRemote(newer)).value(), false);
        QCOMPARE(await(answers->get(remote.id)).value().body, QStringLiteral("mine"));
        QCOMPARE(await(answers->get(remote.id)).value().uses, 1);
        // Nor deleted by a retraction.
        QCOMPARE(await(answers->applyRetract(remote.id)).value(), false);
        QVERIFY(await(answers->get(remote.id)).ok());
    }

    // A first sync applies thousands at once: one transaction, the same rules per item.
    void manyRemoteItemsAtOnce() {
        QList<Answer> items;
        for (int i = 0; i < 50; ++i) {
            Answer a = draft(QStringLiteral("Answer %1").arg(i));
            a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            a.tags = {QStringLiteral("printer")};
            a.created = a.updated = QDateTime::currentDateTimeUtc();
            items << a;
        }
        Answer stale = items[3];
        stale.version = 0;  // older than what the batch itself brings
        stale.title = QStringLiteral("stale");
        QCOMPARE(await(answers->applyRemote(items + QList<Answer>{stale})).value(), 50);
        QCOMPARE(await(answers->list()).value().size(), 50);
        QCOMPARE(await(answers->get(items[3].id)).value().title, QStringLiteral("Answer 3"));
        QCOMPARE(await(answers->applyRemote(items)).value(), 0);  // nothing new
        QCOMPARE(await(answers->applyRemote(QList<Answer>{})).value(), 0);
    }

    void deletesAndRetractions() {
        const Answer local = await(answers->create(draft(QStringLiteral("Never sent")))).value();
        QVERIFY(await(answers->remove(local.id)).ok());
        QVERIFY(actions().isEmpty());  // never published: nothing to retract
        QCOMPARE(await(answers->get(local.id)).error().code, ErrorCode::NotFound);

        const Answer shared = await(answers->create(draft(QStringLiteral("Shared")))).value();
        QVERIFY(await(answers->markPublished(actions().value(0).answer)).ok());
        QVERIFY(await(answers->remove(shared.id)).ok());
        const auto queued = actions();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued[0].kind, LibraryAction::Kind::Retract);
        QCOMPARE(queued[0].itemId, shared.id);
        QVERIFY(await(answers->markRetracted(shared.id)).ok());
        QVERIFY(actions().isEmpty());

        Answer remote = draft(QStringLiteral("Theirs"));
        remote.id = QStringLiteral("1b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11");
        remote.created = remote.updated = QDateTime::currentDateTimeUtc();
        QVERIFY(await(answers->applyRemote(remote)).ok());
        QCOMPARE(await(answers->applyRetract(remote.id)).value(), true);
        QCOMPARE(await(answers->list()).value().size(), 0);
    }

    void conflictCopies() {
        const Answer mine =
            await(answers->create(draft(QStringLiteral("Reset the router")))).value();
        Answer theirs = mine;
        theirs.body = QStringLiteral("Their text");
        theirs.author = Bob;
        theirs.version = 2;
        theirs.updated = mine.updated.addSecs(60);
        const auto copy = await(answers->keepConflict(theirs, false, 0, mine));
        QVERIFY2(copy.ok(), qPrintable(copy.error().message));
        QCOMPARE(copy.value().state, Answer::State::Conflict);
        QCOMPARE(copy.value().conflictOf, mine.id);
        QCOMPARE(copy.value().body, mine.body);
        QVERIFY(actions().isEmpty());  // the winner came from the server
        const Answer winner = await(answers->get(mine.id)).value();
        QCOMPARE(winner.body, QStringLiteral("Their text"));
        QCOMPARE(winner.state, Answer::State::Published);
        QCOMPARE(await(answers->list()).value().size(), 2);
        // A copy cannot be edited or published; it can be discarded.
        QCOMPARE(await(answers->edit(copy.value().id, {.body = QStringLiteral("x")}, Alice))
                     .error()
                     .code,
                 ErrorCode::Usage);
        QVERIFY(await(answers->discardConflict(copy.value().id)).ok());
        QCOMPARE(await(answers->list()).value().size(), 1);

        // Deleting an answer takes its conflict copies with it.
        QVERIFY(await(answers->keepConflict(winner, false, 0, mine)).ok());
        QVERIFY(await(answers->remove(mine.id)).ok());
        QVERIFY(await(answers->list()).value().isEmpty());
    }

    void refusedWithTheReason() {
        const auto empty = await(answers->create(draft(QStringLiteral("  "))));
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, ErrorCode::Usage);
        QVERIFY(empty.error().message.contains(QStringLiteral("title")));
        Answer big = draft(QStringLiteral("Big"));
        big.body = QString(AnswerLimits::BodyBytes + 1, u'x');
        QVERIFY(!await(answers->create(big)).ok());
        QVERIFY(await(answers->list()).value().isEmpty());
        QVERIFY(actions().isEmpty());
        QCOMPARE(await(answers->edit(QStringLiteral("nope"), {}, Alice)).error().code,
                 ErrorCode::NotFound);
    }

    // No tags and an empty body are an answer too (a title is what it needs).
    void withoutTagsOrBody() {
        Answer bare = draft(QStringLiteral("Just a title"), QString());
        bare.tags.clear();
        const auto created = await(answers->create(bare));
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        QVERIFY(created.value().tags.isEmpty());
        QCOMPARE(await(answers->get(created.value().id)).value().body, QString());
    }

    // "Save this chat reply as an answer": the reply's first sentence or line names it,
    // cut at a word; the draft is stored like any new answer (pending, queued).
    void replySavedAsAnswer() {
        QCOMPARE(ReplyToAnswer::titleFrom(QStringLiteral("Restart the router. Then wait.")),
                 QStringLiteral("Restart the router."));
        QCOMPARE(ReplyToAnswer::titleFrom(QStringLiteral("  Open Settings > Storage\nThen...")),
                 QStringLiteral("Open Settings > Storage"));
        QCOMPARE(ReplyToAnswer::titleFrom(QStringLiteral("Version 2.5 fixed it")),
                 QStringLiteral("Version 2.5 fixed it"));
        const QString longLine = QStringLiteral("word ").repeated(40);
        const QString cut = ReplyToAnswer::titleFrom(longLine);
        QVERIFY(cut.size() <= ReplyToAnswer::TitleChars);
        QVERIFY(cut.endsWith(QChar(0x2026)));
        QVERIFY(cut.startsWith(QStringLiteral("word word")));
        QVERIFY(!cut.contains(QStringLiteral("wor\u2026")));

        const QString reply = QStringLiteral("Hold the reset button for 10 s. The light blinks.");
        const auto made = await(answers->create(ReplyToAnswer::draft(reply, Alice)));
        QVERIFY2(made.ok(), qPrintable(made.error().message));
        QCOMPARE(made.value().title, QStringLiteral("Hold the reset button for 10 s."));
        QCOMPARE(made.value().body, reply);
        QCOMPARE(made.value().state, Answer::State::Pending);
        QCOMPARE(actions().size(), 1);
        const auto titled =
            await(answers->create(ReplyToAnswer::draft(reply, Alice, QStringLiteral("Reset"))));
        QCOMPARE(titled.value().title, QStringLiteral("Reset"));
    }

    void searchFindsAnswersAsTheyChange() {
        const Answer a = await(answers->create(draft(QStringLiteral("Captive portal"),
                                                     QStringLiteral("Open a browser"))))
                             .value();
        auto find = [this](const QString& text) {
            return await(db->run([text](QSqlDatabase& d) {
                       return search::SearchService::search(d, text, 10);
                   }))
                .size();
        };
        QCOMPARE(find(QStringLiteral("portal kind:answer")), 1);
        QCOMPARE(find(QStringLiteral("tag:wi-fi")), 1);
        QVERIFY(
            await(answers->edit(a.id, {.title = QStringLiteral("Hotel login page")}, Alice)).ok());
        QCOMPARE(find(QStringLiteral("portal kind:answer")), 0);
        QCOMPARE(find(QStringLiteral("hotel from:alice")), 1);
    }
};

QTEST_GUILESS_MAIN(TestAnswerStore)
#include "tst_answerstore.moc"
