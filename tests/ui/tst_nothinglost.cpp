// Nothing typed is lost. A reply typed and not sent stays with its conversation: switching
// to another conversation leaves the other's composer empty (the half-written reply never
// goes to the wrong customer), coming back brings it back, restoring it does not tell the
// peer we are typing, a sent reply leaves no draft, and drafts survive the window (a
// restart). An answer being written is not thrown away by Esc: with changes, the editor asks
// (Keep editing is the default); without, it closes at once. Real widgets on the offscreen
// platform with a real profile; no server needed.
#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "UiTestSupport.h"
#include "account/Account.h"
#include "chats/Composer.h"
#include "chats/ConversationPane.h"
#include "library/AnswerEditor.h"

using namespace rapport;

namespace {
const QString Alice = QStringLiteral("alice@example.com");
const QString Bob = QStringLiteral("bob@example.com");
}  // namespace

class TestNothingLost : public QObject {
    Q_OBJECT
    QTemporaryDir profile;
    std::unique_ptr<Account> account;

private slots:
    void initTestCase() {
        rapport::test::keepSettingsIn(profile.path());
        QString why;
        account = rapport::test::openAccount(profile.filePath(QStringLiteral("data")),
                                             QStringLiteral("engineer@example.com"), &why);
        QVERIFY2(account, qPrintable(why));
    }

    void draftsStayWithTheirConversation() {
        {
            ui::ConversationPane pane(*account);
            pane.show();
            pane.setPeer(Alice);
            ui::Composer* composer = pane.composer();
            composer->setFocus();
            QTest::keyClicks(composer, QStringLiteral("Half a reply for Alice"));
            QSignalSpy typing(composer, &ui::Composer::typingChanged);

            pane.setPeer(Bob);
            QCOMPARE(composer->toPlainText(), QString());  // not carried to Bob
            // Alice is told we stopped typing; nobody is told we started.
            QCOMPARE(typing.size(), 1);
            QCOMPARE(typing[0][0].toBool(), false);

            QTest::keyClicks(composer, QStringLiteral("Bob's"));
            pane.setPeer(Alice);
            QCOMPARE(composer->toPlainText(), QStringLiteral("Half a reply for Alice"));
            // Typing to Bob, stopped when leaving him; restoring Alice's draft says nothing.
            QCOMPARE(typing.size(), 3);
            QCOMPARE(typing[1][0].toBool(), true);
            QCOMPARE(typing[2][0].toBool(), false);
            QCOMPARE(composer->textCursor().position(), composer->toPlainText().size());

            // Sending it leaves no draft behind.
            QTest::keyClick(composer, Qt::Key_Return);
            QCOMPARE(composer->toPlainText(), QString());
            pane.setPeer(Bob);
            QCOMPARE(composer->toPlainText(), QStringLiteral("Bob's"));
        }  // the window goes (a restart)

        ui::ConversationPane again(*account);
        again.show();
        again.setPeer(Bob);
        QCOMPARE(again.composer()->toPlainText(), QStringLiteral("Bob's"));
        again.setPeer(Alice);
        QCOMPARE(again.composer()->toPlainText(), QString());
    }

    void escapeDoesNotThrowAnAnswerAway() {
        // Answers the "discard?" question with `button` once it shows; says whether it did.
        auto answerWith = [](QMessageBox::StandardButton button, bool* asked) {
            QTimer::singleShot(0, [button, asked] {
                for (QWidget* w : QApplication::topLevelWidgets()) {
                    if (auto* box = qobject_cast<QMessageBox*>(w);
                        box && box->objectName() == u"discardChanges" && box->isVisible()) {
                        *asked = true;
                        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
                        box->button(button)->click();
                    }
                }
            });
        };
        ui::AnswerEditor editor(*account);
        editor.show();
        QTest::keyClicks(editor.titleEdit(), QStringLiteral("Reset the router"));
        bool asked = false;
        answerWith(QMessageBox::Cancel, &asked);  // "Keep editing"
        QTest::keyClick(editor.titleEdit(), Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(editor.isVisible());
        QCOMPARE(editor.titleEdit()->text(), QStringLiteral("Reset the router"));

        asked = false;
        answerWith(QMessageBox::Discard, &asked);
        QTest::keyClick(editor.titleEdit(), Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(!editor.isVisible());

        // Nothing typed: Esc just closes.
        ui::AnswerEditor untouched(*account);
        untouched.show();
        asked = false;
        answerWith(QMessageBox::Discard, &asked);
        QTest::keyClick(untouched.titleEdit(), Qt::Key_Escape);
        QVERIFY(!untouched.isVisible());
        QTest::qWait(0);  // let the answerer look
        QVERIFY(!asked);
    }
};

QTEST_MAIN(TestNothingLost)
#include "tst_nothinglost.moc"
