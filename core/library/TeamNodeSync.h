// What the library's and the feed's syncs share: each keeps one team node in step, runs a
// catch-up at a time and a flush of its queue at a time, learns from the service's answers
// whether the account is a member, and says when a catch-up ended, whichever way (the account
// starts the feed's catch-up when the library's has ended; commands wait for it).
#pragma once

#include <QObject>

#include "common/Result.h"
#include "library/TeamMembership.h"

namespace rapport::library {

class TeamNodeSync : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    bool isRunning() const { return m_running; }
    TeamMembership membership() const { return m_membership; }

signals:
    void membershipChanged(rapport::library::TeamMembership membership);
    void failed(const rapport::Error& error);
    void catchUpStarted();
    // A catch-up ended: synced, failed, or refused.
    void catchUpEnded();

protected:
    // A catch-up may start (none runs); marks it running.
    bool beginCatchUp();
    // A flush may start: no catch-up or flush runs and we are a member.
    bool beginFlush();
    // The run ended well. True if it was a catch-up; the caller then reports its summary
    // and calls catchUpEnded().
    bool endRun();
    void setMembership(TeamMembership membership);
    // If `error` is the service refusing us, records the membership, ends the run and
    // returns true.
    bool refused(const Error& error);
    // Any other failure: logged under `what`, reported, the run ends.
    void fail(const Error& error, const char* what);

private:
    bool m_running = false;
    bool m_flushing = false;
    TeamMembership m_membership = TeamMembership::Unknown;
};

}  // namespace rapport::library
