#pragma once

#include "cli/CliSession.h"

namespace rapport::cli {

// listen [--count N] [--timeout SECONDS]: prints each incoming chat message as a JSON
// line (receipts are sent by the receipts extension); exits 0 after N messages or at
// the timeout.
void runListen(CliSession& session);

}  // namespace rapport::cli
