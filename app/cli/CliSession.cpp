#include "cli/CliSession.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QUuid>

#include "cli/JsonOutput.h"
#include "xmpp/EndpointDiscovery.h"
#include "xmpp/ext/presence/PresenceExtension.h"

namespace rapport::cli {

namespace {
// Queued, so that it also works when called before the event loop runs.
void exitLater(int code) {
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [code] { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
}
}  // namespace

int exitCodeFor(const Error& error) {
    switch (error.code) {
        case ErrorCode::Usage:
        case ErrorCode::NotFound:  // an id the user gave that does not exist
            return ExitUsage;
        case ErrorCode::AuthenticationFailed:
            return ExitAuthFailed;
        case ErrorCode::Timeout:
            return ExitTimeout;
        case ErrorCode::ServerUnreachable:
        case ErrorCode::ConnectionLost:
        case ErrorCode::Certificate:
        case ErrorCode::Protocol:
        case ErrorCode::PolicyViolation:
            return ExitUnreachable;
        default:
            return ExitInternal;
    }
}

CliSession::CliSession(const CliOptions& options, Account& account, QObject* parent)
    : QObject(parent), m_options(options), m_account(account), m_client(account.client()) {
    connect(&m_client, &xmpp::Client::sessionStarted, this, [this](bool) {
        if (m_online) {
            return;
        }
        m_online = true;
        // From now on a dropped connection is resumed rather than fatal.
        xmpp::Client::Settings s = m_client.settings();
        s.autoReconnect = true;
        m_client.setSettings(s);
        if (m_onOnline) {
            m_onOnline();
        }
    });
    connect(&m_client, &xmpp::Client::stateChanged, this, [this](xmpp::Client::State state) {
        if (state != xmpp::Client::State::Offline || m_finishing) {
            return;
        }
        const Error error = m_client.lastError();
        if (!m_online && m_offlineHandler && m_offlineHandler(error)) {
            return;
        }
        fail(error.message.isEmpty()
                 ? Error::make(ErrorCode::ConnectionLost, tr("Disconnected from the server."))
                 : error);
    });
}

void CliSession::start(std::function<void()> onOnline, Presence presence) {
    m_onOnline = std::move(onOnline);
    if (presence == Presence::Invisible) {
        (void)m_client.findExtension<xmpp::PresenceExtension>()->setPresence(
            xmpp::PresenceShow::Unavailable);
    }
    if (!m_options.server.isEmpty()) {
        connectTo(m_options.server);
        return;
    }
    auto* watcher = new QFutureWatcher<QUrl>(this);
    connect(watcher, &QFutureWatcher<QUrl>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QUrl url = watcher->result();
        Result<void> allowed = checkServerUrl(url, m_options.allowInsecure);
        if (!allowed.ok()) {
            fail(allowed.error());
            return;
        }
        connectTo(url);
    });
    watcher->setFuture(xmpp::EndpointDiscovery::discover(&m_nam, m_options.jid.domain()));
}

void CliSession::connectTo(const QUrl& url) {
    xmpp::Client::Settings s;
    s.jid = m_options.jid.bare();
    s.password = m_options.password;
    s.resource =
        m_options.resource.isEmpty()
            ? QStringLiteral("rapport-cli-") + QUuid::createUuid().toString(QUuid::Id128).left(8)
            : m_options.resource;
    s.url = url;
    // Until the first session is up, failing fast with an exit code beats retrying.
    s.autoReconnect = false;
    m_client.setSettings(s);
    m_client.connectToServer();
}

void CliSession::finish(int code) {
    if (m_finishing) {
        return;
    }
    m_finishing = true;
    if (m_client.state() == xmpp::Client::State::Offline) {
        exitLater(code);
        return;
    }
    connect(&m_client, &xmpp::Client::stateChanged, this, [code](xmpp::Client::State state) {
        if (state == xmpp::Client::State::Offline) {
            exitLater(code);
        }
    });
    m_client.disconnectFromServer();
}

void CliSession::fail(const Error& error) {
    if (m_finishing) {
        return;
    }
    m_finishing = true;
    printErrorLine(error.code == ErrorCode::AuthenticationFailed
                       ? tr("authentication failed: %1").arg(error.message)
                       : error.message);
    m_client.disconnectFromServer();
    exitLater(exitCodeFor(error));
}

}  // namespace rapport::cli
