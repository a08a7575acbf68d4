#include "library/TeamNodeSync.h"

#include "common/Logging.h"

namespace rapport::library {

bool TeamNodeSync::beginCatchUp() {
    if (m_running) {
        return false;
    }
    m_running = true;
    emit catchUpStarted();
    return true;
}

bool TeamNodeSync::beginFlush() {
    if (m_running || m_flushing || m_membership != TeamMembership::Member) {
        return false;
    }
    m_flushing = true;
    return true;
}

bool TeamNodeSync::endRun() {
    const bool wasCatchUp = m_running;
    m_running = false;
    m_flushing = false;
    return wasCatchUp;
}

void TeamNodeSync::setMembership(TeamMembership membership) {
    if (membership != m_membership) {
        m_membership = membership;
        emit membershipChanged(membership);
    }
}

bool TeamNodeSync::refused(const Error& error) {
    const auto refusal = membershipRefusedBy(error);
    if (!refusal) {
        return false;
    }
    const bool wasCatchUp = endRun();
    setMembership(*refusal);
    qCInfo(lcXmpp) << "team node unavailable:" << error.message;
    if (wasCatchUp) {
        emit catchUpEnded();
    }
    return true;
}

void TeamNodeSync::fail(const Error& error, const char* what) {
    const bool wasCatchUp = endRun();
    qCWarning(lcXmpp) << what << "failed:" << error.message;
    emit failed(error);
    if (wasCatchUp) {
        emit catchUpEnded();
    }
}

}  // namespace rapport::library
