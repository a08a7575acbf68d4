// When to try again after losing the server: exponential backoff with full
// jitter, capped, and reset once a connection has proved stable. Pure logic.
#pragma once

#include <QRandomGenerator>
#include <chrono>

namespace rapport::xmpp {

class ReconnectPolicy {
public:
    using ms = std::chrono::milliseconds;

    explicit ReconnectPolicy(ms base = ms(1000), ms cap = ms(60000), ms stableAfter = ms(30000))
        : m_base(base), m_cap(cap), m_stableAfter(stableAfter) {}

    // The delay before the next attempt: between half and all of min(cap, base * 2^attempt),
    // so many clients dropped together do not return together.
    ms nextDelay(QRandomGenerator* rng = QRandomGenerator::global());
    // A connection stayed up for `uptime`: if that is stable, start again from base.
    void connectionEnded(ms uptime);
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }
    ms stableAfter() const { return m_stableAfter; }

private:
    ms m_base;
    ms m_cap;
    ms m_stableAfter;
    int m_attempt = 0;
};

}  // namespace rapport::xmpp
