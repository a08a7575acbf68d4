#include "library/AnswerStore.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QUuid>

#include "library/AnswerPayload.h"
#include "store/Database.h"
#include "store/SqlExec.h"
#include "store/StoreError.h"

namespace rapport::library {

using store::Database;
using store::execBound;
using store::sqlError;

namespace {

const QString Columns = QStringLiteral(
    "id, title, body, tags, author, created, updated, version, use_count, state, "
    "conflict_of, coalesce(base_version, 0)");

// A row as stored: the answer, and the version a pending edit started from (0 if none).
struct Row {
    Answer answer;
    int baseVersion = 0;
};

Answer::State stateOf(const QString& name) {
    if (name == u"pending") {
        return Answer::State::Pending;
    }
    return name == u"conflict" ? Answer::State::Conflict : Answer::State::Published;
}

QDateTime fromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

Row readRow(const QSqlQuery& q) {
    Row row;
    Answer& a = row.answer;
    a.id = q.value(0).toString();
    a.title = q.value(1).toString();
    a.body = q.value(2).toString();
    a.tags = q.value(3).toString().split(u' ', Qt::SkipEmptyParts);
    a.author = q.value(4).toString();
    a.created = fromMs(q.value(5).toLongLong());
    a.updated = fromMs(q.value(6).toLongLong());
    a.version = q.value(7).toInt();
    a.uses = q.value(8).toInt();
    a.state = stateOf(q.value(9).toString());
    a.conflictOf = q.value(10).toString();
    row.baseVersion = q.value(11).toInt();
    return row;
}

Result<std::optional<Row>> find(QSqlDatabase& db, const QString& id) {
    QSqlQuery q(db);
    q.prepare(QLatin1String("SELECT ") + Columns + QLatin1String(" FROM answers WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        return sqlError(q, Database::tr("Could not read the answer"));
    }
    if (!q.next()) {
        return std::optional<Row>();
    }
    return std::optional<Row>(readRow(q));
}

Result<Row> findOrFail(QSqlDatabase& db, const QString& id) {
    auto found = find(db, id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return Error::make(ErrorCode::NotFound,
                           Database::tr("There is no answer with the id %1.").arg(id));
    }
    return *found.value();
}

// SQLite binds a null QString as NULL; the text columns are NOT NULL, empty is fine.
QVariant text(const QString& s) {
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

// Inserts or replaces the row (keeping its use count).
Result<void> write(QSqlDatabase& db, const Answer& a, std::optional<int> baseVersion) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO answers(id, title, body, tags, author, created, updated, version, "
        "use_count, state, base_version, conflict_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET title = excluded.title, body = excluded.body, "
        "tags = excluded.tags, author = excluded.author, created = excluded.created, "
        "updated = excluded.updated, version = excluded.version, state = excluded.state, "
        "base_version = excluded.base_version, conflict_of = excluded.conflict_of"));
    for (const QVariant& v :
         {QVariant(a.id), text(a.title), text(a.body), text(a.tags.join(u' ')), text(a.author),
          QVariant(a.created.toMSecsSinceEpoch()), QVariant(a.updated.toMSecsSinceEpoch()),
          QVariant(a.version), QVariant(a.uses), QVariant(stateName(a.state)),
          baseVersion ? QVariant(*baseVersion) : QVariant(QMetaType::fromType<int>()),
          a.conflictOf.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                 : QVariant(a.conflictOf)}) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return sqlError(q, Database::tr("Could not save the answer"));
    }
    return Ok{};
}

Result<void> queue(QSqlDatabase& db, const QString& itemId, const QString& action) {
    return execBound(
        db,
        QStringLiteral("INSERT INTO library_outbox(node, item_id, action, created) "
                       "VALUES (?, ?, ?, ?) "
                       "ON CONFLICT(node, item_id) DO UPDATE SET action = excluded.action"),
        {AnswersNode, itemId, action, QDateTime::currentMSecsSinceEpoch()},
        Database::tr("Could not queue the change for the team"));
}

Result<void> unqueue(QSqlDatabase& db, const QString& itemId) {
    return execBound(db,
                     QStringLiteral("DELETE FROM library_outbox WHERE node = ? AND item_id = ?"),
                     {AnswersNode, itemId}, Database::tr("Could not update the queue of changes"));
}

Result<Answer> refuseInvalid(const Answer& a) {
    if (const QString why = AnswerPayload::invalidReason(a); !why.isEmpty()) {
        return Error::make(ErrorCode::Usage,
                           Database::tr("The answer cannot be saved: %1.").arg(why));
    }
    return a;
}

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

}  // namespace

