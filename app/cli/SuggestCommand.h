// rapport-cli suggest TEXT: the answers of the local library that best fit a customer's
// message, best first, as the reply panel suggests them. Offline.
#pragma once

#include "account/Account.h"
#include "cli/CliOptions.h"

namespace rapport::cli {

int runSuggest(const CliOptions& options, Account& account);

}  // namespace rapport::cli
