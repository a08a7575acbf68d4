// The tips feed in the local store: every tip of the team with its comments and likes (the
// source of truth for the UI and for search), and what was posted, commented or liked here
// until it is published. Publishing is FeedSync's job; this class says what is to be sent
// and records what was.
#pragma once

#include <QFuture>
#include <QHash>
#include <QList>
#include <QSet>

#include "common/Result.h"
#include "feed/Tip.h"
#include "feed/TipPayload.h"
#include "xmpp/Element.h"

namespace rapport::store {
class Database;
}

namespace rapport::feed {

// One item to publish on the tips node: as the row is now.
struct FeedAction {
    qint64 id = 0;
    QString itemId;
    xmpp::Element payload;
    int attempts = 0;
};

class TipStore {
public:
    // ownJid: the account's bare JID (the author of what is made here, "liked by me").
    TipStore(store::Database& db, QString ownJid) : m_db(db), m_own(std::move(ownJid)) {}

    // --- made here: stored and queued in one transaction

    // A new tip by us, now (state Pending). Refused (Usage) if it breaks a payload rule.
    QFuture<Result<Tip>> post(QString body, QStringList tags);
    // NotFound if there is no such tip.
    QFuture<Result<TipComment>> comment(QString tipId, QString body);
    // Our like of a tip, set or withdrawn. Setting it as it already is changes and sends
    // nothing. Resolves with the tip as it now is. NotFound if there is no such tip.
    QFuture<Result<Tip>> setLiked(QString tipId, bool liked);

    // --- reading

    // The newest first; limit 0: all.
    QFuture<Result<QList<Tip>>> list(int limit = 0);
    QFuture<Result<Tip>> get(QString id);                        // NotFound if none
    QFuture<Result<QList<TipComment>>> comments(QString tipId);  // oldest first
    // item id -> how we hold it, for a catch-up to tell what changed: "" for tips and
    // comments (they never change), the like's state for likes (likeKey()). Only what the
    // server has given us or taken from us (not pending).
    QFuture<Result<QHash<QString, QString>>> heldItems();
    static QString likeKey(const TipLike& like);

    // --- from the server

    // Items published by anyone, in publish order, in one transaction. What we still have
    // to publish ourselves is left alone. Resolves with how many changed something here.
    QFuture<Result<int>> applyRemote(QList<FeedItem> items);
    // Items retracted (a moderator's delete): the tip, comment or like goes here too.
    QFuture<Result<int>> applyRetracted(QStringList itemIds);
    // After a whole-node fetch: what we hold that the node no longer has goes.
    QFuture<Result<int>> keepOnly(QSet<QString> presentItemIds);

    // --- the queue

    QFuture<Result<QList<FeedAction>>> pendingActions();  // oldest first
    QFuture<Result<int>> noteAttempt(qint64 actionId);
    // The server has the item as `payload` said: the row becomes Published and the action
    // goes, unless it was changed again meanwhile (a like withdrawn while being sent).
    QFuture<Result<void>> markPublished(FeedAction action);

private:
    store::Database& m_db;
    QString m_own;
};

}  // namespace rapport::feed
