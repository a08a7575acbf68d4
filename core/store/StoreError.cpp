#include "store/StoreError.h"

#include "store/Database.h"

namespace rapport::store {

namespace {

// SQLite primary result codes (sqlite3.h); Qt reports extended codes, whose low byte
// is the primary one.
enum SqliteCode {
    Perm = 3,
    Busy = 5,
    Locked = 6,
    ReadOnlyDb = 8,
    IoErr = 10,
    CorruptDb = 11,
    Full = 13,
    CantOpen = 14,
    NotADb = 26,
};

}  // namespace

int sqliteCode(const QSqlError& error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

Error sqlError(const QSqlError& error, const QString& what) {
    ErrorCode code = ErrorCode::Internal;
    QString cond = condition::Statement;
    QString reason;
    switch (sqliteCode(error)) {
        case Busy:
        case Locked:
            code = ErrorCode::Timeout;
            cond = condition::Locked;
            reason = Database::tr(
                "the database is in use by another program (is Rapport already running "
                "with this profile?)");
            break;
        case Perm:
        case ReadOnlyDb:
        case CantOpen:
            code = ErrorCode::Io;
            cond = condition::ReadOnly;
            reason = Database::tr("the database file or its folder cannot be written");
            break;
        case Full:
            code = ErrorCode::Io;
            cond = condition::DiskFull;
            reason = Database::tr("the disk is full");
            break;
        case IoErr:
            code = ErrorCode::Io;
            cond = condition::IoFailure;
            reason = Database::tr("the disk reported an error");
            break;
        case CorruptDb:
            code = ErrorCode::Protocol;
            if (error.nativeErrorCode() == QLatin1String("267")) {  // SQLITE_CORRUPT_VTAB
                cond = condition::SearchIndexDamaged;
                reason = Database::tr("the search index is damaged");
            } else {
                cond = condition::Corrupt;
                reason = Database::tr("the database file is damaged");
            }
            break;
        case NotADb:
            code = ErrorCode::Protocol;
            cond = condition::NotADatabase;
            reason = Database::tr("the file is not a Rapport database");
            break;
        default:
            break;
    }
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    QString message = reason.isEmpty() ? QStringLiteral("%1: %2.").arg(what, detail)
                                       : QStringLiteral("%1: %2 (%3).").arg(what, reason, detail);
    return Error::make(code, message, cond);
}

Error sqlError(const QSqlQuery& query, const QString& what) {
    return sqlError(query.lastError(), what);
}

bool isCorruption(const Error& error) {
    return error.condition == condition::Corrupt || error.condition == condition::NotADatabase;
}

}  // namespace rapport::store
