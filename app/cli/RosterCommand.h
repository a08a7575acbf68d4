#pragma once

#include "cli/CliSession.h"

namespace rapport::cli {

// roster: prints the roster as JSON lines (jid, name, subscription, groups).
// roster set JID [--name N] [--group G]...: adds or changes one contact (its name and
// groups replace what the roster had) and prints it as one such line. The group decides
// how the app treats the contact: a colleague ("Team", "Colleagues", ...) or a customer.
void runRoster(CliSession& session);

}  // namespace rapport::cli
