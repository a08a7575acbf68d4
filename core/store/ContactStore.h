// The roster mirror: contacts as the server last told us, so the contact list shows at
// once, offline too. The roster extension stays the authority; this is its copy.
#pragma once

#include <QFuture>
#include <QList>
#include <QStringList>

#include "common/Result.h"

namespace rapport::store {

class Database;

struct StoredContact {
    QString jid;  // bare
    QString name;
    QString subscription = QStringLiteral("none");  // none, to, from, both
    QStringList groups;

    bool operator==(const StoredContact&) const = default;
};

class ContactStore {
public:
    explicit ContactStore(Database& db) : m_db(db) {}

    // Inserts or updates each contact (by jid), in one transaction.
    QFuture<Result<void>> upsert(QList<StoredContact> contacts);
    // After a full roster fetch: the store holds exactly `contacts`.
    QFuture<Result<void>> replaceAll(QList<StoredContact> contacts);
    QFuture<Result<QList<StoredContact>>> list();  // by jid
    QFuture<Result<void>> remove(QString jid);

private:
    Database& m_db;
};

}  // namespace rapport::store
