// The second half of every command that changes the team's library or tips: the change is
// already stored and queued; now go online, let the account's sync publish it, and report
// once it has, or once it is clear it cannot be now (offline, not a member, a timeout). The
// change then stays queued ("state": "pending") and the command still succeeds.
#pragma once

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

#include "cli/CliSession.h"
#include "cli/JsonOutput.h"
#include "library/TeamMembership.h"

namespace rapport::cli {

// Sync: library::LibrarySync or feed::FeedSync. `what` names it for the user ("library",
// "tips feed").
template <class Sync>
void publishThenReport(CliSession& session, Sync& sync, const QString& what,
                       std::function<void()> report) {
    auto once = [report = std::move(report), done = std::make_shared<bool>(false)] {
        if (!*done) {
            *done = true;
            report();
        }
    };
    QObject::connect(&sync, &Sync::membershipChanged, &session, [what](library::TeamMembership m) {
        if (m == library::TeamMembership::NotMember) {
            printInfoLine(QObject::tr("You are not a member of this team's %1; "
                                      "the change is kept here.")
                              .arg(what));
        } else if (m == library::TeamMembership::NotSetUp) {
            printInfoLine(QObject::tr("The team's %1 is not set up on this "
                                      "server yet (rapport-cli team init); the "
                                      "change is kept here.")
                              .arg(what));
        }
    });
    QObject::connect(&sync, &Sync::failed, &session,
                     [](const Error& error) { printInfoLine(error.message); });
    QObject::connect(&sync, &Sync::catchUpEnded, &session, once);
    session.setOfflineHandler([once](const Error& error) {
        if (error.code == ErrorCode::AuthenticationFailed || error.code == ErrorCode::Certificate ||
            error.code == ErrorCode::Usage) {
            return false;  // the user must act; the change stays queued meanwhile
        }
        once();
        return true;
    });
    const int timeoutMs = static_cast<int>(session.options().timeoutSeconds.value_or(30) * 1000);
    QTimer::singleShot(timeoutMs, &session, once);
    session.start([] {});  // the account starts the library and the feed with the session
}

}  // namespace rapport::cli
