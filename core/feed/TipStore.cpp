#include "feed/TipStore.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QUuid>

#include "library/AnswerPayload.h"
#include "library/TeamNodes.h"
#include "store/Database.h"
#include "store/SqlExec.h"
#include "store/StoreError.h"

namespace rapport::feed {

using store::Database;
using store::execBound;
using store::sqlError;
using store::textValue;

namespace {

const QString TipColumns = QStringLiteral(
    "t.id, t.author, t.body, t.tags, t.created, t.like_count, t.liked_by_me, t.state, "
    "(SELECT count(*) FROM tip_comments c WHERE c.tip_id = t.id)");
const QString CommentColumns = QStringLiteral("id, tip_id, author, body, published, state");

// Every item the server has given us (not pending): its item id, and how we hold it (see
// heldItems()).
const QString PublishedItems = QStringLiteral(
    "SELECT id, '' FROM tips WHERE state = 'published' UNION ALL "
    "SELECT 'comment-' || id, '' FROM tip_comments WHERE state = 'published' "
    "UNION ALL SELECT 'like-' || tip_id || '-' || by, liked || '|' || (at / 1000) "
    "FROM tip_likes WHERE state = 'published'");

const QString CommentPrefix = QStringLiteral("comment-");
const QString LikePrefix = QStringLiteral("like-");
constexpr int UuidChars = 36;

QDateTime fromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

FeedState stateOf(const QString& name) {
    return name == u"pending" ? FeedState::Pending : FeedState::Published;
}

// The wire form has whole seconds; what is stored here must compare equal to it.
QDateTime nowToTheSecond() {
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
}

Tip readTip(const QSqlQuery& q) {
    Tip t;
    t.id = q.value(0).toString();
    t.author = q.value(1).toString();
    t.body = q.value(2).toString();
    t.tags = q.value(3).toString().split(u' ', Qt::SkipEmptyParts);
    t.published = fromMs(q.value(4).toLongLong());
    t.likes = q.value(5).toInt();
    t.likedByMe = q.value(6).toBool();
    t.state = stateOf(q.value(7).toString());
    t.comments = q.value(8).toInt();
    return t;
}

TipComment readComment(const QSqlQuery& q) {
    TipComment c;
    c.id = q.value(0).toString();
    c.tipId = q.value(1).toString();
    c.author = q.value(2).toString();
    c.body = q.value(3).toString();
    c.published = fromMs(q.value(4).toLongLong());
    c.state = stateOf(q.value(5).toString());
    return c;
}

Result<std::optional<Tip>> findTip(QSqlDatabase& db, const QString& id) {
    QSqlQuery q(db);
    q.prepare(QLatin1String("SELECT ") + TipColumns + QLatin1String(" FROM tips t WHERE t.id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        return sqlError(q, Database::tr("Could not read the tip"));
    }
    if (!q.next()) {
        return std::optional<Tip>();
    }
    return std::optional<Tip>(readTip(q));
}

Result<Tip> tipOrFail(QSqlDatabase& db, const QString& id) {
    auto found = findTip(db, id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return Error::make(ErrorCode::NotFound,
                           Database::tr("There is no tip with the id %1.").arg(id));
    }
    return *found.value();
}

Result<void> queue(QSqlDatabase& db, const QString& itemId) {
    return execBound(db,
                     QStringLiteral("INSERT INTO library_outbox(node, item_id, action, created) "
                                    "VALUES (?, ?, 'publish', ?) ON CONFLICT(node, item_id) DO "
                                    "NOTHING"),
                     {library::TipsNode, itemId, QDateTime::currentMSecsSinceEpoch()},
                     Database::tr("Could not queue the change for the team"));
}

// tips.like_count and liked_by_me from tip_likes, for these tips.
Result<void> refreshCounts(QSqlDatabase& db, const QSet<QString>& tipIds, const QString& own) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE tips SET like_count = (SELECT count(*) FROM tip_likes l WHERE l.tip_id = tips.id "
        "AND l.liked = 1), liked_by_me = EXISTS(SELECT 1 FROM tip_likes l WHERE l.tip_id = "
        "tips.id AND l.by = ? AND l.liked = 1) WHERE id = ?"));
    for (const QString& id : tipIds) {
        q.addBindValue(own);
        q.addBindValue(id);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not count the likes"));
        }
    }
    return Ok{};
}

