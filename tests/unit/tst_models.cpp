// The UI's models over a real account store (no network): the conversation list keeps its
// order by last activity, moves a conversation to the top with its selection when a message
// arrives, and counts unread; the message list loads the newest page, older pages on
// demand down to the first message, appends new messages, updates delivery states in
// place, and says where days and runs start. QAbstractItemModelTester watches both.
#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "Await.h"
#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "models/ConversationListModel.h"
#include "models/MessageListModel.h"
#include "store/MessageStore.h"

using namespace rapport;
using models::ConversationListModel;
using models::MessageListModel;
using store::StoredMessage;

using rapport::test::await;

namespace {

const QDateTime kStart(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);

StoredMessage message(const QString& peer, int minute, const QString& body,
                      StoredMessage::Direction direction = StoredMessage::Direction::Incoming) {
    StoredMessage m;
    m.peer = peer;
    m.direction = direction;
    m.sender =
        direction == StoredMessage::Direction::Incoming ? peer : QStringLiteral("me@example.com");
    m.body = body;
    m.timestamp = kStart.addSecs(qint64(minute) * 60);
    m.messageId = QStringLiteral("m-%1-%2").arg(peer).arg(minute);
    m.state = direction == StoredMessage::Direction::Incoming ? StoredMessage::State::Received
                                                              : StoredMessage::State::Sent;
    return m;
}

}  // namespace

class TestModels : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<Account> account;
    int n = 0;

    // As the live recorder does: says which conversations it touched, so that the list
    // reads just those (a catch-up says nothing, and the whole list is read).
    void store(QList<StoredMessage> messages) {
        QStringList peers;
        for (const StoredMessage& m : messages) {
            peers << m.peer;
        }
        QVERIFY(await(account->messages().insertBatch(std::move(messages))).ok());
        emit account->messagesChanged(peers);
    }

