// What a screen reader gets from the desktop app, through Qt's accessibility interfaces (the
// same ones AT-SPI reads), with a real Prosody and real data: every control a user can reach
// in each section has a name; the painted parts (conversation rows, message bubbles, answer
// rows, tip cards, search results) speak their content, not nothing or an internal id.
#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QListView>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "LiveClient.h"
#include "UiTestSupport.h"
#include "account/Account.h"
#include "chats/ChatsView.h"
#include "chats/ConversationPane.h"
#include "feed/TipStore.h"
#include "library/AnswerStore.h"
#include "library/LibraryView.h"
#include "main/MainWindow.h"
#include "models/AnswerListModel.h"
#include "models/ConversationListModel.h"
#include "models/SearchResultsModel.h"
#include "models/TipListModel.h"
#include "search/SearchPalette.h"
#include "tips/TipsView.h"

using namespace rapport;
using rapport::test::await;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

const QString Password = QStringLiteral("secret");
const QString Engineer = QStringLiteral("engineer@localhost");
const QString Customer = QStringLiteral("customer@localhost");

QString accessibleName(QObject* object) {
    QAccessibleInterface* a = QAccessible::queryAccessibleInterface(object);
    return a ? a->text(QAccessible::Name) : QString();
}

// The controls of `root` a keyboard or mouse user can reach, without a name.
QStringList namelessControls(QWidget* root) {
    QStringList nameless;
    const QList<QWidget*> widgets = root->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(root) || !w->isEnabled()) {
            continue;
        }
        const bool control = w->focusPolicy() != Qt::NoFocus || qobject_cast<QAbstractButton*>(w);
        // Scroll bars, viewports and the like belong to the view they are in.
        if (!control || w->inherits("QScrollBar") || w->objectName() == u"qt_scrollarea_viewport" ||
            w->inherits("QSplitterHandle") || w->inherits("QToolBarExtension") ||
            // A line edit's clear button: Qt's own, reached with the line edit's actions.
            w->inherits("QLineEditIconButton")) {
            continue;
        }
        if (accessibleName(w).trimmed().isEmpty()) {
            nameless << QStringLiteral("%1 '%2' in %3")
                            .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                 w->parentWidget() ? w->parentWidget()->objectName() : QString());
        }
    }
    return nameless;
}

// What a screen reader says for the item view's first row.
QString firstRowName(QAbstractItemView* view) {
    QAccessibleInterface* a = QAccessible::queryAccessibleInterface(view);
    if (!a) {
        return {};
    }
    // A list's children: its cells (possibly after a header or scroll bars).
    for (int i = 0; i < a->childCount(); ++i) {
        QAccessibleInterface* child = a->child(i);
        if (child &&
            (child->role() == QAccessible::ListItem || child->role() == QAccessible::Cell ||
             child->role() == QAccessible::TreeItem)) {
            return child->text(QAccessible::Name);
        }
    }
    return {};
}

}  // namespace

class TestAccessibility : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir profile;
    std::unique_ptr<Account> account;
    std::unique_ptr<ui::MainWindow> window;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(
            rapport::test::startWithUsers(
                server, {QStringLiteral("engineer"), QStringLiteral("customer")}, Password, &error),
            qPrintable(error));
        rapport::test::keepSettingsIn(profile.path());
        QString why;
        account =
            rapport::test::openAccount(profile.filePath(QStringLiteral("data")), Engineer, &why);
        QVERIFY2(account, qPrintable(why));
        // Something in each section.
        library::Answer draft;
        draft.title = QStringLiteral("Blank invoices page");
        draft.body = QStringLiteral("Clear the cache and reload.");
        draft.tags = {QStringLiteral("billing")};
        draft.author = Engineer;
        QVERIFY(await(account->answers().create(draft)).ok());
        window = std::make_unique<ui::MainWindow>(*account);
        window->show();
        QVERIFY(account->signIn(Password, server.websocketUrl()).ok());
        LiveClient customer(server, Customer, Password);
        QVERIFY(customer.signIn());
        QVERIFY(
            customer.chat->sendMessage(Jid(Engineer), QStringLiteral("My invoices page is blank."))
                .ok());
        QTRY_COMPARE_WITH_TIMEOUT(window->conversations()->rowCount(), 1, 15000);
    }

    void cleanupTestCase() {
        window.reset();
        account.reset();
    }

    void chats() {
        window->showSection(window->chats());
        QListView* list = window->chats()->conversationList();
        const QString row = firstRowName(list);
        QVERIFY2(row.contains(QStringLiteral("customer")) &&
                     row.contains(QStringLiteral("1 unread")) &&
                     row.contains(QStringLiteral("invoices page is blank")),
                 qPrintable(row));
        window->chats()->openConversation(Customer);
        QAbstractItemView* messages =
            window->chats()->pane()->findChild<QListView*>(QStringLiteral("messages"));
        QVERIFY(messages);
        QTRY_VERIFY(messages->model() && messages->model()->rowCount() > 0);
        const QString bubble = firstRowName(messages);
        QVERIFY2(bubble.startsWith(QStringLiteral("customer, ")) &&
                     bubble.endsWith(QStringLiteral("My invoices page is blank.")),
                 qPrintable(bubble));
        const QStringList nameless = namelessControls(window.get());
        QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QStringLiteral("; "))));
    }

    void library() {
        window->showSection(window->library());
        QTRY_COMPARE(window->library()->model()->rowCount(), 1);
        const QString row = firstRowName(window->library()->answerList());
        QVERIFY2(row.contains(QStringLiteral("Blank invoices page")) &&
                     row.contains(QStringLiteral("billing")),
                 qPrintable(row));
        const QStringList nameless = namelessControls(window.get());
        QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QStringLiteral("; "))));
    }

    void tips() {
        window->showSection(window->tips());
        QVERIFY(await(window->tips()->model()->post(
                          QStringLiteral("Ask for the browser console first."), {}))
                    .ok());
        QTRY_COMPARE(window->tips()->model()->rowCount(), 1);
        const QString card = firstRowName(window->tips()->findChild<QListView*>());
        QVERIFY2(card.contains(QStringLiteral("Ask for the browser console first.")) &&
                     card.contains(QStringLiteral("0 likes")),
                 qPrintable(card));
        const QStringList nameless = namelessControls(window.get());
        QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QStringLiteral("; "))));
    }

    void searchPalette() {
        window->searchPalette()->popup(QStringLiteral("invoices"));
        models::SearchResultsModel* results = window->searchPalette()->model();
        QTRY_VERIFY_WITH_TIMEOUT(results->rowCount() > 0, 10000);
        const QString row = results->index(0, 0).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(row.contains(QStringLiteral("invoices")), qPrintable(row));
        const QStringList nameless = namelessControls(window->searchPalette());
        QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QStringLiteral("; "))));
        window->searchPalette()->hide();
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
