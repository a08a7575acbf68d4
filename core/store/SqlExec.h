// Running one statement with bound values on the store thread, failing with a sentence the
// user can read (`what`, plus SQLite's reason). For the stores' many small writes.
#pragma once

#include <QSqlDatabase>
#include <QVariantList>

#include "common/Result.h"

namespace rapport::store {

Result<void> execBound(QSqlDatabase& db, const QString& sql, const QVariantList& binds,
                       const QString& what);

// SQLite binds a null QString as NULL; NOT NULL text columns want "" instead.
inline QVariant textValue(const QString& s) {
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

}  // namespace rapport::store