QFuture<Result<Answer>> AnswerStore::create(Answer draft) {
    return m_db.transaction([draft = std::move(draft)](QSqlDatabase& db) mutable -> Result<Answer> {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (draft.id.isEmpty()) {
            draft.id = newId();
        }
        draft.created = draft.created.isValid() ? draft.created.toUTC() : now;
        draft.updated = draft.updated.isValid() ? draft.updated.toUTC() : draft.created;
        draft.tags = AnswerPayload::normalizeTags(draft.tags);
        draft.version = 1;
        draft.state = Answer::State::Pending;
        draft.conflictOf.clear();
        if (Result<Answer> ok = refuseInvalid(draft); !ok) {
            return ok;
        }
        auto existing = find(db, draft.id);
        if (!existing) {
            return existing.error();
        }
        if (existing.value()) {
            return Error::make(
                ErrorCode::Usage,
                Database::tr("An answer with the id %1 exists already.").arg(draft.id));
        }
        if (auto r = write(db, draft, 0); !r) {
            return r.error();
        }
        if (auto r = queue(db, draft.id, QStringLiteral("publish")); !r) {
            return r.error();
        }
        return draft;
    });
}

QFuture<Result<Answer>> AnswerStore::edit(QString id, AnswerEdit change, QString author) {
    return m_db.transaction([id = std::move(id), change = std::move(change),
                             author = std::move(author)](QSqlDatabase& db) -> Result<Answer> {
        Result<Row> found = findOrFail(db, id);
        if (!found) {
            return found.error();
        }
        Answer a = found.value().answer;
        if (a.state == Answer::State::Conflict) {
            return Error::make(ErrorCode::Usage,
                               Database::tr("A conflict copy cannot be edited: merge it into "
                                            "the answer, or discard it."));
        }
        // A pending edit keeps the base it started from; a published answer starts one now.
        const int base = a.state == Answer::State::Pending ? found.value().baseVersion : a.version;
        if (change.title) {
            a.title = *change.title;
        }
        if (change.body) {
            a.body = *change.body;
        }
        if (change.tags) {
            a.tags = AnswerPayload::normalizeTags(*change.tags);
        }
        a.author = author;
        a.updated = QDateTime::currentDateTimeUtc();
        a.version = base + 1;
        a.state = Answer::State::Pending;
        if (Result<Answer> ok = refuseInvalid(a); !ok) {
            return ok;
        }
        if (auto r = write(db, a, base); !r) {
            return r.error();
        }
        if (auto r = queue(db, a.id, QStringLiteral("publish")); !r) {
            return r.error();
        }
        return a;
    });
}

QFuture<Result<void>> AnswerStore::remove(QString id) {
    return m_db.transaction([id = std::move(id)](QSqlDatabase& db) -> Result<void> {
        Result<Row> found = findOrFail(db, id);
        if (!found) {
            return found.error();
        }
        const bool everPublished =
            found.value().answer.state == Answer::State::Published || found.value().baseVersion > 0;
        if (auto r =
                execBound(db, QStringLiteral("DELETE FROM answers WHERE id = ? OR conflict_of = ?"),
                          {id, id}, Database::tr("Could not delete the answer"));
            !r) {
            return r;
        }
        // Never published: nothing to take back, only the queued publish goes.
        return everPublished ? queue(db, id, QStringLiteral("retract")) : unqueue(db, id);
    });
}

