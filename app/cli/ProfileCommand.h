#pragma once

#include "cli/CliSession.h"

namespace rapport::cli {

// profile [JID]: the name in a profile (ours without JID) as one JSON line: jid, name
// ("" when the profile has none).
// profile set-name NAME: sets our name in our profile (how the team sees us; it signs
// replies as {{me.name}}), keeping the rest of it, and prints it the same way.
void runProfile(CliSession& session);

}  // namespace rapport::cli
