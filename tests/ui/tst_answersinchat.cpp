// Answers in the Chats section, as an engineer uses them while a customer waits, on the
// offscreen platform with a real Prosody: the suggestions panel shows the right answer for
// the customer's message (computed from the local library), Alt+1 inserts it with the
// customer's name filled and the missing placeholder asked for; "/" opens the quick insert,
// which finds an answer by a word of its body and inserts it with Enter; and a reply the
// engineer sent is saved as a new answer.
#include <QApplication>
#include <QDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "LiveClient.h"
#include "UiTestSupport.h"
#include "account/Account.h"
#include "chats/Composer.h"
#include "chats/ConversationPane.h"
#include "chats/QuickInsertPopup.h"
#include "chats/SuggestionsPanel.h"
#include "library/AnswerStore.h"
#include "library/ReplySuggestions.h"
#include "models/MessageListModel.h"

using namespace rapport;
using rapport::test::await;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

const QString Password = QStringLiteral("secret");
const QString Customer = QStringLiteral("customer@localhost");

library::Answer draft(const QString& title, const QString& body) {
    library::Answer a;
    a.title = title;
    a.body = body;
    a.author = QStringLiteral("engineer@localhost");
    return a;
}

// Fills the next placeholder dialog's field `name` with `value` and accepts it.
void answerPlaceholderDialog(const QString& name, const QString& value) {
    QTimer::singleShot(50, [name, value] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("placeholder:") + name);
        QVERIFY2(edit, qPrintable(name));
        edit->setText(value);
        if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            dialog->grab().save(shots + QStringLiteral("/placeholders-") + name +
                                QStringLiteral(".png"));
        }
        dialog->accept();
    });
}

}  // namespace

class TestAnswersInChat : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir dir;
    std::unique_ptr<Account> account;
    QString invoicesId;

