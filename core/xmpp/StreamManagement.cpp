#include "xmpp/StreamManagement.h"

namespace rapport::xmpp {

void StreamManagement::reset() {
    *this = StreamManagement();
}

void StreamManagement::enableRequested() {
    m_enableRequested = true;
    m_acked = 0;
}

void StreamManagement::enabled(const QString& resumeId, bool resumable) {
    m_enabled = true;
    m_inbound = 0;
    m_resumeId = resumeId;
    m_resumable = resumable;
}

QList<Element> StreamManagement::resumed(quint32 h) {
    if (!acknowledge(h, nullptr)) {
        // The server claims more than we sent; trust nothing and resend all.
        m_acked = h;
    }
    m_enabled = true;
    // What is left is resent, and counted again from the server's h.
    return takeUnacked();
}

QList<Element> StreamManagement::takeUnacked() {
    QList<Element> rest(m_unacked.begin(), m_unacked.end());
    m_unacked.clear();
    return rest;
}

void StreamManagement::sent(const Element& stanza) {
    if (!m_enableRequested) {
        return;
    }
    m_unacked.push_back(stanza);
}

bool StreamManagement::acknowledge(quint32 h, QList<Element>* confirmed) {
    const quint32 newlyAcked = h - m_acked;  // modular: counters wrap at 2^32
    if (newlyAcked > m_unacked.size()) {
        return false;
    }
    for (quint32 i = 0; i < newlyAcked; ++i) {
        if (confirmed) {
            confirmed->append(std::move(m_unacked.front()));
        }
        m_unacked.pop_front();
    }
    m_acked = h;
    return true;
}

}  // namespace rapport::xmpp
