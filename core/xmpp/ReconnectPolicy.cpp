#include "xmpp/ReconnectPolicy.h"

#include <algorithm>

namespace rapport::xmpp {

ReconnectPolicy::ms ReconnectPolicy::nextDelay(QRandomGenerator* rng) {
    const int shift = std::min(m_attempt, 20);
    const qint64 ceiling = std::min<qint64>(m_cap.count(), m_base.count() << shift);
    ++m_attempt;
    const qint64 low = ceiling / 2;
    return ms(low + static_cast<qint64>(rng->bounded(static_cast<quint64>(ceiling - low + 1))));
}

void ReconnectPolicy::connectionEnded(ms uptime) {
    if (uptime >= m_stableAfter) {
        m_attempt = 0;
    }
}

}  // namespace rapport::xmpp
