#pragma once

#include "cli/CliSession.h"

namespace rapport::cli {

// send JID TEXT: sends one chat message and exits 0 once the server has acknowledged
// it (XEP-0198 ack, or a ping round trip where the server lacks stream management).
void runSend(CliSession& session);

}  // namespace rapport::cli
