// screenshot_tour: the desktop app as a user sees it, one PNG per section, for the README,
// release notes and for looking at the UI after a change (packaging/screenshots.sh runs it
// under xvfb-run against a demo server filled by packaging/demo-data.sh).
//
// It runs the app's own start-up (AppStartup, MainWindow) on a real display and drives it
// with keys and clicks as an engineer would: Ctrl+1 and a click on the customer's
// conversation, Ctrl+2 and Ctrl+N for the answer editor, Ctrl+3 and a click on a tip's
// comments, Ctrl+K with a query; and the set-up dialog of a fresh profile. Each step waits
// for what it shows (rows in a model, a preview rendered) instead of sleeping, and grabs the
// screen where the app's windows are, so that dialogs and popups show as they are on
// screen. Prints each file written; exits 1 if a section could not be captured.
#include <QAbstractItemModel>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "account/Account.h"
#include "chats/ChatsView.h"
#include "chats/Composer.h"
#include "chats/ConversationPane.h"
#include "chats/SuggestionsPanel.h"
#include "library/AnswerEditor.h"
#include "library/LibraryView.h"
#include "library/MarkdownView.h"
#include "main/AppStartup.h"
#include "main/MainWindow.h"
#include "models/AnswerListModel.h"
#include "models/ConversationListModel.h"
#include "models/MessageListModel.h"
#include "models/SearchResultsModel.h"
#include "models/TipListModel.h"
#include "search/SearchPalette.h"
#include "setup/AccountSetupDialog.h"
#include "setup/CredentialStore.h"
#include "tips/TipsView.h"

using namespace rapport;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr int kStuckMs = 6 * kTimeoutMs;

struct Options {
    QString profile;
    QString jid;
    QUrl server;
    QString password;
    QString outDir;
    QString customer;
    QString query;
    QSize windowSize;
    int minConversations = 1;
    int minAnswers = 1;
    int minTips = 1;
};

// A step that went wrong says what it was waiting for.
struct Failure {
    QString what;
};

void waitFor(const std::function<bool()>& ready, const QString& what, int timeoutMs = kTimeoutMs) {
    if (!QTest::qWaitFor(ready, timeoutMs)) {
        throw Failure{what};
    }
}

// What is on screen where the application's visible windows are (the main window and any
// dialog or popup over it), as the user sees it: a screen grab, not a widget rendering.
bool grabScreen(const QString& path) {
    // Let everything shown so far be painted and reach the X server.
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(60);
    }
    QRect area;
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && w->isWindow()) {
            area |= w->frameGeometry();
        }
    }
    QScreen* screen = QGuiApplication::primaryScreen();
    area &= screen->geometry();
    if (area.isEmpty()) {
        return false;
    }
    const QPixmap shot = screen->grabWindow(0, area.x(), area.y(), area.width(), area.height());
    return !shot.isNull() && shot.save(path, "PNG");
}

