// The connection as the status bar shows it: "Online", "Connecting…", "Offline: retrying
// in 12 s" (counting down), "Offline", with the last error for a tooltip and for the cases
// the user must act on (a wrong password stops the retries).
#pragma once

#include <QObject>
#include <QSslCertificate>
#include <QTimer>

namespace rapport {
class Account;
}

namespace rapport::models {

class ConnectionState : public QObject {
    Q_OBJECT
public:
    enum class Phase { Offline, Connecting, Online, Retrying };
    Q_ENUM(Phase)

    explicit ConnectionState(Account& account, QObject* parent = nullptr);

    Phase phase() const { return m_phase; }
    QString text() const;
    // The last error, in words; empty if there was none since the last success.
    QString lastError() const { return m_lastError; }
    // The error needs the user (wrong password, certificate, refused address): no retry.
    bool needsUser() const { return m_needsUser; }
    // The server's certificate was refused: the certificate, for the user to inspect and
    // perhaps trust (Account::setTrustedCertificates, then Account::reconnect). Null if not.
    QSslCertificate rejectedCertificate() const;
    // Whether it was: cheaper than rejectedCertificate() (no certificate object, so the TLS
    // backend is not loaded to answer "no" at start-up).
    bool certificateRejected() const { return m_certificateRejected; }

signals:
    void changed();

private:
    Account& m_account;
    Phase m_phase = Phase::Offline;
    QString m_lastError;
    bool m_needsUser = false;
    bool m_certificateRejected = false;
    int m_retryIn = 0;
    QTimer m_countdown;
};

}  // namespace rapport::models
