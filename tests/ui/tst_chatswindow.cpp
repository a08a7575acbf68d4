// The desktop app's Chats section as an engineer uses it, on the offscreen platform with a
// real Prosody and a real profile: signing in through the set-up dialog (a wrong password
// is shown as such), a customer's message arriving in the list with an unread badge and in
// the window title, opening it clears the badge, a reply sent with Enter reaches the
// customer, Ctrl+K finds an old message and jumps to it, and the models pass
// QAbstractItemModelTester throughout.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "LiveClient.h"
#include "UiTestSupport.h"
#include "account/Account.h"
#include "chats/ChatsView.h"
#include "chats/Composer.h"
#include "chats/ConversationPane.h"
#include "main/AppStartup.h"
#include "main/MainWindow.h"
#include "models/ConversationListModel.h"
#include "models/MessageListModel.h"
#include "models/SearchResultsModel.h"
#include "search/SearchPalette.h"
#include "setup/AccountSetupDialog.h"
#include "setup/CredentialStore.h"
#include "store/MessageStore.h"

using namespace rapport;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

const QString Password = QStringLiteral("secret");

}  // namespace

class TestChatsWindow : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir profile;
    ui::MemoryCredentialStore credentials;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(
            rapport::test::startWithUsers(
                server, {QStringLiteral("engineer"), QStringLiteral("customer")}, Password, &error),
            qPrintable(error));
        rapport::test::keepSettingsIn(profile.path());
    }

    void wrongPasswordIsShownAsSuch() {
        ui::AccountSetupDialog dialog;
        dialog.show();
        dialog.jidEdit()->setText(QStringLiteral("engineer@localhost"));
        dialog.passwordEdit()->setText(QStringLiteral("not the password"));
        dialog.serverEdit()->setText(server.websocketUrl().toString());
        QSignalSpy tested(&dialog, &ui::AccountSetupDialog::tested);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 15000);
        QCOMPARE(tested.first().at(0).toBool(), false);
        QVERIFY2(
            dialog.statusLabel()->text().contains(QStringLiteral("password"), Qt::CaseInsensitive),
            qPrintable(dialog.statusLabel()->text()));
        // A plain ws:// address elsewhere than this machine is refused before connecting.
        dialog.passwordEdit()->setText(Password);
        dialog.serverEdit()->setText(QStringLiteral("ws://chat.example.com/xmpp-websocket"));
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_COMPARE(tested.size(), 2);
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("wss://")));
    }

    void signInReceiveOpenAndReply() {
        ui::AppStartup startup(profile.filePath(QStringLiteral("data")), credentials);
        startup.start();
        // No account yet: the set-up dialog.
        ui::AccountSetupDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = rapport::test::findTopLevel<ui::AccountSetupDialog>()) != nullptr);
        dialog->jidEdit()->setText(QStringLiteral("engineer@localhost"));
        dialog->passwordEdit()->setText(Password);
        dialog->serverEdit()->setText(server.websocketUrl().toString());
        QSignalSpy tested(dialog, &ui::AccountSetupDialog::tested);
        QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 15000);
        QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
        QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(startup.window() != nullptr, 15000);
        ui::MainWindow* window = startup.window();
        QVERIFY(window->isVisible());
        QAbstractItemModelTester listTester(window->conversations(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionLabel()->text(), QStringLiteral("Online"),
                                  15000);
        // The password went to the credential store, the rest to the settings.
        QString stored;
        credentials.readPassword(
            QStringLiteral("engineer@localhost"),
            [&](const Result<QString>& p) { stored = p.ok() ? p.value() : QString(); });
        QCOMPARE(stored, Password);
        QCOMPARE(QSettings().value(QStringLiteral("account/jid")).toString(),
                 QStringLiteral("engineer@localhost"));

        // A customer writes.
        LiveClient customer(server, QStringLiteral("customer@localhost"), Password);
        QVERIFY(customer.signIn());
        QVERIFY(customer.chat
                    ->sendMessage(Jid(QStringLiteral("engineer@localhost")),
                                  QStringLiteral("Hello, my **invoices** page is blank."))
                    .ok());
        models::ConversationListModel* list = window->conversations();
        QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 1, 10000);
        const QModelIndex row = list->index(0);
        QCOMPARE(row.data(models::ConversationListModel::PeerRole).toString(),
                 QStringLiteral("customer@localhost"));
        QCOMPARE(row.data(models::ConversationListModel::NameRole).toString(),
                 QStringLiteral("customer"));
        QTRY_COMPARE(row.data(models::ConversationListModel::UnreadRole).toInt(), 1);
        QCOMPARE(row.data(models::ConversationListModel::PreviewRole).toString(),
                 QStringLiteral("Hello, my **invoices** page is blank."));
        QCOMPARE(window->windowTitle(), QStringLiteral("(1) Rapport"));

        // Opening it shows the message and clears the badge.
        ui::ChatsView* chats = window->chats();
        chats->conversationList()->setCurrentIndex(row);
        ui::ConversationPane* pane = chats->pane();
        QCOMPARE(pane->peer(), QStringLiteral("customer@localhost"));
        QAbstractItemModelTester messageTester(
            pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(pane->model()->rowCount(), 1);
        QCOMPARE(pane->model()->index(0).data(models::MessageListModel::BodyRole).toString(),
                 QStringLiteral("Hello, my **invoices** page is blank."));
        QTRY_COMPARE(list->index(0).data(models::ConversationListModel::UnreadRole).toInt(), 0);
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("Rapport"));

        // A reply typed and sent with Enter; Shift+Enter made a second line.
        ui::Composer* composer = pane->composer();
        composer->setFocus();
        QTest::keyClicks(composer, QStringLiteral("Hi! Which browser?"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer, QStringLiteral("And which account?"));
        QTest::keyClick(composer, Qt::Key_Return);
        QVERIFY(composer->toPlainText().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(customer.received.size(), 1, 10000);
        QCOMPARE(customer.received.first().body,
                 QStringLiteral("Hi! Which browser?\nAnd which account?"));
        QTRY_COMPARE(pane->model()->rowCount(), 2);
        const QModelIndex mine = pane->model()->index(1);
        QCOMPARE(mine.data(models::MessageListModel::OutgoingRole).toBool(), true);
        QTRY_VERIFY(mine.data(models::MessageListModel::StateRole).toString() != u"queued");
        // Consecutive messages of different senders each start a run; both are today.
        QCOMPARE(mine.data(models::MessageListModel::GroupStartRole).toBool(), true);
        QCOMPARE(mine.data(models::MessageListModel::DayStartRole).toBool(), false);
        QTRY_COMPARE(list->index(0).data(models::ConversationListModel::LastFromMeRole).toBool(),
                     true);
        // Ctrl+K finds an old message (not loaded yet) and jumps to it.
        QList<store::StoredMessage> older;
        for (int i = 0; i < 150; ++i) {
            store::StoredMessage m;
            m.peer = QStringLiteral("customer@localhost");
            m.sender = m.peer;
            m.body = i == 3 ? QStringLiteral("My order number is zanzibar-77, please check.")
                            : QStringLiteral("Older message %1").arg(i);
            m.timestamp = QDateTime::currentDateTimeUtc().addDays(-3).addSecs(i);
            m.messageId = QStringLiteral("old-%1").arg(i);
            older << m;
        }
        QVERIFY(rapport::test::await(startup.account()->messages().insertBatch(older)).ok());
        QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
        ui::SearchPalette* palette = window->searchPalette();
        QTRY_VERIFY(palette->isVisible());
        QTest::keyClicks(palette->queryEdit(), QStringLiteral("zanzibar"));
        QTRY_COMPARE(palette->model()->rowCount(), 1);
        QCOMPARE(palette->model()->index(0).data(models::SearchResultsModel::KindRole).toString(),
                 QStringLiteral("message"));
        if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            palette->grab().save(shots + QStringLiteral("/search.png"));
        }
        const qint64 rowId =
            palette->model()->index(0).data(models::SearchResultsModel::IdRole).toLongLong();
        QTest::keyClick(palette->queryEdit(), Qt::Key_Return);
        QVERIFY(!palette->isVisible());
        QTRY_VERIFY(pane->model()->rowOfMessage(rowId) >= 0);
        const QModelIndex found = pane->model()->index(pane->model()->rowOfMessage(rowId));
        QTRY_VERIFY(pane->messageView()->viewport()->rect().intersects(
            pane->messageView()->visualRect(found)));

        // Ctrl+F in the conversation: the same search, narrowed to it; Esc closes it.
        QApplication::setActiveWindow(window);  // the palette was the active window
        QVERIFY(QTest::qWaitForWindowActive(window));
        pane->composer()->setFocus();
        QTest::keyClick(pane->composer(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(palette->isVisible());
        QCOMPARE(palette->queryEdit()->text(), QStringLiteral("with:customer@localhost "));
        QTest::keyClicks(palette->queryEdit(), QStringLiteral("zanzibar"));
        QTRY_COMPARE(palette->model()->rowCount(), 1);
        QTest::keyClick(palette->queryEdit(), Qt::Key_Escape);
        QVERIFY(!palette->isVisible());

        // Ctrl+N: a conversation with someone new.
        QTRY_COMPARE(QApplication::activeWindow(), window);  // back from the palette
        chats->conversationList()->setFocus();
        QTimer::singleShot(50, [] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("Newcomer@localhost"));
            dialog->accept();
        });
        QTest::keyClick(chats->conversationList(), Qt::Key_N, Qt::ControlModifier);
        QTRY_COMPARE(pane->peer(), QStringLiteral("newcomer@localhost"));
        QVERIFY(!chats->conversationList()->currentIndex().isValid());  // not "customer"

        // For looking at it: RAPPORT_SCREENSHOT_DIR=... ctest -R tst_chatswindow
        if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            QTest::qWait(200);
            window->grab().save(shots + QStringLiteral("/chats.png"));
        }
        window->close();
    }
};

QTEST_MAIN(TestChatsWindow)
#include "tst_chatswindow.moc"
