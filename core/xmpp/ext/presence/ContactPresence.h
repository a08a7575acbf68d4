// What one resource of a contact (or we ourselves) announce: availability, a
// free-text status and a priority (RFC 6121 4.7).
#pragma once

#include <QString>

namespace rapport::xmpp {

// <show/> values plus the two ends of the scale: plain available (no <show/>) and gone.
enum class PresenceShow { Available, Chat, Away, ExtendedAway, DoNotDisturb, Unavailable };

struct ContactPresence {
    PresenceShow show = PresenceShow::Unavailable;
    QString status;
    int priority = 0;

    bool isAvailable() const { return show != PresenceShow::Unavailable; }
    bool operator==(const ContactPresence&) const = default;
};

}  // namespace rapport::xmpp
