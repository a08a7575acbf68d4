// Sends what the user wrote, from the outbox, exactly once: queued messages go out
// when a session starts (or at once when online) and leave the outbox only when the
// server has acknowledged them (XEP-0198). Within one run of the program the stream
// resends what a dropped connection lost; across runs (a crash, a restart) the outbox
// does, with the same stanza and origin-id, so receivers can drop a duplicate.
#pragma once

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>

#include "common/Result.h"

namespace rapport::xmpp {
class Client;
class Element;
}  // namespace rapport::xmpp

namespace rapport::sync {

struct OutboxEntry {
    qint64 id = 0;      // the outbox row
    QString messageId;  // the stanza's id (== origin-id): how the server's ack is matched
    QString stanzaXml;  // exactly what to send
};

// The persistent queue behind the sender (the store's outbox in the app).
class OutboxQueue {
public:
    virtual ~OutboxQueue() = default;
    virtual QFuture<Result<QList<OutboxEntry>>> pending() = 0;  // oldest first
    virtual QFuture<Result<void>> markSent(qint64 id) = 0;
};

class OutboxSender : public QObject {
    Q_OBJECT
public:
    OutboxSender(xmpp::Client* client, OutboxQueue* queue, QObject* parent = nullptr);

    // Sends whatever is pending and not already on its way. Call after enqueueing.
    void flush();
    int inFlight() const { return int(m_inFlight.size()); }

signals:
    // The server has the message: it left the outbox.
    void sent(const QString& messageId);
    void failed(const rapport::Error& error);
    // Everything the outbox held when last read has been sent and acknowledged.
    void drained();

private:
    void onAcked(const xmpp::Element& stanza);

    xmpp::Client* m_client;
    OutboxQueue* m_queue;
    QHash<QString, qint64> m_inFlight;  // message id -> outbox row, sent in this run
    QSet<QString> m_leaving;            // acked, while the store takes them out
    bool m_flushing = false;
    bool m_flushAgain = false;
};

}  // namespace rapport::sync
