// Nothing typed is lost: an outgoing message is stored, with the exact stanza to send,
// before it is sent, and stays in the outbox until the server has it. Sending is sync/'s
// job; exactly-once relies on the origin-id every stanza carries.
#pragma once

#include <QDateTime>
#include <QFuture>
#include <QList>

#include "common/Result.h"
#include "store/StoredMessage.h"

namespace rapport::store {

class Database;

struct OutboxEntry {
    qint64 id = 0;  // outbox.id
    StoredMessage message;
    QString stanza;  // the XML to send, unchanged on every attempt
    int attempts = 0;
    QDateTime created;  // UTC
};

class OutboxStore {
public:
    explicit OutboxStore(Database& db) : m_db(db) {}

    // Stores an outgoing message (state Queued) and its outbox entry in one transaction.
    // The message needs an origin-id (the dedupe key when the server echoes it back).
    // Refused (ErrorCode::Usage) if a message with that origin-id is already stored.
    QFuture<Result<OutboxEntry>> enqueue(StoredMessage outgoing, QString stanzaXml);

    // Entries not yet sent, oldest first.
    QFuture<Result<QList<OutboxEntry>>> pending();

    // Counts an attempt to send; resolves with the attempts so far.
    QFuture<Result<int>> noteAttempt(qint64 outboxId);
    // The server has it (stream management ack): the entry goes, the message becomes Sent
    // (unless a receipt already moved it further).
    QFuture<Result<void>> markSent(qint64 outboxId);
    // Given up (e.g. the server bounced it): the entry goes, the message becomes Failed.
    QFuture<Result<void>> markFailed(qint64 outboxId);

private:
    QFuture<Result<void>> finish(qint64 outboxId, StoredMessage::State state);

    Database& m_db;
};

}  // namespace rapport::store
