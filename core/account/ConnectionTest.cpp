#include "account/ConnectionTest.h"

#include <QNetworkAccessManager>

#include "account/Account.h"
#include "common/FutureUtils.h"
#include "xmpp/Client.h"
#include "xmpp/EndpointDiscovery.h"

namespace rapport {

ConnectionTest::ConnectionTest(QObject* parent) : QObject(parent) {}

ConnectionTest::~ConnectionTest() = default;

void ConnectionTest::run(const Jid& jid, const QString& password, const QUrl& server,
                         std::function<void(const Result<void>&)> done) {
    m_done = std::move(done);
    if (jid.local().isEmpty() || jid.domain().isEmpty()) {
        finish(Error::make(ErrorCode::Usage, tr("Enter your address as name@domain.")));
        return;
    }
    if (password.isEmpty()) {
        finish(Error::make(ErrorCode::Usage, tr("Enter your password.")));
        return;
    }
    if (!server.isEmpty() && server.scheme() == u"ws" && !Account::isLoopback(server)) {
        finish(Error::make(
            ErrorCode::Usage,
            tr("Refusing an unencrypted ws:// connection to %1: use wss://.").arg(server.host())));
        return;
    }
    auto connectTo = [this, jid, password](const QUrl& url) {
        m_url = url;
        m_client = std::make_unique<xmpp::Client>();
        connect(m_client.get(), &xmpp::Client::sessionStarted, this, [this] {
            m_client->disconnectFromServer();
            finish(Ok{});
        });
        connect(m_client.get(), &xmpp::Client::stateChanged, this,
                [this](xmpp::Client::State state) {
                    if (state == xmpp::Client::State::Offline && m_done) {
                        const Error& e = m_client->lastError();
                        finish(e.message.isEmpty() ? Error::make(ErrorCode::ServerUnreachable,
                                                                 tr("Could not reach the server."))
                                                   : e);
                    }
                });
        xmpp::Client::Settings s;
        s.jid = jid.bare();
        s.password = password;
        s.resource = QStringLiteral("rapport-test");
        s.url = url;
        s.autoReconnect = false;
        s.trustedCertificates = m_trusted;
        m_client->setSettings(s);
        m_client->connectToServer();
    };
    if (!server.isEmpty()) {
        connectTo(server);
        return;
    }
    m_nam = std::make_unique<QNetworkAccessManager>();
    onFinished(xmpp::EndpointDiscovery::discover(m_nam.get(), jid.domain()), this, connectTo);
}

QSslCertificate ConnectionTest::rejectedCertificate() const {
    return m_client ? m_client->rejectedCertificate() : QSslCertificate();
}

void ConnectionTest::finish(const Result<void>& result) {
    if (auto done = std::exchange(m_done, nullptr)) {
        done(result);
    }
}

}  // namespace rapport
