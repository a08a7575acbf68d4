#include "xmpp/sasl/SaslClient.h"

#include <gsasl.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace rapport::xmpp {

namespace {

// Strongest first. No -PLUS: channel binding needs TLS data a WebSocket does not expose.
constexpr std::array<QStringView, 3> kPreferred = {u"SCRAM-SHA-256", u"SCRAM-SHA-1", u"PLAIN"};

// PBKDF2 runs on the caller's thread before the server has proved anything, so a hostile
// server could ask for billions of rounds and hang us. Prosody uses 10,000 and ejabberd
// 4,096; a million still costs under 3 s of SHA-256 on a slow machine.
constexpr qulonglong kMaxScramIterations = 1'000'000;

void wipe(char* p, size_t len) {
    if (p && len > 0) {
        explicit_bzero(p, len);  // unlike memset, cannot be optimised away
    }
}

void wipe(QByteArray& b) {
    if (!b.isEmpty()) {
        wipe(b.data(), size_t(b.size()));
    }
    b.clear();
}

// gsasl_property_free() frees without clearing, so clear the bytes first. Casting away
// const is safe: the buffer belongs to the session and is released right after.
void wipeProperty(Gsasl_session* session, Gsasl_property prop) {
    if (const char* value = gsasl_property_fast(session, prop)) {
        wipe(const_cast<char*>(value), std::strlen(value));
    }
    gsasl_property_free(session, prop);
}

// GNU SASL asks for authzid, channel-binding data and a cached salted password. We set
// every property we want before the first step, so each of those questions means "none".
int refuseCallback(Gsasl*, Gsasl_session*, Gsasl_property) {
    return GSASL_NO_CALLBACK;
}

QString gsaslMessage(int rc) {
    return QString::fromUtf8(gsasl_strerror(rc));
}

QString forbiddenCharacters() {
    return SaslClient::tr("The user name or password contains characters that SASL forbids.");
}

// The i= attribute of a server-first-message, or 0 if absent (GNU SASL then rejects it).
qulonglong scramIterations(const QByteArray& serverFirst) {
    for (const QByteArray& attr : serverFirst.split(',')) {
        if (attr.startsWith("i=")) {
            bool ok = false;
            const qulonglong n = attr.mid(2).toULongLong(&ok);
            // Too many digits to parse is certainly too many rounds.
            return ok ? n : (attr.size() > 22 ? ~0ULL : 0);
        }
    }
    return 0;
}

}  // namespace

SaslClient::SaslClient() = default;

SaslClient::~SaslClient() {
    endSession();
    if (m_ctx) {
        gsasl_done(m_ctx);
    }
}

QString SaslClient::chooseMechanism(const QStringList& offered, bool plainAllowed) {
    for (QStringView mech : kPreferred) {
        if (mech == u"PLAIN" && !plainAllowed) {
            continue;
        }
        if (offered.contains(mech, Qt::CaseInsensitive)) {
            return mech.toString();
        }
    }
    return {};
}

Result<QByteArray> SaslClient::start(const QString& mechanism, const QString& authcid,
                                     const QString& password, const QString& host) {
    endSession();
    m_mechanism.clear();
    const QString mech = mechanism.toUpper();
    if (std::find(kPreferred.begin(), kPreferred.end(), mech) == kPreferred.end()) {
        return Error::make(ErrorCode::Usage,
                           tr("The SASL mechanism %1 is not supported.").arg(mechanism));
    }
    if (authcid.isEmpty() || password.isEmpty()) {
        return Error::make(ErrorCode::Usage, tr("Signing in needs a user name and a password."));
    }
    if (!m_ctx) {
        if (const int rc = gsasl_init(&m_ctx); rc != GSASL_OK) {
            m_ctx = nullptr;
            return Error::make(ErrorCode::Internal,
                               tr("GNU SASL could not start: %1").arg(gsaslMessage(rc)));
        }
        gsasl_callback_set(m_ctx, refuseCallback);
    }
    const QByteArray mechName = mech.toLatin1();
    if (const int rc = gsasl_client_start(m_ctx, mechName.constData(), &m_session);
        rc != GSASL_OK) {
        m_session = nullptr;
        return Error::make(ErrorCode::Usage,
                           tr("GNU SASL cannot run %1: %2").arg(mechanism, gsaslMessage(rc)));
    }
    m_mechanism = mech;

    // GNU SASL SASLpreps both for SCRAM but sends PLAIN's bytes as given, while RFC 4616 says
    // the client should prepare them too. Preparing here serves both (SASLprep of a prepared
    // string changes nothing) and reports forbidden characters before anything is sent.
    // They are "query" strings, as in GNU SASL's SCRAM, so unassigned code points may pass.
    QByteArray user = authcid.toUtf8();
    QByteArray pass = password.toUtf8();
    for (QByteArray* s : {&user, &pass}) {
        char* prepped = nullptr;
        const int rc = gsasl_saslprep(s->constData(), GSASL_ALLOW_UNASSIGNED, &prepped, nullptr);
        wipe(*s);
        if (rc != GSASL_OK) {
            wipe(user);
            wipe(pass);
            return fail(ErrorCode::AuthenticationFailed, forbiddenCharacters());
        }
        *s = QByteArray(prepped);
        wipe(prepped, std::strlen(prepped));
        gsasl_free(prepped);
    }
    int rc = gsasl_property_set(m_session, GSASL_AUTHID, user.constData());
    if (rc == GSASL_OK) {
        rc = gsasl_property_set(m_session, GSASL_PASSWORD, pass.constData());
    }
    wipe(user);
    wipe(pass);
    if (rc == GSASL_OK) {
        rc = gsasl_property_set(m_session, GSASL_SERVICE, "xmpp");
    }
    if (rc == GSASL_OK) {
        rc = gsasl_property_set(m_session, GSASL_HOSTNAME, host.toUtf8().constData());
    }
    if (rc != GSASL_OK) {
        return fail(ErrorCode::Internal, tr("GNU SASL failed: %1").arg(gsaslMessage(rc)));
    }

    QByteArray initial;
    rc = runStep({}, &initial);
    if (rc == GSASL_OK && !isScram()) {
        wipeSecrets();  // PLAIN has sent its password; GNU SASL need not keep it
        m_state = State::ClientComplete;
        return initial;
    }
    if (rc == GSASL_NEEDS_MORE && isScram()) {
        m_state = State::AwaitingServerFirst;
        return initial;
    }
    return fail(ErrorCode::Internal, tr("GNU SASL failed: %1").arg(gsaslMessage(rc)));
}

