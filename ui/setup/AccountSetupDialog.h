// First start (or "Change account"): the engineer's address, password and, optionally, the
// server's WebSocket address. "Test connection" signs in once and shows success or exactly
// what is wrong; "Sign in" does the same and closes on success. The dialog only collects
// and checks; the caller stores the password (CredentialStore) and the rest (settings).
// A certificate nobody vouches for is shown with its details and an explicit "Trust this
// certificate" (saved in the settings, then the test runs again).
#pragma once

#include <QDialog>
#include <QUrl>

#include "common/Jid.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace rapport {
class ConnectionTest;
}

namespace rapport::ui {

class CertificateTrustPanel;

class AccountSetupDialog : public QDialog {
    Q_OBJECT
public:
    explicit AccountSetupDialog(QWidget* parent = nullptr);

    Jid jid() const;
    QString password() const;
    QUrl server() const;  // empty: found automatically
    void setJid(const QString& jid);
    void setServer(const QUrl& url);

    // For tests and screenshots.
    QLineEdit* jidEdit() const { return m_jid; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* serverEdit() const { return m_server; }
    QPushButton* testButton() const { return m_test; }
    QPushButton* signInButton() const { return m_signIn; }
    QPushButton* withoutAccountButton() const { return m_withoutAccount; }
    QLabel* statusLabel() const { return m_status; }
    CertificateTrustPanel* certificatePanel() const { return m_certificate; }

signals:
    // A test finished: ok, and the text shown.
    void tested(bool ok, const QString& message);
    // "Continue without an account": the local library and search only (the dialog closes
    // as rejected after saying this).
    void withoutAccountChosen();

private:
    void runTest(bool thenAccept);
    void setBusy(bool busy);
    void showStatus(bool ok, const QString& message);

    QLineEdit* m_jid;
    QLineEdit* m_password;
    QLineEdit* m_server;
    QPushButton* m_test;
    QPushButton* m_signIn;
    QPushButton* m_withoutAccount;
    QLabel* m_status;
    CertificateTrustPanel* m_certificate;
    bool m_acceptAfterTest = false;
    ConnectionTest* m_connectionTest = nullptr;
};

}  // namespace rapport::ui
