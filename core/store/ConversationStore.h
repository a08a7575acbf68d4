// The conversation list: one entry per peer, newest activity first, with what the list
// shows (unread count, a preview of the last message). MessageStore keeps these fields.
#pragma once

#include <QDateTime>
#include <QFuture>
#include <QList>

#include "common/Result.h"
#include "store/StoredMessage.h"

namespace rapport::store {

class Database;

struct ConversationSummary {
    qint64 id = 0;
    QString peer;  // bare JID
    QString kind;  // "chat"
    int unread = 0;
    QDateTime lastActivity;  // UTC; null if no message yet
    qint64 lastMessageRowId = 0;
    QString lastMessagePreview;  // the start of the last message; empty if retracted
    StoredMessage::Direction lastMessageDirection = StoredMessage::Direction::Incoming;
};

class ConversationStore {
public:
    // How much of the last message a preview holds (characters).
    static constexpr int PreviewLength = 200;

    explicit ConversationStore(Database& db) : m_db(db) {}

    // Newest activity first; limit < 0: all.
    QFuture<Result<QList<ConversationSummary>>> list(int limit = -1);
    QFuture<Result<ConversationSummary>> conversation(QString peer);  // NotFound if none
    // The summaries of these conversations (those that exist), in list() order.
    QFuture<Result<QList<ConversationSummary>>> conversations(QStringList peers);
    // Resets the unread count.
    QFuture<Result<void>> markRead(QString peer);

private:
    Database& m_db;
};

}  // namespace rapport::store
