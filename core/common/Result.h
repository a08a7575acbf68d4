// Errors as values: every operation that can fail returns Result<T>, whose
// Error carries a code the caller can branch on and a message a user can read.
#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace rapport {

enum class ErrorCode {
    Usage,                 // the caller asked for something impossible
    AuthenticationFailed,  // wrong credentials, or no acceptable SASL mechanism
    ServerUnreachable,     // could not connect at all (DNS, refused, TLS handshake)
    Certificate,           // TLS certificate not trusted
    ConnectionLost,        // was connected, then the connection went away
    Timeout,               // nobody answered in time
    Protocol,              // the peer broke the XMPP or framing rules
    PolicyViolation,       // input over a limit (size, depth) or forbidden (DTD)
    StanzaError,           // the server or peer answered with <error/>
    NotFound,
    Io,
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;    // one clear sentence for a user or a log
    QString condition;  // XMPP defined condition, e.g. "not-authorized", when there is one

    static Error make(ErrorCode c, QString msg, QString cond = {}) {
        return Error{c, std::move(msg), std::move(cond)};
    }
};

template <class T>
class [[nodiscard]] Result {
public:
    // Default-constructed results are errors, so a forgotten assignment never reads as success
    // (and QFuture can hold a Result).
    Result() : m_v(Error{ErrorCode::Internal, QStringLiteral("No result"), {}}) {}
    Result(T value) : m_v(std::move(value)) {}      // NOLINT: implicit by design
    Result(Error error) : m_v(std::move(error)) {}  // NOLINT: implicit by design

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_v); }
    T& value() & { return std::get<T>(m_v); }
    T&& value() && { return std::get<T>(std::move(m_v)); }
    // On success, an empty Error: callers may format error() unconditionally
    // (e.g. QVERIFY2(r.ok(), qPrintable(r.error().message))).
    const Error& error() const {
        static const Error none{ErrorCode::Internal, {}, {}};
        const Error* e = std::get_if<Error>(&m_v);
        return e ? *e : none;
    }

private:
    std::variant<T, Error> m_v;
};

// Result<void>: success carries nothing.
struct Ok {};
template <>
class [[nodiscard]] Result<void> {
public:
    // As for Result<T>: a default-constructed result is an error, never a silent success.
    Result() : m_error{ErrorCode::Internal, QStringLiteral("No result"), {}}, m_ok(false) {}
    Result(Ok) {}                                                    // NOLINT
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}  // NOLINT

    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

}  // namespace rapport
