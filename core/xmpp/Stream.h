// One XMPP stream over a Transport, from <open/> to <close/>: stream features,
// SASL, the restart after SASL, resource binding, and stream management
// (XEP-0198: acks, and resuming the session on a new connection). It knows
// nothing of IQs, extensions or reconnection policy: that is Client's job.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <chrono>
#include <memory>

#include "common/Jid.h"
#include "common/Result.h"
#include "xmpp/Element.h"
#include "xmpp/ElementParser.h"
#include "xmpp/StreamManagement.h"
#include "xmpp/Transport.h"

namespace rapport::xmpp {

class SaslClient;

class Stream : public QObject {
    Q_OBJECT
public:
    enum class Phase { Idle, Connecting, Authenticating, Binding, Online, Closing };
    Q_ENUM(Phase)

    struct Settings {
        Jid jid;           // bare JID to sign in as
        QString password;  // kept in memory only while a session may need it
        QString resource;  // requested resource; the server may change it
        QUrl url;
        int handshakeTimeoutMs = 20000;
        int idleTimeoutMs = 45000;       // quiet this long: ask the server for a sign of life
        int keepaliveTimeoutMs = 20000;  // no answer this long: the connection is dead
        int ackDelayMs = 200;            // ask for an ack at most this long after a send...
        int ackBatch = 10;               // ...or after this many stanzas, whichever is first
    };

    explicit Stream(std::unique_ptr<Transport> transport, QObject* parent = nullptr);
    ~Stream() override;

    void setSettings(const Settings& settings);
    // How long handling what the transport delivered may hold the thread in one turn of
    // the event loop; the rest waits for the next turn. Zero: no limit. A test whose fake
    // transport feeds stanzas call by call, with no turn of the event loop in between,
    // sets zero: there the whole test would count as one turn.
    void setSliceLength(std::chrono::nanoseconds length) { m_sliceLength = length; }
    const Settings& settings() const { return m_settings; }

    // Connects, signs in, and binds or resumes the previous session where possible.
    void open();
    // Ends the session on purpose: it cannot be resumed afterwards.
    void close();
    // Drops the connection as a network failure would (resumable); for tests and the UI's
    // "reconnect now".
    void abort();

    // Sends a stanza (message, presence or iq in jabber:client). While the stream is
    // reconnecting, stanzas wait and go out once the session is back.
    Result<void> send(const Element& stanza);

    // Stanzas are refused above 256 KiB (ParserLimits), except the reply to an IQ of ours
    // that asked for more (a PubSub node's items can be megabytes, and Prosody ignores RSM
    // there): up to maxBytes, for the result or error with that id only.
    void allowLargeReply(const QString& iqId, qsizetype maxBytes);
    void forgetLargeReply(const QString& iqId);

    Phase phase() const { return m_phase; }
    const Jid& boundJid() const { return m_boundJid; }
    bool isStreamManagementEnabled() const { return m_sm.isEnabled(); }
    qsizetype unackedCount() const { return m_sm.unackedCount() + m_waiting.size(); }
    Transport* transport() const { return m_transport.get(); }
    // The features the server offered after sign-in (bind, sm, roster versioning, ...).
    const Element& features() const { return m_features; }
    // Counts sessions bound from scratch; a resumption keeps the number.
    quint64 sessionGeneration() const { return m_generation; }
    // Forgets the resumable session; the next open() binds afresh.
    void forgetSession();

signals:
    void phaseChanged(rapport::xmpp::Stream::Phase phase);
    void established(bool resumed);
    void stanzaReceived(const rapport::xmpp::Element& stanza);
    // The server confirmed these stanzas (XEP-0198 ack). Without stream management
    // nothing is ever confirmed this way.
    void acked(const QList<rapport::xmpp::Element>& stanzas);
    // The stream is over. A clean close we asked for has an empty message.
    void ended(const rapport::Error& error);

private:
    void setPhase(Phase phase);
    ParserLimits limitsFor(const QString& message) const;
    void sendOpen();
    void sendNonza(const Element& nonza);
    void sendRaw(const Element& element);
    void onTransportOpened();
    // Queues what the transport delivers and handles it in slices (drainInbox): the
    // transport hands over everything it has read at once, which in a catch-up is a whole
    // page of archived messages, and handling 250 of them in one go held the UI thread for
    // 20 to 35 ms.
    void onReceived(const QString& message);
    void drainInbox();
    // Handles the waiting stanzas in order; `sliced`: only until this turn's slice is used
    // up, the rest scheduled. False if a handler destroyed the stream.
    bool handleInbox(bool sliced);
    void handleReceived(const QString& message);
    void onTransportClosed(const Error& error);
    void handleFeatures(const Element& features);
    void handleSasl(const Element& element);
    void handleStreamManagement(const Element& element);
    void handleBindResult(const Element& iq);
    void startBind();
    void keepMessagesForResend(const QList<Element>& unacked);
    void becomeOnline(bool resumed, const QList<Element>& resend);
    void requestAck();
    void sendAckRequest();
    void onIdle();
    void fail(const Error& error, const QString& streamErrorCondition = {});

    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<SaslClient> m_sasl;
    Settings m_settings;
    Phase m_phase = Phase::Idle;
    bool m_authenticated = false;
    bool m_resuming = false;
    int m_sentSinceAckRequest = 0;
    bool m_failing = false;
    QList<QString> m_inbox;  // received, not handled yet (in order)
    qsizetype m_inboxHead = 0;
    bool m_drainScheduled = false;
    bool m_draining = false;
    bool m_sliceRunning = false;  // in this turn of the event loop
    QElapsedTimer m_slice;
    // Long enough that a lone stanza or a short run is handled at once, short enough that
    // paints and input get a turn within a frame.
    std::chrono::nanoseconds m_sliceLength = std::chrono::milliseconds(6);
    bool m_serverOffersSm = false;
    Jid m_boundJid;
    Element m_features;
    quint64 m_generation = 0;
    QString m_bindId;
    StreamManagement m_sm;
    QList<Element> m_waiting;       // sent while not online
    QList<Element> m_resendOnBind;  // messages a session that could not be resumed left unacked
    Error m_pendingError;
    bool m_hasPendingError = false;
    QTimer m_handshakeTimer;
    QTimer m_idleTimer;
    QTimer m_keepaliveTimer;
    QTimer m_closeTimer;
    QTimer m_ackTimer;
    QHash<QString, qsizetype> m_largeReplies;  // IQ id -> the most bytes its reply may have
};

}  // namespace rapport::xmpp