QFuture<Result<void>> AnswerStore::discardConflict(QString copyId) {
    return m_db.run([copyId = std::move(copyId)](QSqlDatabase& db) {
        return execBound(db,
                         QStringLiteral("DELETE FROM answers WHERE id = ? AND state = 'conflict'"),
                         {copyId}, Database::tr("Could not discard the conflict copy"));
    });
}

QFuture<Result<void>> AnswerStore::countUse(QString id) {
    return m_db.run([id = std::move(id)](QSqlDatabase& db) {
        return execBound(
            db, QStringLiteral("UPDATE answers SET use_count = use_count + 1 WHERE id = ?"), {id},
            Database::tr("Could not count the use of the answer"));
    });
}

namespace {

QString titleKey(const QString& title) {
    return title.trimmed().toCaseFolded();
}

// A row's id in canonical form if it is a UUID, else empty.
QString uuidOrEmpty(const QString& id) {
    const QUuid uuid = QUuid::fromString(id.trimmed());
    return uuid.isNull() ? QString() : uuid.toString(QUuid::WithoutBraces);
}

}  // namespace

QFuture<Result<ImportOutcome>> AnswerStore::importAnswers(QList<Answer> rows, QString author) {
    return m_db.transaction([rows = std::move(rows), author = std::move(author)](
                                QSqlDatabase& db) -> Result<ImportOutcome> {
        // The whole library in memory: one read instead of two queries per row.
        QHash<QString, Row> byId;
        QHash<QString, QString> byTitle;  // title key -> id; conflict copies never match
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QLatin1String("SELECT ") + Columns +
                    QLatin1String(" FROM answers ORDER BY updated DESC, id"))) {
            return sqlError(q, Database::tr("Could not read the answers"));
        }
        while (q.next()) {
            Row row = readRow(q);
            const QString key = titleKey(row.answer.title);
            if (row.answer.state != Answer::State::Conflict && !byTitle.contains(key)) {
                byTitle.insert(key, row.answer.id);  // the most recently updated one
            }
            byId.insert(row.answer.id, std::move(row));
        }
        q.finish();

        ImportOutcome out;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < rows.size(); ++i) {
            const Answer& in = rows[i];
            const QStringList tags = AnswerPayload::normalizeTags(in.tags);
            const QString rowId = uuidOrEmpty(in.id);
            std::optional<Row> match;
            if (auto it = byId.constFind(rowId); !rowId.isEmpty() && it != byId.cend() &&
                                                 it->answer.state != Answer::State::Conflict) {
                match = *it;
            } else if (auto t = byTitle.constFind(titleKey(in.title)); t != byTitle.cend()) {
                match = byId.value(*t);
            }
            Row next;
            if (match) {
                const Answer& old = match->answer;
                if (old.title == in.title && old.body == in.body && old.tags == tags) {
                    ++out.skipped;
                    out.ids << old.id;
                    continue;
                }
                // As edit(): a pending answer keeps the base it started from.
                next = *match;
                next.baseVersion =
                    old.state == Answer::State::Pending ? match->baseVersion : old.version;
                next.answer.version = next.baseVersion + 1;
            } else {
                next.answer.id = !rowId.isEmpty() && !byId.contains(rowId) ? rowId : newId();
                next.answer.created = in.created.isValid() ? in.created.toUTC() : now;
                next.answer.version = 1;
            }
            Answer& a = next.answer;
            a.title = in.title;
            a.body = in.body;
            a.tags = tags;
            a.author = author;
            a.updated = now;
            a.state = Answer::State::Pending;
            if (const QString why = AnswerPayload::invalidReason(a); !why.isEmpty()) {
                out.refused << ImportOutcome::Refusal{i, why};
                continue;
            }
            if (auto r = write(db, a, next.baseVersion); !r) {
                return r.error();
            }
            if (auto r = queue(db, a.id, QStringLiteral("publish")); !r) {
                return r.error();
            }
            if (match) {
                ++out.updated;
                if (const QString oldKey = titleKey(match->answer.title);
                    byTitle.value(oldKey) == a.id) {
                    byTitle.remove(oldKey);
                }
            } else {
                ++out.created;
            }
            // A later row with this title updates this answer.
            byTitle.insert(titleKey(a.title), a.id);
            out.ids << a.id;
            byId.insert(a.id, std::move(next));
        }
        return out;
    });
}

