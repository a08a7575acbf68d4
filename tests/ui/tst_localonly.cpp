// Rapport without an account, as a first start can choose: "Continue without an account"
// in the set-up dialog opens a window with the library only (no chats or tips, no presence)
// and says so in the status bar; an answer written there is found by Ctrl+K; the choice is
// remembered, so the next start opens the same local library without asking; "Sign in…"
// adds the account later (a real Prosody) and the window becomes the full one, signed in.
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

#include "LiveClient.h"
#include "UiTestSupport.h"
#include "account/Account.h"
#include "library/AnswerEditor.h"
#include "library/LibraryView.h"
#include "main/AppStartup.h"
#include "main/MainWindow.h"
#include "models/AnswerListModel.h"
#include "models/SearchResultsModel.h"
#include "search/SearchPalette.h"
#include "setup/AccountSetupDialog.h"
#include "setup/CredentialStore.h"

using namespace rapport;
using rapport::test::ProsodyFixture;

namespace {

const QString Password = QStringLiteral("secret");

QStringList railSections(ui::MainWindow* window) {
    QStringList names;
    for (QAction* a : window->findChild<QToolBar*>(QStringLiteral("rail"))->actions()) {
        if (a->isCheckable() && a->isVisible()) {
            names << a->text();
        }
    }
    return names;
}

}  // namespace

class TestLocalOnly : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir profile;
    ui::MemoryCredentialStore credentials;

    QString dataDir() const { return profile.filePath(QStringLiteral("data")); }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(
            rapport::test::startWithUsers(server, {QStringLiteral("engineer")}, Password, &error),
            qPrintable(error));
        rapport::test::keepSettingsIn(profile.path());
    }

    void continueWithoutAnAccount() {
        ui::AppStartup startup(dataDir(), credentials);
        QSignalSpy gaveUp(&startup, &ui::AppStartup::gaveUp);
        startup.start();
        ui::AccountSetupDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = rapport::test::findTopLevel<ui::AccountSetupDialog>()) != nullptr);
        QTest::mouseClick(dialog->withoutAccountButton(), Qt::LeftButton);
        QTRY_VERIFY(startup.window() && startup.window()->isVisible());
        QTRY_VERIFY(!rapport::test::findTopLevel<ui::AccountSetupDialog>());
        QCOMPARE(gaveUp.size(), 0);  // closing the dialog that way is not giving up
        ui::MainWindow* window = startup.window();
        QVERIFY(startup.account()->isLocalOnly());
        QCOMPARE(railSections(window), QStringList{QStringLiteral("Library")});
        QCOMPARE(window->currentSection(), window->library());
        QVERIFY(window->connectionLabel()->text().contains(QStringLiteral("No account")));
        QVERIFY(!window->findChild<QWidget*>(QStringLiteral("presence"))->isVisible());
        auto* signIn = window->findChild<QPushButton*>(QStringLiteral("signInButton"));
        QVERIFY(signIn && signIn->isVisible());

        // The library works: an answer written here...
        ui::LibraryView* library = window->library();
        QTest::mouseClick(library->newButton(), Qt::LeftButton);
        ui::AnswerEditor* editor = library->editor();
        QVERIFY(editor);
        QTest::keyClicks(editor->titleEdit(), QStringLiteral("Export invoices as CSV"));
        QTest::keyClicks(editor->tagsEdit(), QStringLiteral("billing"));
        editor->bodyEdit()->setFocus();
        QTest::keyClicks(editor->bodyEdit(), QStringLiteral("Open Billing, then Export."));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(library->model()->rowCount(), 1, 10000);
        // Nothing waits to be published without an account: no "Pending".
        QCOMPARE(library->model()->index(0).data(models::AnswerListModel::StateRole).toString(),
                 QStringLiteral("local"));
        auto* meta = library->findChild<QLabel*>(QStringLiteral("previewMeta"));
        QVERIFY(meta);
        QTRY_VERIFY(meta->text().contains(QStringLiteral("by you")));
        QVERIFY2(!meta->text().contains(QStringLiteral("Pending")), qPrintable(meta->text()));
        // ... is found by the one search.
        window->searchPalette()->popup(QStringLiteral("invoices"));
        models::SearchResultsModel* results = window->searchPalette()->model();
        QTRY_VERIFY_WITH_TIMEOUT(results->rowCount() > 0, 10000);
        bool found = false;
        for (int row = 0; row < results->rowCount(); ++row) {
            found = found || results->index(row, 0)
                                 .data(Qt::DisplayRole)
                                 .toString()
                                 .contains(QStringLiteral("Export invoices"));
        }
        QVERIFY(found);
        window->searchPalette()->hide();
        if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            window->grab().save(shots + QStringLiteral("/local-only.png"));
        }
    }

    // The next start remembers the choice: no dialog, the same library.
    void rememberedAtTheNextStart() {
        ui::AppStartup startup(dataDir(), credentials);
        startup.start();
        QTRY_VERIFY(startup.window() && startup.window()->isVisible());
        QVERIFY(!rapport::test::findTopLevel<ui::AccountSetupDialog>());
        QVERIFY(startup.account()->isLocalOnly());
        QTRY_COMPARE_WITH_TIMEOUT(startup.window()->library()->model()->rowCount(), 1, 10000);
    }

    void signInLater() {
        ui::AppStartup startup(dataDir(), credentials);
        startup.start();
        QTRY_VERIFY(startup.window() && startup.window()->isVisible());
        QTest::mouseClick(startup.window()->findChild<QPushButton*>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        ui::AccountSetupDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = rapport::test::findTopLevel<ui::AccountSetupDialog>()) != nullptr);
        dialog->jidEdit()->setText(QStringLiteral("engineer@localhost"));
        dialog->passwordEdit()->setText(Password);
        dialog->serverEdit()->setText(server.websocketUrl().toString());
        QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(startup.account() && !startup.account()->isLocalOnly(), 15000);
        ui::MainWindow* window = startup.window();
        QVERIFY(window && window->isVisible());
        QCOMPARE(railSections(window),
                 (QStringList{QStringLiteral("Chats"), QStringLiteral("Library"),
                              QStringLiteral("Tips")}));
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionLabel()->text(), QStringLiteral("Online"),
                                  15000);
        QCOMPARE(QSettings().value(QStringLiteral("account/jid")).toString(),
                 QStringLiteral("engineer@localhost"));
        QVERIFY(!QSettings().value(QStringLiteral("account/localOnly")).toBool());
    }
};

QTEST_MAIN(TestLocalOnly)
#include "tst_localonly.moc"
