// Settings… as an engineer uses it, on the offscreen platform with a real Prosody: the
// defaults (notifications on, sounds off, the system's theme), a team service that is not a
// service's address refused in the dialog, the dark theme applied and undone, and the team
// service changed while signed in: the library and the tips feed, whose models were built
// for the old service, show the new service's answers and tips at once, and the status
// bar's progress ends; the engineer's name set in their profile (read-only offline). Saved settings
// come back at the next start (AppSettings::load).
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUuid>
#include <QtTest>

#include "LiveClient.h"
#include "UiTestSupport.h"
#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "feed/FeedSync.h"
#include "feed/TipPayload.h"
#include "library/AnswerPayload.h"
#include "library/LibrarySync.h"
#include "library/LibraryView.h"
#include "library/TeamNodes.h"
#include "main/MainWindow.h"
#include "models/AnswerListModel.h"
#include "models/TipListModel.h"
#include "settings/AppSettings.h"
#include "settings/SettingsDialog.h"
#include "settings/Theme.h"
#include "tips/TipsView.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"
#include "xmpp/ext/vcard/VCardExtension.h"

using namespace rapport;
using rapport::test::await;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

const QString Password = QStringLiteral("secret");
const QString Engineer = QStringLiteral("engineer@localhost");
const QString Admin = QStringLiteral("admin@localhost");
const Jid kService(QStringLiteral("pubsub.localhost"));
// Not a service at all: the account starts on it and gets nothing.
const QString kNowhere = QStringLiteral("nowhere.localhost");

ui::SettingsDialog* openDialog(ui::MainWindow& window) {
    window.openSettings();
    ui::SettingsDialog* dialog = nullptr;
    (void)QTest::qWaitFor(
        [&] { return (dialog = window.findChild<ui::SettingsDialog*>()) != nullptr; }, 2000);
    return dialog;
}

void pressOk(ui::SettingsDialog* dialog) {
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

}  // namespace

class TestSettingsUi : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir profile;
    std::unique_ptr<Account> account;
    std::unique_ptr<ui::MainWindow> window;

