// The tips feed in a real SQLite store: posts, comments and likes made here are pending and
// queued once (a like set and withdrawn offline is one item, sent as it ends), published
// state recorded (not over a change made meanwhile), items from the server applied in any
// order (a comment or like before its tip, an old like after a newer one), never over what
// we still have to send, retractions and a whole-node check removing what went, and tips
// found by search.
#include <QTemporaryDir>
#include <QtTest>

#include "Await.h"
#include "feed/TipStore.h"
#include "search/SearchService.h"
#include "store/Database.h"

using namespace rapport;
using namespace rapport::feed;

using rapport::test::await;

namespace {

const QString Me = QStringLiteral("me@example.com");
const QString Bob = QStringLiteral("bob@example.com");
const QString Carol = QStringLiteral("carol@example.com");

QString uuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QDateTime at(int minute) {
    return QDateTime(QDate(2026, 11, 27), QTime(9, minute), Qt::UTC);
}

Tip remoteTip(const QString& author, const QString& body, int minute = 0) {
    Tip t;
    t.id = uuid();
    t.author = author;
    t.body = body;
    t.published = at(minute);
    return t;
}

}  // namespace

class TestTipStore : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<TipStore> tips;
    int n = 0;

    QList<FeedAction> actions() { return await(tips->pendingActions()).value(); }
    Tip tip(const QString& id) { return await(tips->get(id)).value(); }

