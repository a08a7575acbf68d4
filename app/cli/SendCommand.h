#pragma once

#include "cli/CliSession.h"

namespace rapport::cli {

// send JID TEXT: stores the message in the outbox, then sends it. Prints
// {"id","to","queued":false,"acked":true} once the server has acknowledged it, or
// {"queued":true,...} when the server cannot be reached now (it goes out with the next
// command that gets online). Exits 0 in both cases.
void runSend(CliSession& session);

}  // namespace rapport::cli
