// The Library section as an engineer uses it, on the offscreen platform with a real Prosody
// (a team node set up as `rapport-cli team init` does) and a real profile: an answer written
// in the editor, whose live preview renders the Markdown, appears in the list as pending,
// then published; it is edited; search-as-you-type finds it by a word of its body; the tag
// filter narrows the list; delete asks first (Cancel keeps it, Yes deletes it for the team);
// a conflict copy is settled in the conflict dialog. QAbstractItemModelTester watches the
// list model throughout.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QtTest>

#include "LiveClient.h"
#include "UiTestSupport.h"
#include "account/Account.h"
#include "library/AnswerEditor.h"
#include "library/AnswerStore.h"
#include "library/ConflictDialog.h"
#include "library/LibrarySync.h"
#include "library/LibraryView.h"
#include "library/MarkdownView.h"
#include "library/TeamNodes.h"
#include "main/MainWindow.h"
#include "models/AnswerListModel.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"

using namespace rapport;
using library::Answer;
using models::AnswerListModel;
using rapport::test::await;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

const QString Password = QStringLiteral("secret");
const QString Engineer = QStringLiteral("engineer@localhost");
const Jid kService(QStringLiteral("pubsub.localhost"));

// Whether the document shows `word` in bold (i.e. the Markdown was rendered, not shown).
bool showsBold(const QTextDocument* doc, const QString& word) {
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.text().contains(word) && f.charFormat().fontWeight() >= QFont::Bold) {
                return true;
            }
        }
    }
    return false;
}

QString stateOf(const AnswerListModel* model, const QString& id) {
    const int row = model->rowOf(id);
    return row < 0 ? QString() : model->index(row).data(AnswerListModel::StateRole).toString();
}

}  // namespace

class TestLibraryUi : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir profile;
    std::unique_ptr<Account> account;
    std::unique_ptr<ui::MainWindow> window;
    ui::LibraryView* view = nullptr;
    std::unique_ptr<QAbstractItemModelTester> tester;

    // Writes an answer in the editor and saves it; returns its id.
    QString writeAnswer(const QString& title, const QString& tags, const QString& body) {
        QTest::mouseClick(view->newButton(), Qt::LeftButton);
        ui::AnswerEditor* editor = view->editor();
        if (!editor) {
            return {};
        }
        QTest::keyClicks(editor->titleEdit(), title);
        QTest::keyClicks(editor->tagsEdit(), tags);
        editor->bodyEdit()->setFocus();
        QTest::keyClicks(editor->bodyEdit(), body);
        QString id;
        connect(editor, &ui::AnswerEditor::saved, this, [&id](const Answer& a) { id = a.id; });
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        (void)QTest::qWaitFor([&] { return !id.isEmpty(); }, 10000);
        return id;
    }

