#include "store/StoreLogging.h"

// Never logs message bodies above debug: only counts, paths and SQLite's reasons.
Q_LOGGING_CATEGORY(lcStore, "rapport.store", QtInfoMsg)
