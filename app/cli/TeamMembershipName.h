// The team membership as rapport-cli prints it ("library", "tips" fields).
#pragma once

#include "library/TeamMembership.h"

namespace rapport::cli {

inline QString membershipName(library::TeamMembership m) {
    switch (m) {
        case library::TeamMembership::Member:
            return QStringLiteral("member");
        case library::TeamMembership::NotMember:
            return QStringLiteral("not-member");
        case library::TeamMembership::NotSetUp:
            return QStringLiteral("not-set-up");
        case library::TeamMembership::Unknown:
            break;
    }
    return QStringLiteral("unknown");
}

}  // namespace rapport::cli
