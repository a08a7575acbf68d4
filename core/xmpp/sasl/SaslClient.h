// The client side of XMPP SASL (RFC 6120 section 6) on top of GNU SASL, so that no SCRAM
// crypto is written by hand. One instance runs one exchange: start, step per <challenge/>,
// finish on <success/>. Payloads are raw bytes; the caller does the base64.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "common/Result.h"

// GNU SASL's opaque handles, declared here so that users of this header need not see
// <gsasl.h> (rapport_core links GNU SASL privately).
struct Gsasl;
struct Gsasl_session;

namespace rapport::xmpp {

class SaslClient {
    Q_DECLARE_TR_FUNCTIONS(SaslClient)

public:
    SaslClient();
    ~SaslClient();  // frees the GNU SASL session and context, wiping password copies first
    SaslClient(const SaslClient&) = delete;
    SaslClient& operator=(const SaslClient&) = delete;

    // The strongest mechanism among `offered` that we support and may use:
    // SCRAM-SHA-256 > SCRAM-SHA-1 > PLAIN; PLAIN only if plainAllowed (TLS or loopback).
    // -PLUS variants are ignored (no channel binding over WebSocket). Empty if none.
    static QString chooseMechanism(const QStringList& offered, bool plainAllowed);

    // Starts `mechanism` (one chooseMechanism can return) for authcid (the JID's localpart)
    // and returns the initial response. Both strings are SASLprep'ed. Starting again
    // abandons any exchange in progress.
    Result<QByteArray> start(const QString& mechanism, const QString& authcid,
                             const QString& password, const QString& host);

    // One server challenge -> the client response.
    Result<QByteArray> step(const QByteArray& challenge);

    // The <success/> payload (may be empty). For SCRAM the server must have proved that it
    // knows the password (v=...), either here or in the last challenge; otherwise this is
    // AuthenticationFailed.
    Result<void> finish(const QByteArray& successData);

    QString mechanism() const { return m_mechanism; }

private:
    enum class State {
        Idle,                 // nothing started, or the last exchange ended
        AwaitingServerFirst,  // SCRAM: client-first sent
        AwaitingServerFinal,  // SCRAM: client-final sent, the server has yet to prove itself
        ClientComplete,       // GNU SASL is done (PLAIN sent, or SCRAM signature verified)
    };

    bool isScram() const { return m_mechanism.startsWith(u"SCRAM-"); }
    int runStep(const QByteArray& input, QByteArray* output);  // a gsasl_step() return code
    Error fail(ErrorCode code, const QString& message);
    void wipeSecrets();
    void endSession();

    Gsasl* m_ctx = nullptr;
    Gsasl_session* m_session = nullptr;
    QString m_mechanism;
    State m_state = State::Idle;
    QByteArray m_serverFinal;  // the server-final already verified, if it came as a challenge
};

}  // namespace rapport::xmpp