private slots:
    void initTestCase() {
        server.setAdmins({QStringLiteral("admin@localhost")});
        QString error;
        QVERIFY2(
            rapport::test::startWithUsers(
                server, {QStringLiteral("admin"), QStringLiteral("engineer")}, Password, &error),
            qPrintable(error));
        rapport::test::keepSettingsIn(profile.path());
        // The team set-up: the answers node, the engineer a publisher.
        LiveClient admin(server, QStringLiteral("admin@localhost"), Password);
        auto* ps = admin.client.addExtension<xmpp::PubSubExtension>();
        QVERIFY(admin.signIn());
        const auto created =
            await(ps->createNode(kService, library::AnswersNode, library::teamNodeConfig()));
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        QVERIFY(await(ps->setAffiliations(kService, library::AnswersNode,
                                          {{Engineer, xmpp::AffiliationPublisher}}))
                    .ok());

        QString why;
        account =
            rapport::test::openAccount(profile.filePath(QStringLiteral("data")), Engineer, &why);
        QVERIFY2(account, qPrintable(why));
        window = std::make_unique<ui::MainWindow>(*account);
        window->show();
        view = window->library();
        QVERIFY(view);
        window->showSection(view);
        QCOMPARE(window->currentSection(), view);
        // Signed in with the window open, as the app does.
        QVERIFY(account->signIn(Password, server.websocketUrl()).ok());
        QTRY_COMPARE_WITH_TIMEOUT(account->library().membership(), library::TeamMembership::Member,
                                  20000);
        QTRY_VERIFY_WITH_TIMEOUT(!account->library().isRunning(), 20000);
        tester = std::make_unique<QAbstractItemModelTester>(
            view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanupTestCase() {
        tester.reset();
        window.reset();
        account.reset();
    }

    void createWithLivePreview() {
        QCOMPARE(view->model()->rowCount(), 0);
        QTest::mouseClick(view->newButton(), Qt::LeftButton);
        QPointer<ui::AnswerEditor> editor = view->editor();
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        QTest::keyClicks(editor->titleEdit(), QStringLiteral("Printer shows E1234"));
        QTest::keyClicks(editor->tagsEdit(), QStringLiteral("printer, Firmware"));
        editor->bodyEdit()->setFocus();
        QTest::keyClicks(editor->bodyEdit(),
                         QStringLiteral("Hold the **reset** button, see [the guide](https://"
                                        "example.com/guide). ![logo](https://example.com/x.png)"));
        // The preview renders it as it is typed: bold, a link, no literal asterisks.
        QTRY_VERIFY(showsBold(editor->preview()->document(), QStringLiteral("reset")));
        QVERIFY(!editor->preview()->toPlainText().contains(QStringLiteral("**")));
        QVERIFY(editor->preview()->toHtml().contains(QStringLiteral("https://example.com/guide")));
        if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            QTest::qWait(200);
            editor->grab().save(shots + QStringLiteral("/library-editor.png"));
        }

        // Saved: listed as pending (the state the store gave it), then published.
        QStringList states;
        auto record = [&] {
            if (view->model()->rowCount() > 0) {
                const QString s =
                    view->model()->index(0).data(AnswerListModel::StateRole).toString();
                if (states.isEmpty() || states.last() != s) {
                    states << s;
                }
            }
        };
        const auto c1 = connect(view->model(), &QAbstractItemModel::rowsInserted, this, record);
        const auto c2 = connect(view->model(), &QAbstractItemModel::dataChanged, this, record);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(editor.isNull());  // closed
        QTRY_COMPARE(view->model()->rowCount(), 1);
        const QModelIndex row = view->model()->index(0);
        QCOMPARE(row.data(AnswerListModel::TitleRole).toString(),
                 QStringLiteral("Printer shows E1234"));
        QCOMPARE(row.data(AnswerListModel::TagsRole).toStringList(),
                 (QStringList{QStringLiteral("printer"), QStringLiteral("firmware")}));
        QCOMPARE(row.data(AnswerListModel::AuthorRole).toString(), Engineer);
        QTRY_COMPARE_WITH_TIMEOUT(row.data(AnswerListModel::StateRole).toString(),
                                  QStringLiteral("published"), 15000);
        disconnect(c1);
        disconnect(c2);
        QCOMPARE(states, (QStringList{QStringLiteral("pending"), QStringLiteral("published")}));
        // It is selected and previewed, rendered.
        QCOMPARE(view->answerList()->currentIndex().row(), 0);
        QCOMPARE(view->findChild<QLabel*>(QStringLiteral("previewTitle"))->text(),
                 QStringLiteral("Printer shows E1234"));
        QVERIFY(showsBold(view->preview()->document(), QStringLiteral("reset")));
        QVERIFY(view->editButton()->isEnabled());
        QVERIFY(!view->resolveButton()->isVisible());
    }

    void editAndRepublish() {
        const QString id = view->model()->index(0).data(AnswerListModel::IdRole).toString();
        view->answerList()->setCurrentIndex(view->model()->index(0));
        QTest::mouseClick(view->editButton(), Qt::LeftButton);
        QPointer<ui::AnswerEditor> editor = view->editor();
        QVERIFY(editor);
        QCOMPARE(editor->titleEdit()->text(), QStringLiteral("Printer shows E1234"));
        QCOMPARE(editor->tagsEdit()->text(), QStringLiteral("printer, firmware"));
        editor->titleEdit()->selectAll();
        QTest::keyClicks(editor->titleEdit(),
                         QStringLiteral("Printer shows E1234 after an update"));
        editor->bodyEdit()->setFocus();
        editor->bodyEdit()->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor->bodyEdit(), QStringLiteral(" Then wait *ten* seconds."));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(editor.isNull());
        QTRY_COMPARE(view->model()->index(0).data(AnswerListModel::TitleRole).toString(),
                     QStringLiteral("Printer shows E1234 after an update"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(view->model(), id), QStringLiteral("published"), 15000);
        const auto stored = await(account->answers().get(id));
        QVERIFY(stored.ok());
        QCOMPARE(stored.value().version, 2);
        QVERIFY(stored.value().body.endsWith(QStringLiteral("Then wait *ten* seconds.")));
        QTRY_VERIFY(view->preview()->toPlainText().contains(QStringLiteral("Then wait ten")));
    }

    void searchAndTagFilter() {
        const QString router =
            writeAnswer(QStringLiteral("Reset the router"), QStringLiteral("wifi router"),
                        QStringLiteral("Unplug the router for a minute."));
        QVERIFY(!router.isEmpty());
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(view->model(), router), QStringLiteral("published"),
                                  15000);

        // Search as you type: a word of the first answer's body.
        view->searchEdit()->setFocus();
        QTest::keyClicks(view->searchEdit(), QStringLiteral("secon"));
        QTRY_COMPARE(view->model()->rowCount(), 0);  // "secon" is not a word
        QTest::keyClicks(view->searchEdit(), QStringLiteral("ds"));
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0).data(AnswerListModel::TitleRole).toString(),
                 QStringLiteral("Printer shows E1234 after an update"));
        view->searchEdit()->clear();
        QTRY_COMPARE(view->model()->rowCount(), 2);

        // The tag filter lists the library's tags and narrows the list.
        QComboBox* tags = view->tagFilter();
        QTRY_VERIFY(tags->findData(QStringLiteral("wifi")) >= 0);
        QVERIFY(tags->findData(QStringLiteral("firmware")) >= 0);
        tags->setCurrentIndex(tags->findData(QStringLiteral("wifi")));
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0).data(AnswerListModel::IdRole).toString(), router);
        // With a query too: both apply.
        QTest::keyClicks(view->searchEdit(), QStringLiteral("button"));
        QTRY_COMPARE(view->model()->rowCount(), 0);
        view->searchEdit()->clear();
        tags->setCurrentIndex(0);  // all tags
        QTRY_COMPARE(view->model()->rowCount(), 2);
    }

    void deleteAsksFirst() {
        const QString id = view->model()->index(1).data(AnswerListModel::IdRole).toString();
        view->answerList()->setCurrentIndex(view->model()->index(1));
        // Cancel keeps it.
        QTest::mouseClick(view->deleteButton(), Qt::LeftButton);
        QPointer<QMessageBox> box = view->deleteConfirmation();
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(box.isNull());
        QTest::qWait(200);
        QCOMPARE(view->model()->rowCount(), 2);
        // Yes deletes it, for the team: the retraction goes out.
        QTest::mouseClick(view->deleteButton(), Qt::LeftButton);
        box = view->deleteConfirmation();
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->rowOf(id), -1);
        QTRY_VERIFY_WITH_TIMEOUT(await(account->answers().pendingActions()).value().isEmpty(),
                                 15000);
    }

    void conflictCopyResolved() {
        // Someone else's newer text won over ours: ours is kept as a conflict copy.
        const Answer mine = view->model()->answerAt(0);  // "Reset the router", published
        Answer theirs = mine;
        theirs.body = QStringLiteral("Switch the router off and on again.");
        theirs.author = QStringLiteral("bob@localhost");
        theirs.version = mine.version + 1;
        theirs.updated = mine.updated.addSecs(60);
        const auto copy = await(account->answers().keepConflict(theirs, false, 0, mine));
        QVERIFY2(copy.ok(), qPrintable(copy.error().message));
        emit account->library().answersChanged();
        QTRY_COMPARE(stateOf(view->model(), copy.value().id), QStringLiteral("conflict"));
        view->answerList()->setCurrentIndex(
            view->model()->index(view->model()->rowOf(copy.value().id)));
        QVERIFY(view->resolveButton()->isVisible());
        QVERIFY(!view->editButton()->isEnabled());
        if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            QTest::qWait(200);
            window->grab().save(shots + QStringLiteral("/library.png"));
        }
        QTest::mouseClick(view->resolveButton(), Qt::LeftButton);
        QTRY_VERIFY(view->conflictDialog() != nullptr);
        QPointer<ui::ConflictDialog> dialog = view->conflictDialog();
        QCOMPARE(dialog->findChild<ui::MarkdownView*>(QStringLiteral("conflictAnswerText"))
                     ->toPlainText()
                     .trimmed(),
                 theirs.body);
        QCOMPARE(dialog->findChild<ui::MarkdownView*>(QStringLiteral("conflictCopyText"))
                     ->toPlainText()
                     .trimmed(),
                 mine.body);
        if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            dialog->grab().save(shots + QStringLiteral("/library-conflict.png"));
        }
        QTest::mouseClick(dialog->keepCopyButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->rowOf(copy.value().id), -1);
        const auto now = await(account->answers().get(mine.id));
        QVERIFY(now.ok());
        QCOMPARE(now.value().body, mine.body);  // the copy's text is the answer's again
        QCOMPARE(now.value().author, Engineer);
        QVERIFY(now.value().state != Answer::State::Conflict);
        // And selected, with the copy's text shown.
        QTRY_COMPARE(view->answerList()->currentIndex().data(AnswerListModel::IdRole).toString(),
                     mine.id);
        QTRY_VERIFY(view->preview()->toPlainText().contains(QStringLiteral("Unplug")));
    }
};

QTEST_MAIN(TestLibraryUi)
#include "tst_libraryui.moc"