private slots:
    void initTestCase() {
        // Settings (drafts, window state) in the test's own folder, never the user's.
        rapport::test::keepSettingsIn(dir.path());
        QString error;
        QVERIFY2(
            rapport::test::startWithUsers(
                server, {QStringLiteral("engineer"), QStringLiteral("customer")}, Password, &error),
            qPrintable(error));
        auto opened = Account::open(dir.path(), Jid(QStringLiteral("engineer@localhost")));
        QVERIFY(opened.ok());
        account = std::move(opened).value();
        invoicesId =
            await(account->answers().create(
                      draft(QStringLiteral("Invoices page is blank"),
                            QStringLiteral("Hi {{customer.name|there}}, please clear the browser "
                                           "cache and reload. Ticket {{ticket}}."))))
                .value()
                .id;
        for (int i = 0; i < 20; ++i) {
            QVERIFY(await(account->answers().create(
                              draft(QStringLiteral("Other topic %1").arg(i),
                                    QStringLiteral("Printer %1 needs a new toner.").arg(i))))
                        .ok());
        }
        QVERIFY(account->signIn(Password, server.websocketUrl()).ok());
        QTRY_COMPARE_WITH_TIMEOUT(account->client().state(), xmpp::Client::State::Online, 15000);
    }
    void cleanupTestCase() { account.reset(); }

    void suggestionInsertedWithAltOne() {
        LiveClient customer(server, Customer, Password);
        QVERIFY(customer.signIn());
        ui::ConversationPane pane(*account);
        pane.resize(900, 600);
        pane.show();
        QVERIFY(customer.chat
                    ->sendMessage(Jid(QStringLiteral("engineer@localhost")),
                                  QStringLiteral("My invoices page is blank since this morning."))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(!account->suggestions().suggestionsFor(Customer).isEmpty(), 10000);
        pane.setPeer(Customer);
        ui::SuggestionsPanel* panel = pane.suggestions();
        QVERIFY(panel->isVisible());  // a customer: not in a colleagues' group
        QTRY_VERIFY(!panel->suggestions().isEmpty());
        QCOMPARE(panel->suggestions().first().id, invoicesId);

        // Cancelled at the placeholder: nothing inserted, no use counted.
        QTimer::singleShot(50, [] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->reject();
        });
        QTest::keyClick(pane.composer(), Qt::Key_1, Qt::AltModifier);
        QTest::qWait(300);
        QVERIFY(pane.composer()->toPlainText().isEmpty());
        QCOMPARE(await(account->answers().get(invoicesId)).value().uses, 0);
        pane.activateWindow();  // back from the closed dialog, for the window's shortcuts
        QVERIFY(QTest::qWaitForWindowActive(&pane));

        answerPlaceholderDialog(QStringLiteral("ticket"), QStringLiteral("T-42"));
        QTest::keyClick(pane.composer(), Qt::Key_1, Qt::AltModifier);
        QTRY_COMPARE(pane.composer()->toPlainText(),
                     QStringLiteral("Hi customer, please clear the browser cache and reload. "
                                    "Ticket T-42."));
        QTRY_COMPARE(await(account->answers().get(invoicesId)).value().uses, 1);
        if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            pane.grab().save(shots + QStringLiteral("/suggestions.png"));
        }
    }

    void quickInsertFindsByBodyWord() {
        ui::ConversationPane pane(*account);
        pane.resize(900, 600);
        pane.show();
        pane.setPeer(Customer);
        pane.composer()->clear();  // the unsent reply an earlier test left (a draft)
        ui::Composer* composer = pane.composer();
        composer->setFocus();
        QTest::keyClicks(composer, QStringLiteral("/brows"));
        ui::QuickInsertPopup* popup = pane.quickInsert();
        QTRY_VERIFY(popup->isVisible());
        QTRY_VERIFY(!popup->hits().isEmpty());
        QCOMPARE(popup->hits().first().id, invoicesId);
        QCOMPARE(popup->list()->currentRow(), 0);
        answerPlaceholderDialog(QStringLiteral("ticket"), QStringLiteral("T-7"));
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_COMPARE(composer->toPlainText(),
                     QStringLiteral("Hi customer, please clear the browser cache and reload. "
                                    "Ticket T-7."));
        QVERIFY(!popup->isVisible());
        // Esc closes it without inserting anything.
        composer->clear();
        QTest::keyClicks(composer, QStringLiteral("/toner"));
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClick(composer, Qt::Key_Escape);
        QVERIFY(!popup->isVisible());
        QCOMPARE(composer->toPlainText(), QStringLiteral("/toner"));
    }

    // {{me.name}} signs with the name in the engineer's profile; without one it is asked
    // for (and kept there, unless the engineer says not to), never filled with the
    // address's user part ("engineer").
    void signedWithTheProfileNameOrAsked() {
        QVERIFY(await(account->answers().create(
                          draft(QStringLiteral("Closing a chat"),
                                QStringLiteral("Glad that helped! Farewell from {{me.name}}."))))
                    .ok());
        ui::ConversationPane pane(*account);
        pane.resize(900, 600);
        pane.show();
        pane.setPeer(Customer);
        ui::Composer* composer = pane.composer();
        composer->clear();
        composer->setFocus();
        QVERIFY(account->ownProfileName().isEmpty());
        QTest::keyClicks(composer, QStringLiteral("/farewell"));
        QTRY_VERIFY(!pane.quickInsert()->hits().isEmpty());
        // Asked once: kept as the engineer's name (the dialog's choice, on by default).
        answerPlaceholderDialog(QStringLiteral("me.name"), QStringLiteral("Sam"));
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_COMPARE(composer->toPlainText(),
                     QStringLiteral("Glad that helped! Farewell from Sam."));
        QTRY_COMPARE(account->ownProfileName(), QStringLiteral("Sam"));
        composer->clear();
        QTest::keyClicks(composer, QStringLiteral("/farewell"));
        QTRY_VERIFY(!pane.quickInsert()->hits().isEmpty());
        QTest::keyClick(composer, Qt::Key_Return);  // nothing to ask now
        QTRY_COMPARE(composer->toPlainText(),
                     QStringLiteral("Glad that helped! Farewell from Sam."));

        // Renamed in Settings (or on another device): the next reply is signed so.
        const Result<void> named = await(account->setOwnName(QStringLiteral("Sam Rivera")));
        QVERIFY2(named.ok(), qPrintable(named.error().message));
        composer->clear();
        QTest::keyClicks(composer, QStringLiteral("/farewell"));
        QTRY_VERIFY(!pane.quickInsert()->hits().isEmpty());
        QTest::keyClick(composer, Qt::Key_Return);  // nothing to ask
        QTRY_COMPARE(composer->toPlainText(),
                     QStringLiteral("Glad that helped! Farewell from Sam Rivera."));
        composer->clear();
    }

    void sentReplySavedAsAnswer() {
        ui::ConversationPane pane(*account);
        pane.resize(900, 600);
        pane.show();
        pane.setPeer(Customer);
        pane.composer()->clear();  // the unsent reply an earlier test left (a draft)
        QTest::keyClicks(pane.composer(),
                         QStringLiteral("Restart the sync service. It fixes the blank page."));
        QTest::keyClick(pane.composer(), Qt::Key_Return);
        models::MessageListModel* model = pane.model();
        QTRY_VERIFY(model->rowCount() > 0 && model->index(model->rowCount() - 1)
                                                 .data(models::MessageListModel::OutgoingRole)
                                                 .toBool());
        QSignalSpy saved(&pane, &ui::ConversationPane::statusMessage);
        QTimer::singleShot(50, [] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->textValue(), QStringLiteral("Restart the sync service."));
            dialog->accept();
        });
        pane.saveAsAnswer(model->rowCount() - 1);
        QTRY_COMPARE(saved.size(), 1);
        const QList<library::Answer> all = await(account->answers().list()).value();
        const auto it = std::find_if(all.begin(), all.end(), [](const library::Answer& a) {
            return a.title == u"Restart the sync service.";
        });
        QVERIFY(it != all.end());
        QCOMPARE(it->body, QStringLiteral("Restart the sync service. It fixes the blank page."));
    }
};

QTEST_MAIN(TestAnswersInChat)
#include "tst_answersinchat.moc"