private slots:
    void initTestCase() {
        server.setAdmins({Admin});
        QString error;
        QVERIFY2(
            rapport::test::startWithUsers(
                server, {QStringLiteral("admin"), QStringLiteral("engineer")}, Password, &error),
            qPrintable(error));
        rapport::test::keepSettingsIn(profile.path());

        // The team's nodes on the real service, with an answer and a tip in them.
        LiveClient admin(server, Admin, Password);
        auto* ps = admin.client.addExtension<xmpp::PubSubExtension>();
        QVERIFY(admin.signIn());
        for (const QString& node : {library::AnswersNode, library::TipsNode}) {
            const auto created = await(ps->createNode(kService, node, library::teamNodeConfig()));
            QVERIFY2(created.ok(), qPrintable(created.error().message));
            QVERIFY(
                await(ps->setAffiliations(kService, node, {{Engineer, xmpp::AffiliationPublisher}}))
                    .ok());
        }
        library::Answer answer;
        answer.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        answer.title = QStringLiteral("Reset a forgotten password");
        answer.body = QStringLiteral("Use **Forgot password** on the sign-in page.");
        answer.tags = {QStringLiteral("account")};
        answer.author = Admin;
        answer.created = answer.updated = QDateTime::currentDateTimeUtc();
        QVERIFY(await(ps->publish(kService, library::AnswersNode, answer.id,
                                  library::AnswerPayload::toElement(answer)))
                    .ok());
        feed::Tip tip;
        tip.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        tip.author = Admin;
        tip.body = QStringLiteral("Ask for the browser's console output first.");
        tip.published = QDateTime::currentDateTimeUtc();
        QVERIFY(await(ps->publish(kService, library::TipsNode, tip.id,
                                  feed::TipPayload::toElement(tip)))
                    .ok());

        QString why;
        account =
            rapport::test::openAccount(profile.filePath(QStringLiteral("data")), Engineer, &why);
        QVERIFY2(account, qPrintable(why));
        window = std::make_unique<ui::MainWindow>(*account);
        window->show();
        QApplication::setActiveWindow(window.get());
    }

    void cleanupTestCase() {
        window.reset();
        account.reset();
    }

    void defaults() {
        const ui::AppSettings defaults = ui::AppSettings::load();
        QVERIFY(defaults.notifications);
        QVERIFY(!defaults.sounds);  // off unless asked for
        QCOMPARE(defaults.theme, ui::AppSettings::Theme::System);
        QVERIFY(defaults.teamService.isEmpty());
        ui::SettingsDialog* dialog = openDialog(*window);
        QVERIFY(dialog);
        QVERIFY(dialog->notificationsBox()->isChecked());
        QVERIFY(!dialog->soundsBox()->isChecked());
        QCOMPARE(dialog->teamServiceEdit()->placeholderText(), kService.toString());
        // No notifications, so no sound to choose.
        dialog->notificationsBox()->setChecked(false);
        QVERIFY(!dialog->soundsBox()->isEnabled());
        dialog->reject();
        QTRY_VERIFY(!window->findChild<ui::SettingsDialog*>());
        QCOMPARE(ui::AppSettings::load(), defaults);  // Cancel saves nothing
    }

    void refusesAnAddressThatIsNotAService() {
        ui::SettingsDialog* dialog = openDialog(*window);
        QVERIFY(dialog);
        // Offline, the name (kept on the server) shows why it cannot change now.
        QVERIFY(dialog->nameEdit()->isVisible());
        QVERIFY(dialog->nameEdit()->isReadOnly());
        QCOMPARE(dialog->nameEdit()->placeholderText(), QStringLiteral("engineer"));
        dialog->teamServiceEdit()->setText(QStringLiteral("someone@pubsub.localhost"));
        pressOk(dialog);
        QVERIFY(dialog->isVisible());
        auto* problem = dialog->findChild<QLabel*>(QStringLiteral("settingsProblem"));
        QVERIFY(problem && problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("someone@pubsub.localhost")),
                 qPrintable(problem->text()));
        dialog->reject();
        QTRY_VERIFY(!window->findChild<ui::SettingsDialog*>());
        QVERIFY(ui::AppSettings::load().teamService.isEmpty());
    }

    void darkThemeAndBack() {
        const QColor systemWindow = QApplication::palette().color(QPalette::Window);
        QVERIFY(!ui::isDarkPalette());
        ui::SettingsDialog* dialog = openDialog(*window);
        QVERIFY(dialog);
        dialog->themeBox()->setCurrentIndex(
            dialog->themeBox()->findData(int(ui::AppSettings::Theme::Dark)));
        pressOk(dialog);
        QTRY_VERIFY(!window->findChild<ui::SettingsDialog*>());
        QVERIFY(ui::isDarkPalette());
        QVERIFY(window->palette().color(QPalette::Window).lightness() < 100);
        QCOMPARE(ui::AppSettings::load().theme, ui::AppSettings::Theme::Dark);
        if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            window->grab().save(shots + QStringLiteral("/dark-theme.png"));
        }

        dialog = openDialog(*window);
        QVERIFY(dialog);
        dialog->themeBox()->setCurrentIndex(
            dialog->themeBox()->findData(int(ui::AppSettings::Theme::System)));
        pressOk(dialog);
        QTRY_VERIFY(!window->findChild<ui::SettingsDialog*>());
        QVERIFY(!ui::isDarkPalette());
        QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
    }

    // The account starts on a service that is not one (as after a typo in the settings),
    // then the engineer corrects it while signed in.
    void teamServiceChangedWhileSignedIn() {
        ui::AppSettings wrong = ui::AppSettings::load();
        wrong.teamService = kNowhere;
        wrong.save();
        window->applySettings(ui::AppSettings::load());
        QCOMPARE(account->teamService(), Jid(kNowhere));

        auto* answers = window->library()->model();
        auto* tips = window->tips()->model();
        QVERIFY(answers && tips);
        QAbstractItemModelTester answersTester(
            answers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tipsTester(tips,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy ended(&account->library(), &library::TeamNodeSync::catchUpEnded);
        QSignalSpy failed(&account->library(), &library::TeamNodeSync::failed);
        QVERIFY(account->signIn(Password, server.websocketUrl()).ok());
        // The wrong service answers nothing: no team answers, no tips.
        QTRY_VERIFY_WITH_TIMEOUT(ended.size() + failed.size() > 0, 20000);
        QCOMPARE(account->library().membership(), library::TeamMembership::NotMember);
        QCOMPARE(answers->rowCount(), 0);
        QCOMPARE(tips->rowCount(), 0);

        ui::SettingsDialog* dialog = openDialog(*window);
        QVERIFY(dialog);
        QCOMPARE(dialog->teamServiceEdit()->text(), kNowhere);
        dialog->teamServiceEdit()->clear();  // back to the default, pubsub.localhost
        pressOk(dialog);
        QTRY_VERIFY(!window->findChild<ui::SettingsDialog*>());
        QCOMPARE(account->teamService(), kService);
        QVERIFY(ui::AppSettings::load().teamService.isEmpty());

        // The same models, now fed by the new service's syncs, without signing in again.
        QTRY_COMPARE_WITH_TIMEOUT(answers->rowCount(), 1, 20000);
        QCOMPARE(answers->index(0).data(Qt::DisplayRole).toString(),
                 QStringLiteral("Reset a forgotten password"));
        QCOMPARE(account->library().membership(), library::TeamMembership::Member);
        QTRY_COMPARE_WITH_TIMEOUT(tips->rowCount(), 1, 20000);
        QVERIFY(tips->index(0)
                    .data(models::TipListModel::BodyRole)
                    .toString()
                    .contains(QStringLiteral("console output")));
        QTRY_VERIFY_WITH_TIMEOUT(!account->feed().isRunning(), 20000);
        // The status bar's progress ended with them.
        auto* status = window->findChild<QLabel*>(QStringLiteral("syncLabel"));
        QVERIFY(status);
        QTRY_VERIFY(!status->isVisible());
    }

    // Signed in: the engineer's name is set in their profile; OK closes once it is, and the
    // app calls them by it ({{me.name}}, their tips) from then on.
    void yourNameIsSetInYourProfile() {
        QVERIFY(account->isOnline());
        QCOMPARE(account->contacts().name(Engineer), QStringLiteral("engineer"));
        ui::SettingsDialog* dialog = openDialog(*window);
        QVERIFY(dialog);
        QVERIFY(!dialog->nameEdit()->isReadOnly());
        QVERIFY(dialog->nameEdit()->text().isEmpty());
        dialog->nameEdit()->setText(QStringLiteral("Sam Rivera"));
        pressOk(dialog);
        QTRY_VERIFY(!window->findChild<ui::SettingsDialog*>());
        QCOMPARE(account->contacts().name(Engineer), QStringLiteral("Sam Rivera"));
        // Read back from the server by a fresh look-up, as a colleague's app would.
        auto* vcards = account->client().findExtension<xmpp::VCardExtension>();
        const Result<QString> onServer = await(vcards->fetchName(Jid(Engineer)));
        QVERIFY2(onServer.ok(), qPrintable(onServer.error().message));
        QCOMPARE(onServer.value(), QStringLiteral("Sam Rivera"));
        dialog = openDialog(*window);
        QVERIFY(dialog);
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Sam Rivera"));
        if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            dialog->grab().save(shots + QStringLiteral("/settings.png"));
        }
        dialog->reject();
        QTRY_VERIFY(!window->findChild<ui::SettingsDialog*>());
    }

    // The presence button's menu: away with a status text, sent and kept for the next start.
    void presenceWithStatusMessage() {
        auto* presence = window->findChild<QToolButton*>(QStringLiteral("presence"));
        QVERIFY(presence && presence->menu());
        const auto actions = presence->menu()->actions();
        const auto find = [&](const QString& text) -> QAction* {
            for (QAction* a : actions) {
                if (a->text().startsWith(text)) {
                    return a;
                }
            }
            return nullptr;
        };
        QVERIFY(find(QStringLiteral("Away")));
        find(QStringLiteral("Away"))->trigger();
        QCOMPARE(account->ownPresence(), QStringLiteral("away"));
        QCOMPARE(presence->text(), QStringLiteral("Away"));

        find(QStringLiteral("Set a status message"))->trigger();
        QInputDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<QInputDialog*>(
                         QStringLiteral("statusMessageDialog"))) != nullptr);
        dialog->setTextValue(QStringLiteral("At lunch until 2"));
        dialog->accept();
        QCOMPARE(account->ownStatus(), QStringLiteral("At lunch until 2"));
        QCOMPARE(account->ownPresence(), QStringLiteral("away"));  // the status kept the show
        QVERIFY(presence->toolTip().contains(QStringLiteral("At lunch until 2")));

        // The next window (a restart) starts as the user left it.
        account->setOwnPresence(QStringLiteral("available"));  // what a fresh Account says
        ui::MainWindow again(*account);
        QCOMPARE(account->ownPresence(), QStringLiteral("away"));
        QCOMPARE(account->ownStatus(), QStringLiteral("At lunch until 2"));
        QCOMPARE(again.findChild<QToolButton*>(QStringLiteral("presence"))->text(),
                 QStringLiteral("Away"));
    }
};

QTEST_MAIN(TestSettingsUi)
#include "tst_settingsui.moc"
