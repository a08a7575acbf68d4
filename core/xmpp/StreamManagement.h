// XEP-0198 bookkeeping, free of I/O so it can be tested on its own: counts what
// was received (for <a h/>), keeps what was sent until the server acks it, and
// remembers what is needed to resume the session on a new connection.
#pragma once

#include <QList>
#include <QString>
#include <deque>

#include "xmpp/Element.h"

namespace rapport::xmpp {

class StreamManagement {
public:
    // A fresh session: forget counters, resumption and everything unacked.
    void reset();

    // <enable/> was sent: from now on outbound stanzas are counted.
    void enableRequested();
    // <enabled/> arrived: inbound counting starts, and resumption is possible if given an id.
    void enabled(const QString& resumeId, bool resumable);
    // <resumed h/> arrived: the server saw our stanzas up to h; the rest must be resent.
    // Returns them, in order, and clears them from the queue (resending re-queues them).
    QList<Element> resumed(quint32 h);
    // Resumption failed or the session is new: everything not acked, to resend in a new session.
    QList<Element> takeUnacked();

    bool isEnabled() const { return m_enabled; }
    bool canResume() const { return m_resumable && !m_resumeId.isEmpty(); }
    const QString& resumeId() const { return m_resumeId; }

    void countInbound() { ++m_inbound; }
    quint32 inboundCount() const { return m_inbound; }

    // A stanza went out; it stays queued until acked.
    void sent(const Element& stanza);
    // <a h/>: returns the stanzas this ack confirms. h beyond what was sent is a
    // protocol violation by the server (returns false).
    bool acknowledge(quint32 h, QList<Element>* confirmed);
    qsizetype unackedCount() const { return static_cast<qsizetype>(m_unacked.size()); }

    // Disconnected: counting stops until enabled() or resumed(), but the queue stays.
    void suspend() { m_enabled = false; }

private:
    bool m_enableRequested = false;
    bool m_enabled = false;
    bool m_resumable = false;
    QString m_resumeId;
    quint32 m_inbound = 0;
    // The last h the server confirmed; m_acked + unacked count = stanzas sent (mod 2^32).
    quint32 m_acked = 0;
    std::deque<Element> m_unacked;
};

}  // namespace rapport::xmpp
