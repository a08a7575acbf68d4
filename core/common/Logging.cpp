#include "common/Logging.h"

// Wire logging shows stanza contents, so it is off unless asked for
// (QT_LOGGING_RULES="rapport.xmpp.wire.debug=true").
Q_LOGGING_CATEGORY(lcXmpp, "rapport.xmpp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcXmppWire, "rapport.xmpp.wire", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSasl, "rapport.xmpp.sasl", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "rapport.cli", QtInfoMsg)
