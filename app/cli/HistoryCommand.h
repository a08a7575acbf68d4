#pragma once

#include "account/Account.h"
#include "cli/CliOptions.h"

namespace rapport::cli {

// history JID [--limit N]: the stored messages with JID, oldest first, as JSON lines
// (the fields of `listen`, plus direction and state). Reads the local store only.
int runHistory(const CliOptions& options, Account& account);

}  // namespace rapport::cli