QFuture<Result<Answer>> AnswerStore::get(QString id) {
    return m_db.run([id = std::move(id)](QSqlDatabase& db) -> Result<Answer> {
        Result<Row> found = findOrFail(db, id);
        if (!found) {
            return found.error();
        }
        return found.value().answer;
    });
}

QFuture<Result<QList<Answer>>> AnswerStore::list() {
    return m_db.run([](QSqlDatabase& db) -> Result<QList<Answer>> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QLatin1String("SELECT ") + Columns +
                    QLatin1String(" FROM answers ORDER BY updated DESC, id"))) {
            return sqlError(q, Database::tr("Could not read the answers"));
        }
        QList<Answer> out;
        while (q.next()) {
            out << readRow(q).answer;
        }
        return out;
    });
}

QFuture<Result<QHash<QString, int>>> AnswerStore::publishedVersions() {
    return m_db.run([](QSqlDatabase& db) -> Result<QHash<QString, int>> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, version FROM answers WHERE state = 'published'"))) {
            return sqlError(q, Database::tr("Could not read the answers"));
        }
        QHash<QString, int> out;
        while (q.next()) {
            out.insert(q.value(0).toString(), q.value(1).toInt());
        }
        return out;
    });
}

namespace {

// One item from the server, inside a transaction: true if the local copy changed.
Result<bool> applyOne(QSqlDatabase& db, Answer remote) {
    auto found = find(db, remote.id);
    if (!found) {
        return found.error();
    }
    if (found.value()) {
        const Answer* local = &found.value()->answer;
        if (local->state == Answer::State::Pending) {
            return false;
        }
        const bool same = local->version == remote.version && local->title == remote.title &&
                          local->body == remote.body && local->tags == remote.tags &&
                          local->updated == remote.updated;
        if (same || local->version > remote.version) {
            return false;
        }
        remote.uses = local->uses;
    }
    remote.state = Answer::State::Published;
    remote.conflictOf.clear();
    if (auto r = write(db, remote, std::nullopt); !r) {
        return r.error();
    }
    return true;
}

}  // namespace

QFuture<Result<bool>> AnswerStore::applyRemote(Answer remote) {
    return m_db.transaction([remote = std::move(remote)](QSqlDatabase& db) mutable {
        return applyOne(db, std::move(remote));
    });
}

QFuture<Result<int>> AnswerStore::applyRemote(QList<Answer> remote) {
    return m_db.transaction([remote = std::move(remote)](QSqlDatabase& db) -> Result<int> {
        int changed = 0;
        for (const Answer& a : remote) {
            Result<bool> r = applyOne(db, a);
            if (!r) {
                return r.error();
            }
            changed += r.value() ? 1 : 0;
        }
        return changed;
    });
}

QFuture<Result<bool>> AnswerStore::applyRetract(QString id) {
    return m_db.transaction([id = std::move(id)](QSqlDatabase& db) -> Result<bool> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM answers WHERE id = ? AND state = 'published'"));
        q.addBindValue(id);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not delete the answer"));
        }
        return q.numRowsAffected() > 0;
    });
}

