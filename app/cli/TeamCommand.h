#pragma once

#include "cli/CliSession.h"

namespace rapport::cli {

// team init --service S --members A,B | team add-member JID | team remove-member JID:
// provisioning of the team's library and tips nodes by an admin of the pubsub service.
// Idempotent: init only creates and adds what is missing, and prints what it did.
void runTeam(CliSession& session);

}  // namespace rapport::cli