// Types `text` key by key, as QTest::keyClicks does, but also what is not ASCII (an arrow, a
// dash): QTest only maps ASCII characters to keys. A newline is Return.
void typeText(QWidget* target, const QString& text) {
    for (const QChar c : text) {
        if (c == u'\n') {
            QTest::keyClick(target, Qt::Key_Return);
        } else if (c.unicode() < 0x80) {
            QTest::keyClick(target, char(c.unicode()));
        } else {
            QTest::sendKeyEvent(QTest::Click, target, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
    }
}

void clickRow(QListView* view, const QModelIndex& index) {
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

int rowWhere(const QAbstractItemModel* model, int role, const QVariant& value) {
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data(role) == value) {
            return r;
        }
    }
    return -1;
}

// The section the window shows, if it is a T (the window may host it in a wrapper that
// builds it when first shown).
template <class T>
T* shownSection(const ui::MainWindow* window) {
    QWidget* section = window->currentSection();
    if (auto* t = qobject_cast<T*>(section)) {
        return t;
    }
    return section ? section->findChild<T*>() : nullptr;
}

// A shortcut of the window: it must be the active one (a closed dialog does not give it back
// by itself when no window manager runs).
void pressOn(QWidget* window, QKeyCombination keys) {
    window->activateWindow();
    // The widget side (QApplication::activeWindow, which shortcuts look at) follows the
    // window system's focus a little later than the QWindow does.
    (void)QTest::qWaitFor([window] { return QApplication::activeWindow() == window; }, 5000);
    QTest::keyClick(window, keys.key(), keys.keyboardModifiers());
}

class Tour {
public:
    explicit Tour(Options options) : m_o(std::move(options)) {}

    int run() {
        // First the set-up dialog, as a new user meets it: nothing else on screen yet.
        step(QStringLiteral("5-setup-dialog.png"), [this] { setupDialog(); });
        step(QString(), [this] { signIn(); });
        if (!m_window) {
            return 1;
        }
        step(QStringLiteral("1-chats.png"), [this] { chats(); });
        step(QStringLiteral("2-library-editor.png"), [this] { libraryEditor(); });
        step(QStringLiteral("3-tips.png"), [this] { tips(); });
        step(QStringLiteral("4-search-palette.png"), [this] { searchPalette(); });
        return m_failed ? 1 : 0;
    }

private:
    // Runs one step; `file` is grabbed when it succeeded.
    void step(const QString& file, const std::function<void()>& body) {
        // A modal dialog nobody answers would block the tour for good: give up loudly instead.
        QTimer watchdog;
        watchdog.setSingleShot(true);
        QObject::connect(&watchdog, &QTimer::timeout, [file] {
            QString modal;
            if (QWidget* w = QApplication::activeModalWidget()) {
                modal =
                    QStringLiteral(" (a modal %1 \"%2\" is open)")
                        .arg(QString::fromLatin1(w->metaObject()->className()), w->windowTitle());
            }
            std::fprintf(stderr, "screenshot_tour: %s: stuck for %d s%s\n",
                         qPrintable(file.isEmpty() ? QStringLiteral("sign-in") : file),
                         kStuckMs / 1000, qPrintable(modal));
            std::fflush(stderr);
            std::_Exit(1);
        });
        watchdog.start(kStuckMs);
        try {
            body();
            if (file.isEmpty()) {
                return;
            }
            const QString path = QDir(m_o.outDir).filePath(file);
            if (!grabScreen(path)) {
                throw Failure{QStringLiteral("writing %1").arg(path)};
            }
            std::printf("%s\n",
                        qPrintable(QDir::cleanPath(QDir(m_o.outDir).absoluteFilePath(file))));
            std::fflush(stdout);
        } catch (const Failure& f) {
            std::fprintf(stderr, "screenshot_tour: %s: gave up waiting for %s\n",
                         qPrintable(file.isEmpty() ? QStringLiteral("sign-in") : file),
                         qPrintable(f.what));
            m_failed = true;
        }
        // Whatever a step left open (a dialog, the palette) goes before the next one: hidden,
        // not closed, since closing the answer editor asks whether to throw the text away.
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (w->isVisible() && w != m_window) {
                w->hide();
            }
        }
        QCoreApplication::processEvents();
    }

    void setupDialog() {
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_freshProfile.path());
        m_freshStartup = std::make_unique<ui::AppStartup>(
            m_freshProfile.filePath(QStringLiteral("data")), m_freshCredentials);
        m_freshStartup->start();
        ui::AccountSetupDialog* dialog = nullptr;
        waitFor(
            [&] {
                for (QWidget* w : QApplication::topLevelWidgets()) {
                    if (auto* d = qobject_cast<ui::AccountSetupDialog*>(w); d && d->isVisible()) {
                        dialog = d;
                    }
                }
                return dialog != nullptr && QTest::qWaitForWindowExposed(dialog, 100);
            },
            QStringLiteral("the set-up dialog"));
        // Filled in and tested, as the engineer sees it just before signing in.
        dialog->activateWindow();
        typeText(dialog->jidEdit(), m_o.jid);
        typeText(dialog->passwordEdit(), m_o.password);
        typeText(dialog->serverEdit(), m_o.server.toString());
        bool tested = false;
        QObject::connect(dialog, &ui::AccountSetupDialog::tested, dialog,
                         [&tested] { tested = true; });
        QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
        waitFor([&] { return tested; }, QStringLiteral("the connection test"));
    }

    void signIn() {
        // Settings live with the profile, as the app's main() arranges.
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_o.profile);
        m_startup = std::make_unique<ui::AppStartup>(m_o.profile, m_credentials);
        m_startup->signInDirectly(Jid(m_o.jid), m_o.password, m_o.server);
        waitFor([&] { return m_startup->window() != nullptr; }, QStringLiteral("the main window"));
        m_window = m_startup->window();
        m_window->resize(m_o.windowSize);
        m_window->move(0, 0);
        waitFor([&] { return QTest::qWaitForWindowExposed(m_window, 100); },
                QStringLiteral("the main window on screen"));
        waitFor([&] { return m_window->connectionLabel()->text() == u"Online"; },
                QStringLiteral("the connection (status bar: \"%1\")")
                    .arg(m_window->connectionLabel()->text()));
        // The archive's catch-up fills the conversations. (The library and the tips are
        // waited for in their sections, which the window builds when first shown.)
        waitFor([&] { return m_window->conversations()->rowCount() >= m_o.minConversations; },
                QStringLiteral("%1 conversations").arg(m_o.minConversations));
    }

    void chats() {
        pressOn(m_window, Qt::CTRL | Qt::Key_1);
        ui::ChatsView* chats = m_window->chats();
        waitFor([&] { return shownSection<ui::ChatsView>(m_window) == chats; },
                QStringLiteral("Ctrl+1"));
        models::ConversationListModel* list = m_window->conversations();
        const int row = rowWhere(list, models::ConversationListModel::PeerRole, m_o.customer);
        if (row < 0) {
            throw Failure{QStringLiteral("a conversation with %1").arg(m_o.customer)};
        }
        clickRow(chats->conversationList(), list->index(row));
        ui::ConversationPane* pane = chats->pane();
        waitFor([&] { return pane->peer() == m_o.customer && pane->model()->rowCount() > 1; },
                QStringLiteral("the conversation's messages"));
        waitFor([&] { return !pane->suggestions()->suggestions().isEmpty(); },
                QStringLiteral("suggested answers"));
        pane->composer()->setFocus();
        pane->messageView()->scrollToBottom();
    }

    void libraryEditor() {
        pressOn(m_window, Qt::CTRL | Qt::Key_2);
        ui::LibraryView* library = nullptr;
        waitFor(
            [&] {
                library = shownSection<ui::LibraryView>(m_window);
                return library != nullptr;
            },
            QStringLiteral("Ctrl+2"));
        waitFor([&] { return library->model()->rowCount() >= m_o.minAnswers; },
                QStringLiteral("%1 answers").arg(m_o.minAnswers));
        // An answer selected behind the editor, so that the list and its preview show too.
        clickRow(library->answerList(), library->model()->index(0, 0));
        QTest::keyClick(library->answerList(), Qt::Key_N, Qt::ControlModifier);
        ui::AnswerEditor* editor = nullptr;
        waitFor([&] { return (editor = library->editor()) != nullptr && editor->isVisible(); },
                QStringLiteral("the answer editor (Ctrl+N in the library)"));
        typeText(editor->titleEdit(), QStringLiteral("Invoice shows the wrong VAT rate"));
        typeText(editor->tagsEdit(), QStringLiteral("billing, vat, invoices"));
        editor->bodyEdit()->setFocus();
        typeText(editor->bodyEdit(),
                 QStringLiteral("Hi {{customer.name|there}},\n\n"
                                "The VAT rate comes from the **billing country** of the account. "
                                "To correct it:\n\n"
                                "1. Open *Settings → Billing*\n"
                                "2. Set the country and your VAT number\n"
                                "3. Click **Reissue** on invoice {{invoice_number}}\n\n"
                                "Details: [VAT and invoices](https://help.example.com/vat)"));
        waitFor(
            [&] {
                return editor->preview()->document()->toPlainText().contains(
                    QStringLiteral("Reissue"));
            },
            QStringLiteral("the editor's preview"));
    }

    void tips() {
        pressOn(m_window, Qt::CTRL | Qt::Key_3);
        ui::TipsView* tips = nullptr;
        waitFor(
            [&] {
                tips = shownSection<ui::TipsView>(m_window);
                return tips != nullptr;
            },
            QStringLiteral("Ctrl+3"));
        waitFor([&] { return tips->model()->rowCount() >= m_o.minTips; },
                QStringLiteral("%1 tips").arg(m_o.minTips));
        models::TipListModel* model = tips->model();
        int row = -1;
        for (int r = 0; r < model->rowCount() && row < 0; ++r) {
            if (model->index(r).data(models::TipListModel::CommentsRole).toInt() > 0) {
                row = r;
            }
        }
        if (row < 0) {
            throw Failure{QStringLiteral("a tip with comments")};
        }
        const QModelIndex card = model->index(row);
        tips->feedView()->scrollTo(card, QAbstractItemView::PositionAtTop);
        QCoreApplication::processEvents();
        const QRect comments = tips->partRect(card, ui::TipDelegate::Part::Comments);
        if (comments.isEmpty()) {
            throw Failure{QStringLiteral("the comments link of the tip")};
        }
        QTest::mouseClick(tips->feedView()->viewport(), Qt::LeftButton, {}, comments.center());
        waitFor(
            [&] {
                const QModelIndex i = model->index(row);
                return i.data(models::TipListModel::ExpandedRole).toBool() &&
                       i.data(models::TipListModel::CommentsLoadedRole).toBool() &&
                       tips->commentField(i) != nullptr;
            },
            QStringLiteral("the tip's comments"));
        tips->feedView()->scrollToTop();
    }

    void searchPalette() {
        pressOn(m_window, Qt::CTRL | Qt::Key_K);
        ui::SearchPalette* palette = m_window->searchPalette();
        waitFor([&] { return palette->isVisible(); }, QStringLiteral("Ctrl+K"));
        typeText(palette->queryEdit(), m_o.query);
        // Results for the whole query, from more than one kind (grouped).
        waitFor(
            [&] {
                QSet<QString> kinds;
                for (int r = 0; r < palette->model()->rowCount(); ++r) {
                    kinds.insert(palette->model()
                                     ->index(r, 0)
                                     .data(models::SearchResultsModel::KindRole)
                                     .toString());
                }
                return kinds.size() >= 2;
            },
            QStringLiteral("results of more than one kind for \"%1\"").arg(m_o.query));
    }

    Options m_o;
    bool m_failed = false;
    ui::MemoryCredentialStore m_credentials;
    std::unique_ptr<ui::AppStartup> m_startup;
    ui::MainWindow* m_window = nullptr;
    QTemporaryDir m_freshProfile;
    ui::MemoryCredentialStore m_freshCredentials;
    std::unique_ptr<ui::AppStartup> m_freshStartup;
};

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    // As the app's main() names itself, so that settings and the window icon are its own.
    QApplication::setApplicationName(QStringLiteral("rapport"));
    QApplication::setOrganizationName(QStringLiteral("Rapport"));
    QApplication::setApplicationDisplayName(QStringLiteral("Rapport"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rapport.svg")));
    QSettings::setDefaultFormat(QSettings::IniFormat);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Signs in as JID (password in $RAPPORT_PASSWORD) and writes a screenshot of each "
        "section of the desktop app into OUTDIR."));
    parser.addHelpOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("The account's data folder."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption jid(QStringLiteral("jid"), QStringLiteral("Sign in as JID."),
                                 QStringLiteral("JID"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("The server's WebSocket URL."),
                                    QStringLiteral("URL"));
    const QCommandLineOption customer(QStringLiteral("customer"),
                                      QStringLiteral("The conversation to open in Chats."),
                                      QStringLiteral("JID"));
    const QCommandLineOption query(QStringLiteral("query"),
                                   QStringLiteral("What to type into Ctrl+K (default: export)."),
                                   QStringLiteral("TEXT"), QStringLiteral("export"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("The main window's size (default 1280x800)."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption minConversations(
        QStringLiteral("min-conversations"),
        QStringLiteral("Wait for at least N conversations (default 1)."), QStringLiteral("N"),
        QStringLiteral("1"));
    const QCommandLineOption minAnswers(QStringLiteral("min-answers"),
                                        QStringLiteral("Wait for at least N answers (default 1)."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption minTips(QStringLiteral("min-tips"),
                                     QStringLiteral("Wait for at least N tips (default 1)."),
                                     QStringLiteral("N"), QStringLiteral("1"));
    parser.addOptions(
        {profile, jid, server, customer, query, size, minConversations, minAnswers, minTips});
    parser.addPositionalArgument(QStringLiteral("OUTDIR"),
                                 QStringLiteral("Where the PNG files go (created if needed)."));
    parser.process(app);

    Options o;
    o.profile = parser.value(profile);
    o.jid = parser.value(jid);
    o.server = QUrl(parser.value(server));
    o.password = qEnvironmentVariable("RAPPORT_PASSWORD");
    o.outDir = parser.positionalArguments().value(0);
    o.customer = parser.value(customer);
    o.query = parser.value(query);
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    o.windowSize = QSize(wh.value(0).toInt(), wh.value(1).toInt());
    o.minConversations = parser.value(minConversations).toInt();
    o.minAnswers = parser.value(minAnswers).toInt();
    o.minTips = parser.value(minTips).toInt();
    if (o.profile.isEmpty() || o.jid.isEmpty() || o.password.isEmpty() || o.outDir.isEmpty() ||
        o.customer.isEmpty() || !o.windowSize.isValid()) {
        std::fprintf(stderr,
                     "usage: screenshot_tour --profile DIR --jid JID --server URL --customer JID "
                     "[--query TEXT] [--size WxH] OUTDIR  (password in $RAPPORT_PASSWORD)\n");
        return 2;
    }
    if (QGuiApplication::platformName() == u"offscreen") {
        std::fprintf(stderr, "screenshot_tour: needs a display (run it under xvfb-run)\n");
        return 2;
    }
    if (!QDir().mkpath(o.outDir)) {
        std::fprintf(stderr, "screenshot_tour: cannot create %s\n", qPrintable(o.outDir));
        return 1;
    }
    return Tour(std::move(o)).run();
}
