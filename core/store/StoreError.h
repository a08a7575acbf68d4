// How the store turns SQLite failures into Errors: a sentence a user can read, an
// ErrorCode, and a store-specific condition (Error::condition) callers branch on,
// because ErrorCode alone cannot tell "locked" from "corrupt" from "read-only".
#pragma once

#include <QLatin1String>
#include <QSqlError>
#include <QSqlQuery>

#include "common/Result.h"

namespace rapport::store {

// Values of Error::condition set by the store, with the ErrorCode that goes with each.
namespace condition {
// Another program (or another Rapport on the same profile) holds the lock. ErrorCode::Timeout.
inline constexpr QLatin1String Locked{"database-locked"};
// The file or its folder cannot be written or created. ErrorCode::Io.
inline constexpr QLatin1String ReadOnly{"database-read-only"};
// The disk is full. ErrorCode::Io.
inline constexpr QLatin1String DiskFull{"disk-full"};
// Other I/O failures. ErrorCode::Io.
inline constexpr QLatin1String IoFailure{"io-failure"};
// The file is damaged: Database::moveAside() it and resync. ErrorCode::Protocol.
inline constexpr QLatin1String Corrupt{"database-corrupt"};
// A full-text index is damaged (SQLITE_CORRUPT_VTAB): Database::repairSearchIndex() rebuilds
// it from the tables; nothing is lost. ErrorCode::Protocol.
inline constexpr QLatin1String SearchIndexDamaged{"search-index-damaged"};
// The file is not an SQLite database at all. ErrorCode::Protocol.
inline constexpr QLatin1String NotADatabase{"not-a-database"};
// Written by a newer Rapport: its schema is unknown to us. ErrorCode::Usage.
inline constexpr QLatin1String NewerSchema{"newer-schema"};
// A statement failed for a reason that is our bug (constraint, syntax). ErrorCode::Internal.
inline constexpr QLatin1String Statement{"statement-failed"};
}  // namespace condition

// `what` says what failed, in the user's terms ("Could not save messages"); the
// SQLite reason is appended.
Error sqlError(const QSqlError& error, const QString& what);
Error sqlError(const QSqlQuery& query, const QString& what);

// The primary SQLite result code of `error` (SQLITE_BUSY = 5, ...), -1 if unknown.
int sqliteCode(const QSqlError& error);

// True for errors that mean the file itself is damaged (SQLITE_CORRUPT, _NOTADB): offer
// Database::moveAside() and a resync. A damaged search index is not one of them.
bool isCorruption(const Error& error);

}  // namespace rapport::store
