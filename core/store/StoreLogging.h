// The store's logging category. It lives here rather than in common/Logging.h only
// because store/ was written in parallel with common/; move it there when convenient.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)
