// The window engineers keep open all day: a rail of sections on the left (Chats; the
// library and tips join it as they land), the section on the right, the account's presence
// at the bottom of the rail, and the connection state in the status bar. The title carries
// the unread count.
#pragma once

#include <QMainWindow>

class QAction;
class QActionGroup;
class QToolBar;
class QToolButton;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace rapport {
class Account;
}
namespace rapport::models {
class ConversationListModel;
class ConnectionState;
}  // namespace rapport::models

namespace rapport::ui {

class ChatsView;
class Notifier;
class SearchPalette;
class SectionHost;
class TrayIcon;
struct AppSettings;
class LibraryView;
class TipsView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Account& account, QWidget* parent = nullptr);
    ~MainWindow() override;

    ChatsView* chats() const { return m_chats; }
    // The Ctrl+K palette, built on first use.
    SearchPalette* searchPalette();
    // Built at the first call if the section was not shown yet. tips(): null without an
    // account.
    LibraryView* library();
    TipsView* tips();
    // A section of the rail, in order (Ctrl+1, Ctrl+2, ...): its widget, icon and name.
    QAction* addSection(QWidget* section, const QString& icon, const QString& title);
    void showSection(QWidget* section);
    QWidget* currentSection() const;
    models::ConversationListModel* conversations() const { return m_conversations; }
    QLabel* connectionLabel() const { return m_connection; }
    int unreadTotal() const;
    Notifier* notifier() const { return m_notifier; }
    // Null where the desktop has no tray.
    TrayIcon* trayIcon() const { return m_tray; }

    // Settings…: the dialog, then applySettings() with what was chosen.
    void openSettings();
    // Theme, notifications and team service as `settings` say (start-up and the dialog).
    void applySettings(const AppSettings& settings);
    // The window forward, showing the conversation with `peer` (a notification's click).
    void openConversationFromOutside(const QString& peer);

signals:
    // Without an account, the user asked to add one (AppStartup shows the set-up dialog).
    void signInRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildRail();
    void updateTitle();
    void updateConnection();
    void buildNotifications();
    // Our presence and status text: sent (Account::setOwnPresence), kept for the next start,
    // shown on the rail's button.
    void setPresence(const QString& show, const QString& status);
    void askForStatusMessage();
    static QString presenceLabel(const QString& show);
    // The server's certificate was refused: its details, and trusting it.
    void reviewCertificate();

    Account& m_account;
    models::ConversationListModel* m_conversations;
    models::ConnectionState* m_connectionState;
    QStackedWidget* m_sections;
    QToolBar* m_rail = nullptr;
    QAction* m_railEnd = nullptr;  // sections go before it, presence after
    QAction* m_presenceAction = nullptr;
    QActionGroup* m_sectionGroup = nullptr;
    ChatsView* m_chats;
    SearchPalette* m_search = nullptr;
    SectionHost* m_libraryHost = nullptr;
    SectionHost* m_tipsHost = nullptr;
    LibraryView* m_library = nullptr;
    TipsView* m_tips = nullptr;
    QToolButton* m_presence;
    QLabel* m_connection;
    QPushButton* m_reviewCertificate = nullptr;
    TrayIcon* m_tray = nullptr;
    Notifier* m_notifier = nullptr;
};

}  // namespace rapport::ui
