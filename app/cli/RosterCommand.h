#pragma once

#include "cli/CliSession.h"

namespace rapport::cli {

// roster: prints the roster as JSON lines (jid, name, subscription, groups).
void runRoster(CliSession& session);

}  // namespace rapport::cli
