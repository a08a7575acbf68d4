// Logging categories, one per area. Never log passwords; message bodies only at debug.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcXmpp)
Q_DECLARE_LOGGING_CATEGORY(lcXmppWire)
Q_DECLARE_LOGGING_CATEGORY(lcSasl)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