private slots:
    void init() {
        auto opened = store::Database::open(dir.filePath(QStringLiteral("p%1.sqlite").arg(++n)));
        QVERIFY(opened.ok());
        db = std::move(opened).value();
        tips = std::make_unique<TipStore>(*db, Me);
    }
    void cleanup() {
        tips.reset();
        db.reset();
    }

    void postedOfflineIsPendingAndQueued() {
        const auto posted =
            await(tips->post(QStringLiteral("Use **Ctrl+K**."), {QStringLiteral("Shortcuts")}));
        QVERIFY2(posted.ok(), qPrintable(posted.error().message));
        const Tip t = posted.value();
        QCOMPARE(t.author, Me);
        QCOMPARE(t.tags, QStringList{QStringLiteral("shortcuts")});
        QCOMPARE(tip(t.id).state, FeedState::Pending);
        const QList<FeedAction> queued = actions();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().itemId, t.id);
        QVERIFY(queued.first().payload.is(u"tip", TipNs));
        QCOMPARE(queued.first().payload.childText(u"body", TipNs),
                 QStringLiteral("Use **Ctrl+K**."));

        QVERIFY(await(tips->markPublished(queued.first())).ok());
        QCOMPARE(tip(t.id).state, FeedState::Published);
        QVERIFY(actions().isEmpty());
        // Published: now it is something we hold, for the next catch-up.
        QVERIFY(await(tips->heldItems()).value().contains(t.id));
    }

    void refusedWhenItBreaksARule() {
        const auto blank = await(tips->post(QStringLiteral("   "), {}));
        QVERIFY(!blank.ok());
        QCOMPARE(blank.error().code, ErrorCode::Usage);
        const auto huge = await(tips->post(QString(TipLimits::BodyBytes + 1, u'x'), {}));
        QVERIFY(!huge.ok());
        QVERIFY(await(tips->list()).value().isEmpty());
        QVERIFY(actions().isEmpty());
        const auto orphan = await(tips->comment(uuid(), QStringLiteral("On nothing")));
        QCOMPARE(orphan.error().code, ErrorCode::NotFound);
        QCOMPARE(await(tips->setLiked(uuid(), true)).error().code, ErrorCode::NotFound);
    }

    void likeIsIdempotentAndWithdrawnOfflineIsSentOnce() {
        const Tip t = remoteTip(Bob, QStringLiteral("Bob's tip"));
        QCOMPARE(await(tips->applyRemote({t})).value(), 1);
        QCOMPARE(await(tips->setLiked(t.id, true)).value().likes, 1);
        QCOMPARE(await(tips->setLiked(t.id, true)).value().likes, 1);  // again: nothing new
        QVERIFY(tip(t.id).likedByMe);
        QCOMPARE(actions().size(), 1);
        QCOMPARE(await(tips->setLiked(t.id, false)).value().likes, 0);
        const QList<FeedAction> queued = actions();
        QCOMPARE(queued.size(), 1);  // one item per (tip, person): sent once, as it ends
        QCOMPARE(queued.first().itemId, TipPayload::likeItemId(t.id, Me));
        QVERIFY(queued.first().payload.is(u"unlike", TipNs));
        QVERIFY(!tip(t.id).likedByMe);
        // Withdrawing what is not liked changes nothing.
        QVERIFY(await(tips->markPublished(queued.first())).ok());
        QCOMPARE(await(tips->setLiked(t.id, false)).value().likes, 0);
        QVERIFY(actions().isEmpty());
    }

    // Published while it was changed again: the change is still to be sent.
    void changedWhileBeingSentStaysQueued() {
        const Tip t = remoteTip(Bob, QStringLiteral("Bob's tip"));
        QVERIFY(await(tips->applyRemote({t})).ok());
        QVERIFY(await(tips->setLiked(t.id, true)).ok());
        const FeedAction sending = actions().first();
        QVERIFY(await(tips->setLiked(t.id, false)).ok());
        QVERIFY(await(tips->markPublished(sending)).ok());
        const QList<FeedAction> left = actions();
        QCOMPARE(left.size(), 1);
        QVERIFY(left.first().payload.is(u"unlike", TipNs));
        QVERIFY(await(tips->markPublished(left.first())).ok());
        QVERIFY(actions().isEmpty());
    }

    void commentsAndLikesFromOthersInAnyOrder() {
        const Tip t = remoteTip(Bob, QStringLiteral("Bob's tip"));
        TipComment c{uuid(), t.id, Carol, QStringLiteral("Nice"), at(5)};
        // The comment and two likes arrive before the tip.
        QCOMPARE(await(tips->applyRemote({FeedItem(c), FeedItem(TipLike{t.id, Carol, true, at(6)}),
                                          FeedItem(TipLike{t.id, Bob, true, at(7)})}))
                     .value(),
                 3);
        QVERIFY(!await(tips->get(t.id)).ok());
        QCOMPARE(await(tips->applyRemote({t})).value(), 1);
        QCOMPARE(tip(t.id).likes, 2);
        QCOMPARE(tip(t.id).comments, 1);
        QVERIFY(!tip(t.id).likedByMe);

        // Applying the same items again changes nothing.
        QCOMPARE(await(tips->applyRemote(
                           {FeedItem(t), FeedItem(c), FeedItem(TipLike{t.id, Carol, true, at(6)})}))
                     .value(),
                 0);
        // Carol withdraws; an older copy of her like (a catch-up overtaken by the live
        // event) does not bring it back.
        QCOMPARE(await(tips->applyRemote({TipLike{t.id, Carol, false, at(8)}})).value(), 1);
        QCOMPARE(await(tips->applyRemote({TipLike{t.id, Carol, true, at(6)}})).value(), 0);
        QCOMPARE(tip(t.id).likes, 1);
        const QList<TipComment> list = await(tips->comments(t.id)).value();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().author, Carol);
        // The catch-up key of a like: its state and time.
        QCOMPARE(await(tips->heldItems()).value().value(TipPayload::likeItemId(t.id, Carol)),
                 TipStore::likeKey(TipLike{t.id, Carol, false, at(8)}));
    }

    // What we still have to send is ours: the server's older copy does not replace it.
    void pendingIsLeftAlone() {
        const Tip t = remoteTip(Bob, QStringLiteral("Bob's tip"));
        QVERIFY(await(tips->applyRemote({t})).ok());
        QVERIFY(await(tips->setLiked(t.id, true)).ok());
        QCOMPARE(await(tips->applyRemote({TipLike{t.id, Me, false, at(1)}})).value(), 0);
        QVERIFY(tip(t.id).likedByMe);
        const Tip mine = await(tips->post(QStringLiteral("Mine"), {})).value();
        QCOMPARE(await(tips->applyRetracted({mine.id})).value(), 0);
        QCOMPARE(tip(mine.id).state, FeedState::Pending);
    }

    void retractedAndMissingItemsGo() {
        const Tip a = remoteTip(Bob, QStringLiteral("A"));
        const Tip b = remoteTip(Bob, QStringLiteral("B"));
        const TipComment c{uuid(), a.id, Carol, QStringLiteral("On A"), at(3)};
        QVERIFY(await(tips->applyRemote({FeedItem(a), FeedItem(b), FeedItem(c),
                                         FeedItem(TipLike{b.id, Carol, true, at(4)})}))
                    .ok());
        QCOMPARE(tip(b.id).likes, 1);
        // A moderator retracts Carol's like on B: the count follows.
        QCOMPARE(await(tips->applyRetracted({TipPayload::likeItemId(b.id, Carol)})).value(), 1);
        QCOMPARE(tip(b.id).likes, 0);
        // A whole-node fetch without A: A and its comment go, B stays.
        QCOMPARE(await(tips->keepOnly({b.id})).value(), 2);
        QVERIFY(!await(tips->get(a.id)).ok());
        QVERIFY(await(tips->comments(a.id)).value().isEmpty());
        QVERIFY(await(tips->get(b.id)).ok());
    }

    void listIsNewestFirstAndSearchFindsTips() {
        QVERIFY(await(tips->applyRemote({remoteTip(Bob, QStringLiteral("Older printer tip"), 1),
                                         remoteTip(Carol, QStringLiteral("Newer router tip"), 9)}))
                    .ok());
        const QList<Tip> all = await(tips->list()).value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.first().body, QStringLiteral("Newer router tip"));
        QCOMPARE(await(tips->list(1)).value().size(), 1);
        auto find = [this](const QString& text) {
            return await(db->run([text](QSqlDatabase& d) {
                       return search::SearchService::search(d, text, 10);
                   }))
                .size();
        };
        QCOMPARE(find(QStringLiteral("router kind:tip")), 1);
        QCOMPARE(find(QStringLiteral("tip from:carol")), 1);
    }
};

QTEST_MAIN(TestTipStore)
#include "tst_tipstore.moc"
