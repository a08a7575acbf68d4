// Whether this account may use the team's nodes (library and tips), as the pubsub service
// answers: refusals are a state to show ("you are not a member of this team's library"),
// not errors to retry.
#pragma once

#include <QObject>
#include <optional>

#include "common/Result.h"

namespace rapport::library {
Q_NAMESPACE

enum class TeamMembership {
    Unknown,    // not checked yet (offline)
    Member,     // reads and publishes
    NotMember,  // the service refuses us: "you are not a member of this team's library"
    NotSetUp,   // the node does not exist: the team set-up has not run
};
Q_ENUM_NS(TeamMembership)

// The membership an error from the service means, if it is a refusal; nullopt for other
// failures (a timeout, a lost connection), which are retried.
inline std::optional<TeamMembership> membershipRefusedBy(const Error& error) {
    if (error.condition == u"forbidden" || error.condition == u"not-authorized" ||
        error.condition == u"registration-required" || error.condition == u"not-allowed") {
        return TeamMembership::NotMember;
    }
    if (error.condition == u"item-not-found") {
        return TeamMembership::NotSetUp;
    }
    return std::nullopt;
}

}  // namespace rapport::library
