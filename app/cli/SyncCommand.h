#pragma once

#include "cli/CliSession.h"

namespace rapport::cli {

// sync: connects, catches up with the server's archive, sends what the outbox holds,
// prints {"messages_fetched","conversations","seconds"} and exits.
void runSync(CliSession& session);

}  // namespace rapport::cli