Result<QByteArray> SaslClient::step(const QByteArray& challenge) {
    QByteArray response;
    switch (m_state) {
        case State::Idle:
            return Error::make(ErrorCode::Usage,
                               tr("No SASL exchange is waiting for a challenge."));
        case State::ClientComplete:
            return fail(ErrorCode::Protocol,
                        tr("The server sent a SASL challenge after the exchange was complete."));
        case State::AwaitingServerFirst: {
            const qulonglong iterations = scramIterations(challenge);
            if (iterations > kMaxScramIterations) {
                return fail(
                    ErrorCode::PolicyViolation,
                    tr("The server asks for %1 SCRAM iterations; Rapport allows at most %2.")
                        .arg(iterations)
                        .arg(kMaxScramIterations));
            }
            const int rc = runStep(challenge, &response);
            if (rc == GSASL_NEEDS_MORE) {
                // The proof is computed: from here on only the expected server signature is
                // needed, so drop the password and the salted password (a password equivalent).
                wipeSecrets();
                m_state = State::AwaitingServerFinal;
                return response;
            }
            if (rc == GSASL_MECHANISM_PARSE_ERROR || rc == GSASL_OK) {
                return fail(ErrorCode::Protocol, tr("The server's SCRAM challenge is malformed."));
            }
            if (rc == GSASL_AUTHENTICATION_ERROR) {
                return fail(ErrorCode::AuthenticationFailed,
                            tr("The server's SCRAM challenge does not continue our nonce."));
            }
            return fail(ErrorCode::Internal, tr("GNU SASL failed: %1").arg(gsaslMessage(rc)));
        }
        case State::AwaitingServerFinal:
            if (runStep(challenge, &response) == GSASL_OK) {
                m_serverFinal = challenge;
                m_state = State::ClientComplete;
                return response;
            }
            return fail(ErrorCode::AuthenticationFailed,
                        challenge.startsWith("e=")
                            ? tr("The server rejected the SCRAM proof (%1).")
                                  .arg(QString::fromUtf8(challenge.mid(2)))
                            : tr("The server could not prove that it knows the password."));
    }
    return Error::make(ErrorCode::Internal, tr("SASL state is corrupt."));
}

Result<void> SaslClient::finish(const QByteArray& successData) {
    switch (m_state) {
        case State::Idle:
            return Error::make(ErrorCode::Usage, tr("No SASL exchange is waiting for success."));
        case State::ClientComplete:
            // PLAIN defines no additional data, so any is meaningless. SCRAM may repeat the
            // server-final it sent as a challenge, but must not send a different one.
            if (isScram() && !successData.isEmpty() && successData != m_serverFinal) {
                return fail(ErrorCode::AuthenticationFailed,
                            tr("The server sent two different SCRAM signatures."));
            }
            endSession();
            return Ok{};
        case State::AwaitingServerFirst:
            return fail(ErrorCode::AuthenticationFailed,
                        tr("The server reported success before SCRAM had started."));
        case State::AwaitingServerFinal: {
            QByteArray response;
            if (successData.isEmpty()) {
                return fail(ErrorCode::AuthenticationFailed,
                            tr("The server reported success without proving that it knows the "
                               "password."));
            }
            if (runStep(successData, &response) != GSASL_OK || !response.isEmpty()) {
                return fail(ErrorCode::AuthenticationFailed,
                            tr("The server could not prove that it knows the password."));
            }
            endSession();
            return Ok{};
        }
    }
    return Error::make(ErrorCode::Internal, tr("SASL state is corrupt."));
}

int SaslClient::runStep(const QByteArray& input, QByteArray* output) {
    char* out = nullptr;
    size_t outLen = 0;
    const int rc = gsasl_step(m_session, input.constData(), size_t(input.size()), &out, &outLen);
    if (out) {
        // PLAIN's output holds the password: clear GNU SASL's copy before freeing it.
        *output = QByteArray(out, qsizetype(outLen));
        wipe(out, outLen);
        gsasl_free(out);
    }
    return rc;
}

Error SaslClient::fail(ErrorCode code, const QString& message) {
    endSession();
    return Error::make(code, message);
}

void SaslClient::wipeSecrets() {
    if (m_session) {
        wipeProperty(m_session, GSASL_PASSWORD);
        wipeProperty(m_session, GSASL_SCRAM_SALTED_PASSWORD);
    }
}

void SaslClient::endSession() {
    if (m_session) {
        wipeSecrets();
        gsasl_finish(m_session);
        m_session = nullptr;
    }
    m_serverFinal.clear();
    m_state = State::Idle;
}

}  // namespace rapport::xmpp
