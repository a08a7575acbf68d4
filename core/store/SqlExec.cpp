#include "store/SqlExec.h"

#include <QSqlQuery>

#include "store/StoreError.h"

namespace rapport::store {

Result<void> execBound(QSqlDatabase& db, const QString& sql, const QVariantList& binds,
                       const QString& what) {
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant& v : binds) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return sqlError(q, what);
    }
    return Ok{};
}

}  // namespace rapport::store
