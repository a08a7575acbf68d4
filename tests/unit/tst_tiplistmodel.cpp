// The Tips section's model over a real account store (no network): tips from the server in
// newest-first order with the author's name, a newer tip inserted above the selected one
// (which stays selected), likes set and withdrawn here updating the row in place, likes and
// comments from others counted, a tip's comments read when it is expanded and kept current,
// a post shown as pending and a blank one refused, and the feed filled a page at a time.
// QAbstractItemModelTester watches throughout.
#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include "Await.h"
#include "account/Account.h"
#include "feed/FeedSync.h"
#include "feed/TipStore.h"
#include "models/TipListModel.h"

using namespace rapport;
using feed::FeedItem;
using feed::Tip;
using feed::TipComment;
using feed::TipLike;
using models::TipListModel;

using rapport::test::await;

namespace {

const QString Me = QStringLiteral("me@example.com");
const QString Bob = QStringLiteral("bob@example.com");
const QString Carol = QStringLiteral("carol@example.com");

// Before anything posted here during the test (which is "now").
QDateTime at(int minute) {
    static const QDateTime start =
        QDateTime(QDate::currentDate().addDays(-2), QTime(9, 0), Qt::UTC);
    return start.addSecs(qint64(minute) * 60);
}

Tip remoteTip(const QString& author, const QString& body, int minute,
              const QStringList& tags = {}) {
    Tip t;
    t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    t.author = author;
    t.body = body;
    t.tags = tags;
    t.published = at(minute);
    return t;
}

TipComment remoteComment(const QString& tipId, const QString& author, const QString& body,
                         int minute) {
    TipComment c;
    c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.tipId = tipId;
    c.author = author;
    c.body = body;
    c.published = at(minute);
    return c;
}

}  // namespace

class TestTipListModel : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<Account> account;
    int n = 0;

    // As FeedSync does after storing what the server sent.
    void fromServer(QList<FeedItem> items) {
        QVERIFY(await(account->tips().applyRemote(std::move(items))).ok());
        emit account->feed().tipsChanged();
    }
    QString idAt(const TipListModel& model, int row) {
        return model.index(row).data(TipListModel::IdRole).toString();
    }