// Splits a like's item id, "like-<tip id>-<JID>".
std::optional<std::pair<QString, QString>> likeParts(const QString& itemId) {
    if (!itemId.startsWith(LikePrefix) || itemId.size() < LikePrefix.size() + UuidChars + 2) {
        return std::nullopt;
    }
    return std::pair(itemId.mid(LikePrefix.size(), UuidChars),
                     itemId.mid(LikePrefix.size() + UuidChars + 1));
}

// Whatever the item stands for goes; rows still to be published are ours and stay.
Result<int> removeItem(QSqlDatabase& db, const QString& itemId, QSet<QString>& touchedTips) {
    QSqlQuery q(db);
    if (itemId.startsWith(CommentPrefix)) {
        q.prepare(QStringLiteral("DELETE FROM tip_comments WHERE id = ? AND state <> 'pending'"));
        q.addBindValue(itemId.mid(CommentPrefix.size()));
    } else if (const auto like = likeParts(itemId)) {
        q.prepare(QStringLiteral(
            "DELETE FROM tip_likes WHERE tip_id = ? AND by = ? AND state <> 'pending'"));
        q.addBindValue(like->first);
        q.addBindValue(like->second);
        touchedTips.insert(like->first);
    } else {
        // A tip: its comments and likes go with it.
        q.prepare(QStringLiteral("DELETE FROM tips WHERE id = ? AND state <> 'pending'"));
        q.addBindValue(itemId);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not remove the tip"));
        }
        int removed = q.numRowsAffected();
        if (removed > 0) {
            for (const char* sql : {"DELETE FROM tip_comments WHERE tip_id = ?",
                                    "DELETE FROM tip_likes WHERE tip_id = ?"}) {
                QSqlQuery cascade(db);
                cascade.prepare(QString::fromLatin1(sql));
                cascade.addBindValue(itemId);
                if (!cascade.exec()) {
                    return sqlError(cascade, Database::tr("Could not remove the tip"));
                }
                removed += cascade.numRowsAffected();
            }
        }
        return removed;
    }
    if (!q.exec()) {
        return sqlError(q, Database::tr("Could not remove the tip"));
    }
    return q.numRowsAffected();
}

// removeItem() for each, then the counts of the tips whose likes changed.
Result<int> removeItems(QSqlDatabase& db, const QStringList& itemIds, const QString& own) {
    int removed = 0;
    QSet<QString> touched;
    for (const QString& id : itemIds) {
        Result<int> r = removeItem(db, id, touched);
        if (!r) {
            return r.error();
        }
        removed += r.value();
    }
    if (Result<void> r = refreshCounts(db, touched, own); !r) {
        return r.error();
    }
    return removed;
}

Result<int> applyTip(QSqlDatabase& db, const Tip& t) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO tips(id, author, body, tags, created, state) VALUES (?, ?, ?, ?, ?, "
        "'published') ON CONFLICT(id) DO UPDATE SET author = excluded.author, "
        "body = excluded.body, tags = excluded.tags, created = excluded.created "
        "WHERE tips.state <> 'pending' AND (tips.body IS NOT excluded.body OR "
        "tips.tags IS NOT excluded.tags OR tips.author IS NOT excluded.author OR "
        "tips.created IS NOT excluded.created)"));
    for (const QVariant& v :
         {QVariant(t.id), textValue(t.author), textValue(t.body), textValue(t.tags.join(u' ')),
          QVariant(t.published.toMSecsSinceEpoch())}) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return sqlError(q, Database::tr("Could not save the tip"));
    }
    return q.numRowsAffected();
}

Result<int> applyComment(QSqlDatabase& db, const TipComment& c) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO tip_comments(id, tip_id, author, body, published, state) VALUES (?, ?, ?, "
        "?, ?, 'published') ON CONFLICT(id) DO UPDATE SET tip_id = excluded.tip_id, "
        "author = excluded.author, body = excluded.body, published = excluded.published "
        "WHERE tip_comments.state <> 'pending' AND (tip_comments.body IS NOT excluded.body OR "
        "tip_comments.tip_id IS NOT excluded.tip_id OR tip_comments.author IS NOT "
        "excluded.author OR tip_comments.published IS NOT excluded.published)"));
    for (const QVariant& v : {QVariant(c.id), QVariant(c.tipId), textValue(c.author),
                              textValue(c.body), QVariant(c.published.toMSecsSinceEpoch())}) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return sqlError(q, Database::tr("Could not save the comment"));
    }
    return q.numRowsAffected();
}

