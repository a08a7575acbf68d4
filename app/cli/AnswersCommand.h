#pragma once

#include "account/Account.h"
#include "cli/CliOptions.h"

namespace rapport::cli {

class CliSession;

// answers list | show ID | export FILE: the library from the local store (no network).
int runAnswersLocal(const CliOptions& options, Account& account);
// answers add | edit | delete | import FILE: the change is stored and queued first, then
// published if the server can be reached; either way exit 0 with the answer's line (import:
// a line per problem row, then the counts) and "state": "published" or "pending".
void runAnswersChange(CliSession& session);

// Whether `answers <sub>` only reads the local store.
bool isLocalAnswersCommand(const CliOptions& options);

}  // namespace rapport::cli
