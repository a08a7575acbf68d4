#include "models/ConnectionState.h"

#include "account/Account.h"
#include "xmpp/Client.h"

namespace rapport::models {

ConnectionState::ConnectionState(Account& account, QObject* parent)
    : QObject(parent), m_account(account) {
    xmpp::Client& client = account.client();
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        if (m_retryIn > 0) {
            --m_retryIn;
            emit changed();
        }
        if (m_retryIn <= 0) {
            m_countdown.stop();
        }
    });
    auto onState = [this](xmpp::Client::State state) {
        switch (state) {
            case xmpp::Client::State::Online:
                m_phase = Phase::Online;
                m_lastError.clear();
                m_needsUser = false;
                m_certificateRejected = false;
                m_countdown.stop();
                break;
            case xmpp::Client::State::Connecting:
            case xmpp::Client::State::Authenticating:
                m_phase = Phase::Connecting;
                m_countdown.stop();
                break;
            case xmpp::Client::State::Reconnecting:
                m_phase = Phase::Retrying;
                break;
            case xmpp::Client::State::Offline:
                m_phase = Phase::Offline;
                m_countdown.stop();
                break;
        }
        emit changed();
    };
    connect(&client, &xmpp::Client::stateChanged, this, onState);
    onState(client.state());  // a window made after signing in starts right
    connect(&client, &xmpp::Client::reconnectScheduled, this, [this](int seconds) {
        m_phase = Phase::Retrying;
        m_retryIn = seconds;
        m_countdown.start();
        emit changed();
    });
    connect(&client, &xmpp::Client::errorOccurred, this, [this](const Error& error) {
        m_lastError = error.message;
        m_needsUser = error.code == ErrorCode::AuthenticationFailed ||
                      error.code == ErrorCode::Certificate || error.code == ErrorCode::Usage;
        m_certificateRejected = error.code == ErrorCode::Certificate;
        emit changed();
    });
}

QSslCertificate ConnectionState::rejectedCertificate() const {
    return m_certificateRejected ? m_account.client().rejectedCertificate() : QSslCertificate();
}

QString ConnectionState::text() const {
    switch (m_phase) {
        case Phase::Online:
            return tr("Online");
        case Phase::Connecting:
            return tr("Connecting…");
        case Phase::Retrying:
            return m_retryIn > 0 ? tr("Offline: retrying in %n s", nullptr, m_retryIn)
                                 : tr("Offline: retrying…");
        case Phase::Offline:
            break;
    }
    return m_needsUser ? tr("Offline: %1").arg(m_lastError) : tr("Offline");
}

}  // namespace rapport::models
