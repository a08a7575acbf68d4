#include "store/ContactStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include "store/Database.h"
#include "store/MessageRow_p.h"
#include "store/StoreError.h"
#include "store/SyncCursorStore.h"

namespace rapport::store {

namespace {

// The sync_cursors source the roster's version is kept under.
const QString RosterVersionSource = QStringLiteral("roster");

QString groupsToJson(const QStringList& groups) {
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(groups)).toJson(QJsonDocument::Compact));
}

QStringList groupsFromJson(const QString& json) {
    QStringList groups;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        groups.append(v.toString());
    }
    return groups;
}

Result<void> upsertOn(QSqlDatabase& db, const QList<StoredContact>& contacts) {
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO contacts(jid, name, subscription, groups, ask) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT(jid) DO UPDATE SET "
                       "name = excluded.name, subscription = excluded.subscription, "
                       "groups = excluded.groups, ask = excluded.ask"));
    for (const StoredContact& c : contacts) {
        if (c.jid.isEmpty()) {
            return Error::make(ErrorCode::Usage,
                               Database::tr("Internal error: a contact without a JID."));
        }
        q.addBindValue(c.jid);
        q.addBindValue(detail::notNull(c.name));
        q.addBindValue(c.subscription.isEmpty() ? QStringLiteral("none") : c.subscription);
        q.addBindValue(groupsToJson(c.groups));
        q.addBindValue(c.ask ? 1 : 0);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not save the contacts"));
        }
    }
    return Ok{};
}

}  // namespace

QFuture<Result<void>> ContactStore::upsert(QList<StoredContact> contacts) {
    return m_db.transaction(
        [contacts = std::move(contacts)](QSqlDatabase& db) { return upsertOn(db, contacts); });
}

QFuture<Result<void>> ContactStore::replaceAll(QList<StoredContact> contacts, QString version) {
    return m_db.transaction([contacts = std::move(contacts),
                             version = std::move(version)](QSqlDatabase& db) -> Result<void> {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("DELETE FROM contacts"))) {
            return sqlError(q, Database::tr("Could not save the contacts"));
        }
        if (Result<void> r = upsertOn(db, contacts); !r.ok()) {
            return r;
        }
        return SyncCursorStore::setOn(db, RosterVersionSource, version);
    });
}

namespace {

Result<QList<StoredContact>> listOn(QSqlDatabase& db) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT jid, name, subscription, groups, ask FROM contacts ORDER BY jid"))) {
        return sqlError(q, Database::tr("Could not read the contacts"));
    }
    QList<StoredContact> contacts;
    while (q.next()) {
        contacts.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         groupsFromJson(q.value(3).toString()), q.value(4).toInt() != 0});
    }
    return contacts;
}

}  // namespace

QFuture<Result<QList<StoredContact>>> ContactStore::list() {
    return m_db.run([](QSqlDatabase& db) { return listOn(db); });
}

QFuture<Result<StoredRoster>> ContactStore::load() {
    // On the store thread, where replaceAll() writes both in one transaction.
    return m_db.run([](QSqlDatabase& db) -> Result<StoredRoster> {
        Result<QList<StoredContact>> contacts = listOn(db);
        if (!contacts.ok()) {
            return contacts.error();
        }
        Result<QString> version = SyncCursorStore::getOn(db, RosterVersionSource);
        if (!version.ok()) {
            return version.error();
        }
        return StoredRoster{std::move(contacts).value(), version.value()};
    });
}

QFuture<Result<void>> ContactStore::remove(QString jid) {
    return m_db.run([jid = std::move(jid)](QSqlDatabase& db) -> Result<void> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM contacts WHERE jid = ?"));
        q.addBindValue(jid);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not remove the contact"));
        }
        return Ok{};
    });
}

QFuture<Result<QHash<QString, QString>>> ContactStore::profileNames() {
    return m_db.run([](QSqlDatabase& db) -> Result<QHash<QString, QString>> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT jid, name FROM profiles"))) {
            return sqlError(q, Database::tr("Could not read the contacts"));
        }
        QHash<QString, QString> names;
        while (q.next()) {
            names.insert(q.value(0).toString(), q.value(1).toString());
        }
        return names;
    });
}

QFuture<Result<void>> ContactStore::setProfileName(QString jid, QString name) {
    return m_db.run(
        [jid = std::move(jid), name = std::move(name)](QSqlDatabase& db) -> Result<void> {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "INSERT INTO profiles(jid, name, fetched) VALUES (?, ?, ?) ON CONFLICT(jid) "
                "DO UPDATE SET name = excluded.name, fetched = excluded.fetched"));
            q.addBindValue(jid);
            q.addBindValue(detail::notNull(name));
            q.addBindValue(QDateTime::currentMSecsSinceEpoch());
            if (!q.exec()) {
                return sqlError(q, Database::tr("Could not save the contacts"));
            }
            return Ok{};
        });
}

}  // namespace rapport::store