QFuture<Result<QList<LibraryAction>>> AnswerStore::pendingActions() {
    return m_db.run([](QSqlDatabase& db) -> Result<QList<LibraryAction>> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT id, action, item_id, attempts FROM library_outbox "
                           "WHERE node = ? ORDER BY id"));
        q.addBindValue(AnswersNode);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not read the queue of changes"));
        }
        QList<LibraryAction> out;
        while (q.next()) {
            LibraryAction action;
            action.id = q.value(0).toLongLong();
            action.kind = q.value(1).toString() == u"retract" ? LibraryAction::Kind::Retract
                                                              : LibraryAction::Kind::Publish;
            action.itemId = q.value(2).toString();
            action.attempts = q.value(3).toInt();
            out << action;
        }
        q.finish();
        for (LibraryAction& action : out) {
            if (action.kind == LibraryAction::Kind::Publish) {
                Result<Row> row = findOrFail(db, action.itemId);
                if (!row) {
                    return row.error();
                }
                action.answer = row.value().answer;
                action.baseVersion = row.value().baseVersion;
            }
        }
        return out;
    });
}

QFuture<Result<int>> AnswerStore::noteAttempt(qint64 actionId) {
    return m_db.run([actionId](QSqlDatabase& db) -> Result<int> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "UPDATE library_outbox SET attempts = attempts + 1 WHERE id = ? RETURNING attempts"));
        q.addBindValue(actionId);
        if (!q.exec() || !q.next()) {
            return sqlError(q, Database::tr("Could not update the queue of changes"));
        }
        return q.value(0).toInt();
    });
}

QFuture<Result<void>> AnswerStore::markPublished(Answer published) {
    return m_db.transaction([published = std::move(published)](QSqlDatabase& db) -> Result<void> {
        // Only if the row still holds what was sent: an edit made meanwhile is sent next.
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "UPDATE answers SET state = 'published', version = ?, base_version = NULL "
            "WHERE id = ? AND state = 'pending' AND updated = ? AND title = ? AND body = ?"));
        for (const QVariant& v : {QVariant(published.version), QVariant(published.id),
                                  QVariant(published.updated.toMSecsSinceEpoch()),
                                  QVariant(published.title), QVariant(published.body)}) {
            q.addBindValue(v);
        }
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not mark the answer as published"));
        }
        if (q.numRowsAffected() == 0) {
            // Edited again meanwhile: it stays queued, now based on what was just published.
            return execBound(db,
                             QStringLiteral("UPDATE answers SET base_version = ?, version = ? + 1 "
                                            "WHERE id = ? AND state = 'pending'"),
                             {published.version, published.version, published.id},
                             Database::tr("Could not mark the answer as published"));
        }
        return unqueue(db, published.id);
    });
}

QFuture<Result<void>> AnswerStore::markRetracted(QString id) {
    return m_db.run([id = std::move(id)](QSqlDatabase& db) {
        return execBound(
            db,
            QStringLiteral("DELETE FROM library_outbox WHERE node = ? AND item_id = ? AND "
                           "action = 'retract'"),
            {AnswersNode, id}, Database::tr("Could not update the queue of changes"));
    });
}

QFuture<Result<Answer>> AnswerStore::keepConflict(Answer winner, bool winnerPending, int winnerBase,
                                                  Answer loser) {
    return m_db.transaction([winner = std::move(winner), winnerPending, winnerBase,
                             loser = std::move(loser)](QSqlDatabase& db) mutable -> Result<Answer> {
        auto found = find(db, winner.id);
        if (!found) {
            return found.error();
        }
        if (found.value()) {
            winner.uses = found.value()->answer.uses;
        }
        winner.state = winnerPending ? Answer::State::Pending : Answer::State::Published;
        winner.conflictOf.clear();
        if (auto r =
                write(db, winner, winnerPending ? std::optional<int>(winnerBase) : std::nullopt);
            !r) {
            return r.error();
        }
        if (auto r = winnerPending ? queue(db, winner.id, QStringLiteral("publish"))
                                   : unqueue(db, winner.id);
            !r) {
            return r.error();
        }
        loser.id = newId();
        loser.state = Answer::State::Conflict;
        loser.conflictOf = winner.id;
        loser.uses = 0;
        if (auto r = write(db, loser, std::nullopt); !r) {
            return r.error();
        }
        return loser;
    });
}

}  // namespace rapport::library
