// The XMPP client core: one Stream, the extensions, IQ request tracking with
// timeouts, and reconnection with backoff. Features live in extensions
// (xmpp/ext/*); the client only routes stanzas to them.
#pragma once

#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <QTimer>
#include <limits>
#include <map>
#include <memory>
#include <vector>

#include "common/Jid.h"
#include "common/Result.h"
#include "xmpp/ClientExtension.h"
#include "xmpp/Element.h"
#include "xmpp/ReconnectPolicy.h"
#include "xmpp/Stream.h"

namespace rapport::xmpp {

using IqResult = Result<Element>;

class Client : public QObject {
    Q_OBJECT
public:
    enum class State { Offline, Connecting, Authenticating, Online, Reconnecting };
    Q_ENUM(State)

    struct Settings {
        Jid jid;  // bare
        QString password;
        QString resource;
        QUrl url;
        bool autoReconnect = true;
        int iqTimeoutMs = 30000;
        // SHA-256 digests of server certificates the user trusted (Transport).
        QByteArrayList trustedCertificates;
    };

    // transport: null means a real WebSocketTransport.
    explicit Client(std::unique_ptr<Transport> transport = {}, QObject* parent = nullptr);
    ~Client() override;

    void setSettings(const Settings& settings);
    const Settings& settings() const { return m_settings; }

    void connectToServer();
    void disconnectFromServer();

    State state() const { return m_state; }
    const Error& lastError() const { return m_lastError; }
    // After an ErrorCode::Certificate: the certificate refused, for the user to inspect.
    QSslCertificate rejectedCertificate() const;
    // Seconds until the next attempt while Reconnecting.
    int reconnectInSeconds() const;
    Jid boundJid() const { return m_stream->boundJid(); }
    Stream* stream() const { return m_stream.get(); }

    // Sends a stanza. Stanzas must be in jabber:client; others are refused, never sent.
    Result<void> send(const Element& stanza);
    // Sends an IQ get/set and resolves with the result, a stanza error, or a timeout.
    // A missing id is filled in. maxReplyBytes > 0 lets the reply exceed the 256 KiB stanza
    // limit up to that size (see Stream::allowLargeReply).
    QFuture<IqResult> sendIq(Element iq, int timeoutMs = -1, qsizetype maxReplyBytes = 0);
    // An IQ error reply for `request`, with a defined condition.
    void replyError(const Element& request, const QString& type, const QString& condition);
    void replyResult(const Element& request, const Element& payload = {});

    static QString makeId();

    // Extensions: the client owns them.
    template <class T, class... Args>
    T* addExtension(Args&&... args) {
        auto* ext = new T(std::forward<Args>(args)...);
        registerExtension(ext);
        return ext;
    }
    template <class T>
    T* findExtension() const {
        for (ClientExtension* ext : m_extensions) {
            if (auto* t = qobject_cast<T*>(ext)) {
                return t;
            }
        }
        return nullptr;
    }
    const std::vector<ClientExtension*>& extensions() const { return m_extensions; }
    QStringList discoFeatures() const;

    // Feeds a message through every extension as if received with `context`; carbons
    // use this after unwrapping.
    void dispatchMessage(const Element& message, const MessageContext& context);

signals:
    void stateChanged(rapport::xmpp::Client::State state);
    void errorOccurred(const rapport::Error& error);
    void sessionStarted(bool resumed);
    // The next attempt is in `seconds` (for "Offline: retrying in 12 s").
    void reconnectScheduled(int seconds);
    void stanzaAcked(const rapport::xmpp::Element& stanza);

private:
    struct PendingIq;
    void registerExtension(ClientExtension* ext);
    void setState(State state);
    void onStanza(const Element& stanza);
    void onIq(const Element& iq);
    void onEstablished(bool resumed);
    void onEnded(const Error& error);
    // Fails the requests written to sessions before `beforeGeneration` (all by default).
    void failPendingIqs(const Error& error,
                        quint64 beforeGeneration = std::numeric_limits<quint64>::max());
    void scheduleReconnect();
    bool isRetryable(const Error& error) const;

    std::unique_ptr<Stream> m_stream;
    std::vector<ClientExtension*> m_extensions;
    Settings m_settings;
    State m_state = State::Offline;
    Error m_lastError;
    bool m_wantOnline = false;
    ReconnectPolicy m_policy;
    QTimer m_reconnectTimer;
    QElapsedTimer m_onlineSince;
    std::map<QString, std::unique_ptr<PendingIq>> m_pendingIqs;
};

}  // namespace rapport::xmpp
