// What happens when the desktop app starts: find the account (settings) and its password
// (the keychain), or ask for them with the set-up dialog; open the account's store; show
// the main window at once (the store is the source of truth, so it fills offline) and sign
// in behind it. Without an account (the user's choice in the set-up dialog, remembered), the
// window has the local library and search, and "Sign in…" to add the account later.
#pragma once

#include <QObject>
#include <QUrl>
#include <memory>

#include "common/Jid.h"

namespace rapport {
class Account;
}

namespace rapport::ui {

class CredentialStore;
class MainWindow;

class AppStartup : public QObject {
    Q_OBJECT
public:
    // profileDir: where the stores live (--profile / RAPPORT_PROFILE / the default).
    AppStartup(QString profileDir, CredentialStore& credentials, QObject* parent = nullptr);
    ~AppStartup() override;

    void start();
    // No dialog, no keychain: for the demo and scripts (--jid and $RAPPORT_PASSWORD).
    void signInDirectly(const Jid& jid, const QString& password, const QUrl& server) {
        openAccount(jid, password, server);
    }
    MainWindow* window() const { return m_window.get(); }
    Account* account() const { return m_account.get(); }

signals:
    // The user closed the set-up dialog without an account, or the store could not open.
    void gaveUp(int exitCode);

private:
    void askForAccount(const QString& why);
    void openAccount(const Jid& jid, const QString& password, const QUrl& server);
    // No account: the local library and search (Account::openLocalOnly).
    void openLocalOnly();
    // The window for m_account, replacing any earlier one.
    void showWindow();

    QString m_profileDir;
    CredentialStore& m_credentials;
    std::unique_ptr<Account> m_account;
    std::unique_ptr<MainWindow> m_window;
};

}  // namespace rapport::ui