Result<int> applyLike(QSqlDatabase& db, const TipLike& l) {
    // Only the liker writes their like, with their own clock: a later one replaces, an older
    // one (a catch-up overtaken by a live event) does not.
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO tip_likes(tip_id, by, liked, at, state) VALUES (?, ?, ?, ?, 'published') "
        "ON CONFLICT(tip_id, by) DO UPDATE SET liked = excluded.liked, at = excluded.at "
        "WHERE tip_likes.state <> 'pending' AND excluded.at >= tip_likes.at AND "
        "(tip_likes.liked <> excluded.liked OR tip_likes.at <> excluded.at)"));
    for (const QVariant& v : {QVariant(l.tipId), QVariant(l.by), QVariant(l.liked ? 1 : 0),
                              QVariant(l.at.toMSecsSinceEpoch())}) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return sqlError(q, Database::tr("Could not save the like"));
    }
    return q.numRowsAffected();
}

// The payload of a queued item, from its row as it is now; null if the row is gone.
Result<xmpp::Element> payloadOf(QSqlDatabase& db, const QString& itemId) {
    QSqlQuery q(db);
    if (itemId.startsWith(CommentPrefix)) {
        q.prepare(QLatin1String("SELECT ") + CommentColumns +
                  QLatin1String(" FROM tip_comments WHERE id = ?"));
        q.addBindValue(itemId.mid(CommentPrefix.size()));
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not read the comment"));
        }
        return q.next() ? TipPayload::toElement(readComment(q)) : xmpp::Element();
    }
    if (const auto like = likeParts(itemId)) {
        q.prepare(QStringLiteral("SELECT liked, at FROM tip_likes WHERE tip_id = ? AND by = ?"));
        q.addBindValue(like->first);
        q.addBindValue(like->second);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not read the like"));
        }
        if (!q.next()) {
            return xmpp::Element();
        }
        return TipPayload::toElement(TipLike{like->first, like->second, q.value(0).toBool(),
                                             fromMs(q.value(1).toLongLong())});
    }
    auto tip = findTip(db, itemId);
    if (!tip) {
        return tip.error();
    }
    return tip.value() ? TipPayload::toElement(*tip.value()) : xmpp::Element();
}

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

}  // namespace

QString TipStore::likeKey(const TipLike& like) {
    return QStringLiteral("%1|%2").arg(like.liked ? 1 : 0).arg(like.at.toSecsSinceEpoch());
}

QFuture<Result<Tip>> TipStore::post(QString body, QStringList tags) {
    Tip tip;
    tip.id = newId();
    tip.author = m_own;
    tip.body = std::move(body);
    tip.tags = library::AnswerPayload::normalizeTags(tags);
    tip.published = nowToTheSecond();
    tip.state = FeedState::Pending;
    return m_db.transaction([tip](QSqlDatabase& db) -> Result<Tip> {
        if (const QString why = TipPayload::invalidReason(tip); !why.isEmpty()) {
            return Error::make(ErrorCode::Usage,
                               Database::tr("The tip cannot be posted: %1.").arg(why));
        }
        if (Result<void> r = execBound(
                db,
                QStringLiteral("INSERT INTO tips(id, author, body, tags, created, state) VALUES "
                               "(?, ?, ?, ?, ?, 'pending')"),
                {tip.id, tip.author, tip.body, textValue(tip.tags.join(u' ')),
                 tip.published.toMSecsSinceEpoch()},
                Database::tr("Could not save the tip"));
            !r) {
            return r.error();
        }
        if (Result<void> r = queue(db, tip.id); !r) {
            return r.error();
        }
        return tip;
    });
}