private slots:
    void init() {
        auto opened = Account::open(dir.filePath(QString::number(++n)),
                                    Jid(QStringLiteral("me@example.com")));
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        account = std::move(opened).value();
    }
    void cleanup() { account.reset(); }

    void initialsOfNames() {
        QCOMPARE(ContactDirectory::initials(QStringLiteral("Ann Lee")), QStringLiteral("AL"));
        QCOMPARE(ContactDirectory::initials(QStringLiteral("ann.lee@example.com")),
                 QStringLiteral("AL"));
        QCOMPARE(ContactDirectory::initials(QStringLiteral("  bob  ")), QStringLiteral("B"));
        QCOMPARE(ContactDirectory::initials(QStringLiteral("(x) Cy Dee")), QStringLiteral("CD"));
        QCOMPARE(ContactDirectory::initials(QStringLiteral("émile_zola-x")), QStringLiteral("ÉZ"));
        QCOMPARE(ContactDirectory::initials(QString()), QStringLiteral("?"));
        QCOMPARE(ContactDirectory::initials(QStringLiteral("-._@")), QStringLiteral("?"));
    }

    void conversationListFollowsActivity() {
        store({message(QStringLiteral("ann@example.com"), 1, QStringLiteral("first")),
               message(QStringLiteral("bob@example.com"), 2, QStringLiteral("second")),
               message(QStringLiteral("cy@example.com"), 3, QStringLiteral("third"))});
        ConversationListModel list(*account);
        QAbstractItemModelTester tester(&list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&list, &ConversationListModel::loaded);
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(list.rowCount(), 3);
        QCOMPARE(list.index(0).data(ConversationListModel::PeerRole).toString(),
                 QStringLiteral("cy@example.com"));
        QCOMPARE(list.index(2).data(ConversationListModel::InitialsRole).toString(),
                 QStringLiteral("A"));
        QCOMPARE(list.index(2).data(ConversationListModel::UnreadRole).toInt(), 1);
        QCOMPARE(list.index(0).data(ConversationListModel::PresenceRole).toString(),
                 QStringLiteral("unknown"));
        QCOMPARE(list.index(0).data(ConversationListModel::IsCustomerRole).toBool(), true);

        // Ann (last row, selected) writes again: she moves to the top, still selected.
        QItemSelectionModel selection(&list);
        selection.setCurrentIndex(list.index(2), QItemSelectionModel::ClearAndSelect);
        store({message(QStringLiteral("ann@example.com"), 4, QStringLiteral("again"))});
        QTRY_COMPARE(list.index(0).data(ConversationListModel::PeerRole).toString(),
                     QStringLiteral("ann@example.com"));
        QCOMPARE(selection.currentIndex().row(), 0);
        QCOMPARE(list.index(0).data(ConversationListModel::UnreadRole).toInt(), 2);
        QCOMPARE(list.index(0).data(ConversationListModel::PreviewRole).toString(),
                 QStringLiteral("again"));
        // A new conversation appears; reading one clears its count.
        store({message(QStringLiteral("dee@example.com"), 5, QStringLiteral("new one"))});
        QTRY_COMPARE(list.rowCount(), 4);
        QCOMPARE(list.rowOf(QStringLiteral("dee@example.com")), 0);
        QVERIFY(await(account->markRead(QStringLiteral("ann@example.com"))).ok());
        QTRY_COMPARE(list.index(list.rowOf(QStringLiteral("ann@example.com")))
                         .data(ConversationListModel::UnreadRole)
                         .toInt(),
                     0);
        // Older news for Bob (a message from before the others'): he stays where his
        // activity puts him. The rows read one by one are in the store's own order.
        store({message(QStringLiteral("bob@example.com"), 0, QStringLiteral("late copy")),
               message(QStringLiteral("cy@example.com"), 6, QStringLiteral("newest"))});
        QTRY_COMPARE(list.rowOf(QStringLiteral("cy@example.com")), 0);
        const auto stored = await(account->conversations().list());
        QVERIFY(stored.ok());
        QStringList expected;
        for (const auto& c : stored.value()) {
            expected << c.peer;
        }
        QStringList shown;
        for (int row = 0; row < list.rowCount(); ++row) {
            shown << list.index(row).data(ConversationListModel::PeerRole).toString();
        }
        QCOMPARE(shown, expected);
    }

    // The tester also asks for more rows as it checks, while pages are on their way: every
    // page still arrives once, in order, with no duplicates.
    void messageListUnderTheTester() {
        const QString peer = QStringLiteral("bob@example.com");
        QList<StoredMessage> history;
        for (int i = 0; i < 130; ++i) {
            history << message(peer, i, QStringLiteral("b%1").arg(i));
        }
        store(history);
        MessageListModel model(*account, peer);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(model.rowCount() >= MessageListModel::PageSize);
        QElapsedTimer t;
        t.start();
        while ((model.canFetchMore({}) || model.isLoading()) && t.elapsed() < 10000) {
            model.fetchMore({});
            QTest::qWait(5);
        }
        QCOMPARE(model.rowCount(), 130);
        for (int i = 0; i < 130; ++i) {
            QCOMPARE(model.index(i).data(MessageListModel::BodyRole).toString(),
                     QStringLiteral("b%1").arg(i));
        }
    }

    void messageListPagesAndUpdates() {
        const QString peer = QStringLiteral("ann@example.com");
        QList<StoredMessage> history;
        // 120 messages over two days, alternating runs of theirs and ours.
        for (int i = 0; i < 120; ++i) {
            const auto direction = (i / 3) % 2 ? StoredMessage::Direction::Outgoing
                                               : StoredMessage::Direction::Incoming;
            history << message(peer, i < 60 ? i : 24 * 60 + i, QStringLiteral("m%1").arg(i),
                               direction);
        }
        store(history);
        MessageListModel model(*account, peer);
        QSignalSpy newest(&model, &MessageListModel::newestLoaded);
        QTRY_COMPARE(newest.size(), 1);
        QCOMPARE(model.rowCount(), MessageListModel::PageSize);
        QCOMPARE(model.index(0).data(MessageListModel::BodyRole).toString(), QStringLiteral("m70"));
        QVERIFY(model.canFetchMore({}));

        QSignalSpy older(&model, &MessageListModel::olderLoaded);
        model.fetchMore({});
        QTRY_COMPARE(older.size(), 1);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.index(0).data(MessageListModel::BodyRole).toString(), QStringLiteral("m20"));
        // Where the second day starts, and the runs of three.
        const int firstOfDay2 = 40;  // m60
        QCOMPARE(model.index(firstOfDay2).data(MessageListModel::BodyRole).toString(),
                 QStringLiteral("m60"));
        QCOMPARE(model.index(firstOfDay2).data(MessageListModel::DayStartRole).toBool(), true);
        QCOMPARE(model.index(firstOfDay2 + 1).data(MessageListModel::DayStartRole).toBool(), false);
        QCOMPARE(model.index(1).data(MessageListModel::GroupStartRole).toBool(), true);  // m21
        QCOMPARE(model.index(2).data(MessageListModel::GroupStartRole).toBool(), false);
        QCOMPARE(model.index(1).data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("You"));

        // loadUntil the very first message: the last page, then nothing more to fetch.
        const qint64 firstRow =
            await(account->messages().history(peer, 1,
                                              store::MessageCursor::before(kStart.addSecs(60))))
                .value()
                .first()
                .rowId;
        QSignalSpy found(&model, &MessageListModel::messageLoaded);
        model.loadUntil(firstRow);
        QTRY_COMPARE(found.size(), 1);
        QCOMPARE(found.first().at(0).toInt(), 0);
        QCOMPARE(model.rowCount(), 120);
        QVERIFY(!model.canFetchMore({}));
        // From here on the tester checks every change (it asks for more rows itself, which
        // is why it watches only once everything is loaded).
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        // A new message at the bottom; a receipt moves one of ours on, in place.
        QSignalSpy appended(&model, &MessageListModel::messagesAppended);
        store({message(peer, 3 * 24 * 60, QStringLiteral("newest"))});
        QTRY_COMPARE(appended.size(), 1);
        QCOMPARE(model.rowCount(), 121);
        QCOMPARE(model.index(120).data(MessageListModel::DayStartRole).toBool(), true);
        const QModelIndex ours = model.index(119);  // m119, ours
        QCOMPARE(ours.data(MessageListModel::OutgoingRole).toBool(), true);
        QCOMPARE(ours.data(MessageListModel::StateRole).toString(), QStringLiteral("sent"));
        QVERIFY(await(account->messages().updateState(
                          peer, QStringLiteral("m-%1-%2").arg(peer).arg(24 * 60 + 119),
                          StoredMessage::State::Read))
                    .ok());
        emit account->messagesChanged({});
        QTRY_COMPARE(model.index(119).data(MessageListModel::StateRole).toString(),
                     QStringLiteral("read"));
        QCOMPARE(model.rowCount(), 121);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
