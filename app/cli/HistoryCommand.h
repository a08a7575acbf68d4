#pragma once

#include "account/Account.h"
#include "cli/CliOptions.h"

namespace rapport::cli {

// history JID [--limit N]: the stored messages with JID, oldest first, as JSON lines
// (the fields of `listen`, plus direction and state). Reads the local store only.
int runHistory(const CliOptions& options, Account& account);

class CliSession;
// history JID --fetch-older N: goes online, fetches up to N messages older than the oldest
// stored one from the server's archive (XEP-0313), then prints as above.
void runHistoryFetch(CliSession& session);

}  // namespace rapport::cli