QFuture<Result<TipComment>> TipStore::comment(QString tipId, QString body) {
    TipComment c;
    c.id = newId();
    c.tipId = std::move(tipId);
    c.author = m_own;
    c.body = std::move(body);
    c.published = nowToTheSecond();
    c.state = FeedState::Pending;
    return m_db.transaction([c](QSqlDatabase& db) -> Result<TipComment> {
        if (auto tip = tipOrFail(db, c.tipId); !tip) {
            return tip.error();
        }
        if (const QString why = TipPayload::invalidReason(c); !why.isEmpty()) {
            return Error::make(ErrorCode::Usage,
                               Database::tr("The comment cannot be posted: %1.").arg(why));
        }
        if (Result<void> r = execBound(
                db,
                QStringLiteral("INSERT INTO tip_comments(id, tip_id, author, body, published, "
                               "state) VALUES (?, ?, ?, ?, ?, 'pending')"),
                {c.id, c.tipId, c.author, c.body, c.published.toMSecsSinceEpoch()},
                Database::tr("Could not save the comment"));
            !r) {
            return r.error();
        }
        if (Result<void> r = queue(db, TipPayload::commentItemId(c.id)); !r) {
            return r.error();
        }
        return c;
    });
}

QFuture<Result<Tip>> TipStore::setLiked(QString tipId, bool liked) {
    return m_db.transaction([tipId = std::move(tipId), liked,
                             own = m_own](QSqlDatabase& db) -> Result<Tip> {
        auto tip = tipOrFail(db, tipId);
        if (!tip) {
            return tip.error();
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT liked FROM tip_likes WHERE tip_id = ? AND by = ?"));
        q.addBindValue(tipId);
        q.addBindValue(own);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not read the like"));
        }
        const bool had = q.next() && q.value(0).toBool();
        if (had == liked) {
            return tip;  // already so: nothing to send
        }
        if (Result<void> r = execBound(
                db,
                QStringLiteral("INSERT INTO tip_likes(tip_id, by, liked, at, state) VALUES (?, ?, "
                               "?, ?, 'pending') ON CONFLICT(tip_id, by) DO UPDATE SET liked = "
                               "excluded.liked, at = max(excluded.at, tip_likes.at), "
                               "state = 'pending'"),
                {tipId, own, liked ? 1 : 0, nowToTheSecond().toMSecsSinceEpoch()},
                Database::tr("Could not save the like"));
            !r) {
            return r.error();
        }
        if (Result<void> r = refreshCounts(db, {tipId}, own); !r) {
            return r.error();
        }
        if (Result<void> r = queue(db, TipPayload::likeItemId(tipId, own)); !r) {
            return r.error();
        }
        return tipOrFail(db, tipId);
    });
}

QFuture<Result<QList<Tip>>> TipStore::list(int limit) {
    return m_db.run([limit](QSqlDatabase& db) -> Result<QList<Tip>> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QLatin1String("SELECT ") + TipColumns +
                  QLatin1String(" FROM tips t ORDER BY t.created DESC, t.rowid DESC LIMIT ?"));
        q.addBindValue(limit > 0 ? limit : -1);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not read the tips"));
        }
        QList<Tip> out;
        while (q.next()) {
            out << readTip(q);
        }
        return out;
    });
}

QFuture<Result<Tip>> TipStore::get(QString id) {
    return m_db.run([id = std::move(id)](QSqlDatabase& db) { return tipOrFail(db, id); });
}

QFuture<Result<QList<TipComment>>> TipStore::comments(QString tipId) {
    return m_db.run([tipId = std::move(tipId)](QSqlDatabase& db) -> Result<QList<TipComment>> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QLatin1String("SELECT ") + CommentColumns +
                  QLatin1String(" FROM tip_comments WHERE tip_id = ? ORDER BY published, rowid"));
        q.addBindValue(tipId);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not read the comments"));
        }
        QList<TipComment> out;
        while (q.next()) {
            out << readComment(q);
        }
        return out;
    });
}

QFuture<Result<QHash<QString, QString>>> TipStore::heldItems() {
    return m_db.run([](QSqlDatabase& db) -> Result<QHash<QString, QString>> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(PublishedItems)) {
            return sqlError(q, Database::tr("Could not read the tips"));
        }
        QHash<QString, QString> out;
        while (q.next()) {
            out.insert(q.value(0).toString(), q.value(1).toString());
        }
        return out;
    });
}

