#pragma once

#include "account/Account.h"
#include "cli/CliOptions.h"

namespace rapport::cli {

// search QUERY [--limit N]: JSON lines with kind, id, title (answers), snippet, score, and
// conversation and timestamp for messages. Local store only: works with no network.
int runSearch(const CliOptions& options, Account& account);

}  // namespace rapport::cli
