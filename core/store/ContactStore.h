// The roster mirror: contacts as the server last told us, with the roster version they
// are at (RFC 6121 2.6), so the contact list shows at once, offline too, and the next
// session asks only for what changed. The roster extension stays the authority; this is
// its copy (kept by sync::RosterMirror).
#pragma once

#include <QFuture>
#include <QHash>
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
    bool ask = false;  // we asked to see their presence; no answer yet

    bool operator==(const StoredContact&) const = default;
};

struct StoredRoster {
    QList<StoredContact> contacts;  // by jid
    QString version;                // empty: unknown, the next fetch is a full one
};

class ContactStore {
public:
    explicit ContactStore(Database& db) : m_db(db) {}

    // Inserts or updates each contact (by jid), in one transaction.
    QFuture<Result<void>> upsert(QList<StoredContact> contacts);
    // The store holds exactly `contacts`, at roster `version`, in one transaction: a
    // version is never kept without the items it stands for.
    QFuture<Result<void>> replaceAll(QList<StoredContact> contacts, QString version = {});
    QFuture<Result<QList<StoredContact>>> list();  // by jid
    QFuture<Result<StoredRoster>> load();
    QFuture<Result<void>> remove(QString jid);

    // The names people give themselves in their profiles (sync::ProfileNames), by bare JID.
    QFuture<Result<QHash<QString, QString>>> profileNames();
    QFuture<Result<void>> setProfileName(QString jid, QString name);

private:
    Database& m_db;
};

}  // namespace rapport::store