QFuture<Result<int>> TipStore::applyRemote(QList<FeedItem> items) {
    return m_db.transaction(
        [items = std::move(items), own = m_own](QSqlDatabase& db) -> Result<int> {
            int changed = 0;
            QSet<QString> touched;
            for (const FeedItem& item : items) {
                Result<int> r = 0;
                if (const auto* tip = std::get_if<Tip>(&item)) {
                    r = applyTip(db, *tip);
                    touched.insert(tip->id);
                } else if (const auto* comment = std::get_if<TipComment>(&item)) {
                    r = applyComment(db, *comment);
                } else {
                    const auto& like = std::get<TipLike>(item);
                    r = applyLike(db, like);
                    touched.insert(like.tipId);
                }
                if (!r) {
                    return r.error();
                }
                changed += r.value();
            }
            if (Result<void> r = refreshCounts(db, touched, own); !r) {
                return r.error();
            }
            return changed;
        });
}

QFuture<Result<int>> TipStore::applyRetracted(QStringList itemIds) {
    return m_db.transaction([itemIds = std::move(itemIds), own = m_own](QSqlDatabase& db) {
        return removeItems(db, itemIds, own);
    });
}

QFuture<Result<int>> TipStore::keepOnly(QSet<QString> present) {
    return m_db.transaction(
        [present = std::move(present), own = m_own](QSqlDatabase& db) -> Result<int> {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.exec(PublishedItems)) {
                return sqlError(q, Database::tr("Could not read the tips"));
            }
            QStringList gone;
            while (q.next()) {
                if (const QString id = q.value(0).toString(); !present.contains(id)) {
                    gone << id;
                }
            }
            return removeItems(db, gone, own);
        });
}

QFuture<Result<QList<FeedAction>>> TipStore::pendingActions() {
    return m_db.transaction([](QSqlDatabase& db) -> Result<QList<FeedAction>> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT id, item_id, attempts FROM library_outbox WHERE node = ? "
                           "ORDER BY id"));
        q.addBindValue(library::TipsNode);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not read the queue of changes"));
        }
        QList<FeedAction> out;
        QList<qint64> orphans;
        while (q.next()) {
            FeedAction action;
            action.id = q.value(0).toLongLong();
            action.itemId = q.value(1).toString();
            action.attempts = q.value(2).toInt();
            out << action;
        }
        q.finish();
        for (FeedAction& action : out) {
            auto payload = payloadOf(db, action.itemId);
            if (!payload) {
                return payload.error();
            }
            action.payload = payload.value();
            if (action.payload.isNull()) {
                orphans << action.id;  // its row went (a moderator removed the tip)
            }
        }
        for (qint64 id : orphans) {
            if (Result<void> r =
                    execBound(db, QStringLiteral("DELETE FROM library_outbox WHERE id = ?"), {id},
                              Database::tr("Could not update the queue of changes"));
                !r) {
                return r.error();
            }
        }
        out.removeIf([](const FeedAction& a) { return a.payload.isNull(); });
        return out;
    });
}

QFuture<Result<int>> TipStore::noteAttempt(qint64 actionId) {
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

QFuture<Result<void>> TipStore::markPublished(FeedAction action) {
    return m_db.transaction([action = std::move(action)](QSqlDatabase& db) -> Result<void> {
        // Only if the row still says what was sent: a like changed meanwhile is sent next.
        auto now = payloadOf(db, action.itemId);
        if (!now) {
            return now.error();
        }
        if (!now.value().isNull() && now.value().toXml() != action.payload.toXml()) {
            return Ok{};
        }
        const QString what = Database::tr("Could not update the queue of changes");
        QString sql;
        QVariantList binds;
        if (action.itemId.startsWith(CommentPrefix)) {
            sql = QStringLiteral("UPDATE tip_comments SET state = 'published' WHERE id = ?");
            binds = {action.itemId.mid(CommentPrefix.size())};
        } else if (const auto like = likeParts(action.itemId)) {
            sql = QStringLiteral(
                "UPDATE tip_likes SET state = 'published' WHERE tip_id = ? AND by = ?");
            binds = {like->first, like->second};
        } else {
            sql = QStringLiteral("UPDATE tips SET state = 'published' WHERE id = ?");
            binds = {action.itemId};
        }
        if (Result<void> r = execBound(db, sql, binds, what); !r) {
            return r;
        }
        return execBound(db, QStringLiteral("DELETE FROM library_outbox WHERE id = ?"), {action.id},
                         what);
    });
}

}  // namespace rapport::feed