private slots:
    void init() {
        auto opened = Account::open(dir.filePath(QString::number(++n)), Jid(Me));
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        account = std::move(opened).value();
    }
    void cleanup() { account.reset(); }

    void newestFirstAndSelectionFollows() {
        const Tip old =
            remoteTip(Bob, QStringLiteral("Old **printer** tip"), 1, {QStringLiteral("printing")});
        const Tip mid = remoteTip(Carol, QStringLiteral("Middle tip"), 2);
        const Tip recent = remoteTip(Bob, QStringLiteral("Recent tip"), 3);
        QVERIFY(await(account->tips().applyRemote({mid, old, recent})).ok());
        TipListModel model(*account);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(idAt(model, 0), recent.id);
        QCOMPARE(idAt(model, 1), mid.id);
        QCOMPARE(idAt(model, 2), old.id);
        const QModelIndex last = model.index(2);
        QCOMPARE(last.data(TipListModel::AuthorRole).toString(), Bob);
        QCOMPARE(last.data(TipListModel::AuthorNameRole).toString(), QStringLiteral("bob"));
        QCOMPARE(last.data(TipListModel::AuthorInitialsRole).toString(), QStringLiteral("B"));
        QCOMPARE(last.data(TipListModel::BodyRole).toString(),
                 QStringLiteral("Old **printer** tip"));
        QCOMPARE(last.data(TipListModel::TagsRole).toStringList(),
                 QStringList{QStringLiteral("printing")});
        QCOMPARE(last.data(TipListModel::PublishedRole).toDateTime(), at(1));
        QCOMPARE(last.data(TipListModel::StateRole).toString(), QStringLiteral("published"));
        QCOMPARE(last.data(TipListModel::LikesRole).toInt(), 0);
        QCOMPARE(last.data(TipListModel::LikedByMeRole).toBool(), false);
        QCOMPARE(last.data(TipListModel::CommentsRole).toInt(), 0);
        QVERIFY(!model.canFetchMore({}));

        // The oldest is selected; a newer tip arrives on top and the selection stays on it.
        QItemSelectionModel selection(&model);
        selection.setCurrentIndex(model.index(2), QItemSelectionModel::ClearAndSelect);
        const Tip newest = remoteTip(Carol, QStringLiteral("Newest tip"), 4);
        fromServer({newest});
        QTRY_COMPARE(model.rowCount(), 4);
        QCOMPARE(idAt(model, 0), newest.id);
        QCOMPARE(selection.currentIndex().row(), 3);
        QCOMPARE(selection.currentIndex().data(TipListModel::IdRole).toString(), old.id);
        // A retracted tip goes.
        QVERIFY(await(account->tips().applyRetracted({mid.id})).ok());
        emit account->feed().tipsChanged();
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(mid.id), -1);
        QCOMPARE(selection.currentIndex().data(TipListModel::IdRole).toString(), old.id);
    }

    void likesUpdateInPlace() {
        const Tip a = remoteTip(Bob, QStringLiteral("First"), 1);
        const Tip b = remoteTip(Carol, QStringLiteral("Second"), 2);
        QVERIFY(await(account->tips().applyRemote({a, b})).ok());
        TipListModel model(*account);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model.rowCount(), 2);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        const int row = model.rowOf(a.id);
        QCOMPARE(row, 1);
        QSignalSpy loaded(&model, &TipListModel::loaded);
        QVERIFY(await(model.setLiked(a.id, true)).ok());
        QTRY_COMPARE(model.index(row).data(TipListModel::LikedByMeRole).toBool(), true);
        QCOMPARE(model.index(row).data(TipListModel::LikesRole).toInt(), 1);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).toModelIndex().row(), row);
        QTRY_VERIFY(!loaded.isEmpty());  // the re-read after our like
        // Carol likes it too, through the server.
        fromServer({TipLike{a.id, Carol, true, at(5)}});
        QTRY_COMPARE(model.index(row).data(TipListModel::LikesRole).toInt(), 2);
        // Withdrawn here: one left, not mine.
        QVERIFY(await(model.setLiked(a.id, false)).ok());
        QTRY_COMPARE(model.index(row).data(TipListModel::LikedByMeRole).toBool(), false);
        QTRY_COMPARE(model.index(row).data(TipListModel::LikesRole).toInt(), 1);
        QCOMPARE(model.rowOf(a.id), row);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        // An unknown tip cannot be liked.
        QVERIFY(
            !await(model.setLiked(QUuid::createUuid().toString(QUuid::WithoutBraces), true)).ok());
    }

    void commentsCountedAndShownWhenExpanded() {
        const Tip t = remoteTip(Bob, QStringLiteral("Comment on me"), 1);
        QVERIFY(await(account->tips().applyRemote({t})).ok());
        TipListModel model(*account);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model.rowCount(), 1);
        fromServer({remoteComment(t.id, Carol, QStringLiteral("Nice one"), 2)});
        QTRY_COMPARE(model.index(0).data(TipListModel::CommentsRole).toInt(), 1);
        QCOMPARE(model.index(0).data(TipListModel::ExpandedRole).toBool(), false);
        QVERIFY(model.index(0).data(TipListModel::CommentListRole).toList().isEmpty());

        QSignalSpy commentsChanged(&model, &TipListModel::commentsChanged);
        model.setExpanded(t.id, true);
        QCOMPARE(model.index(0).data(TipListModel::ExpandedRole).toBool(), true);
        QTRY_VERIFY(model.index(0).data(TipListModel::CommentsLoadedRole).toBool());
        QVERIFY(commentsChanged.size() >= 2);  // expanded, then read
        QVariantList list = model.index(0).data(TipListModel::CommentListRole).toList();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toMap().value(QStringLiteral("body")).toString(),
                 QStringLiteral("Nice one"));
        QCOMPARE(list[0].toMap().value(QStringLiteral("authorName")).toString(),
                 QStringLiteral("carol"));

        // Ours: counted, listed after Carol's, pending (there is no connection).
        QVERIFY(await(model.addComment(t.id, QStringLiteral("Thanks!"))).ok());
        QTRY_COMPARE(model.index(0).data(TipListModel::CommentsRole).toInt(), 2);
        QTRY_COMPARE(model.index(0).data(TipListModel::CommentListRole).toList().size(), 2);
        list = model.index(0).data(TipListModel::CommentListRole).toList();
        QCOMPARE(list[1].toMap().value(QStringLiteral("body")).toString(),
                 QStringLiteral("Thanks!"));
        QCOMPARE(list[1].toMap().value(QStringLiteral("state")).toString(),
                 QStringLiteral("pending"));
        QCOMPARE(list[1].toMap().value(QStringLiteral("author")).toString(), Me);

        model.setExpanded(t.id, false);
        QCOMPARE(model.index(0).data(TipListModel::ExpandedRole).toBool(), false);
        QVERIFY(model.index(0).data(TipListModel::CommentListRole).toList().isEmpty());
        QCOMPARE(model.index(0).data(TipListModel::CommentsRole).toInt(), 2);
    }

    void postIsPendingAndBlankRefused() {
        fromServer({remoteTip(Bob, QStringLiteral("Older"), 1)});
        TipListModel model(*account);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model.rowCount(), 1);
        const auto posted =
            await(model.post(QStringLiteral("Use **Ctrl+K**."), {QStringLiteral("Shortcuts")}));
        QVERIFY2(posted.ok(), qPrintable(posted.error().message));
        QTRY_COMPARE(model.rowCount(), 2);
        const QModelIndex mine = model.index(0);
        QCOMPARE(mine.data(TipListModel::IdRole).toString(), posted.value().id);
        QCOMPARE(mine.data(TipListModel::AuthorRole).toString(), Me);
        QCOMPARE(mine.data(TipListModel::StateRole).toString(), QStringLiteral("pending"));
        QCOMPARE(mine.data(TipListModel::TagsRole).toStringList(),
                 QStringList{QStringLiteral("shortcuts")});

        const auto blank = await(model.post(QStringLiteral("   \n "), {}));
        QVERIFY(!blank.ok());
        QVERIFY(!blank.error().message.isEmpty());
        QTest::qWait(100);
        QCOMPARE(model.rowCount(), 2);
    }

    void filledAPageAtATime() {
        const int total = TipListModel::PageSize + 50;
        QList<FeedItem> items;
        for (int i = 0; i < total; ++i) {
            items << remoteTip(Bob, QStringLiteral("Tip %1").arg(i), i);
        }
        QVERIFY(await(account->tips().applyRemote(items)).ok());
        TipListModel model(*account);
        QSignalSpy loaded(&model, &TipListModel::loaded);
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(model.rowCount(), TipListModel::PageSize);
        QCOMPARE(model.index(0).data(TipListModel::BodyRole).toString(),
                 QStringLiteral("Tip %1").arg(total - 1));
        QVERIFY(model.canFetchMore({}));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), total);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.index(total - 1).data(TipListModel::BodyRole).toString(),
                 QStringLiteral("Tip 0"));
    }
};

QTEST_MAIN(TestTipListModel)
#include "tst_tiplistmodel.moc"
