// rapport-cli tips: the team's tips feed. list and show read the local store; post,
// comment, like and unlike store and queue the change, then publish it if the server can be
// reached (else it stays queued, "state": "pending", exit 0).
#pragma once

#include "account/Account.h"
#include "cli/CliOptions.h"

namespace rapport::cli {

class CliSession;

bool isLocalTipsCommand(const CliOptions& options);
int runTipsLocal(const CliOptions& options, Account& account);
void runTipsChange(CliSession& session);

}  // namespace rapport::cli
