// Stores what arrives while online: chat messages (live and carbon copies) and the
// delivery states that receipts and displayed markers report. Writes are batched:
// a burst of messages becomes a few transactions, not one per message.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "common/Result.h"
#include "store/StoredMessage.h"

namespace rapport::xmpp {
class Client;
}
namespace rapport::store {
class MessageStore;
}

namespace rapport::sync {

class LiveMessageRecorder : public QObject {
    Q_OBJECT
public:
    LiveMessageRecorder(xmpp::Client* client, store::MessageStore& messages,
                        QObject* parent = nullptr);

    // Writes what is buffered now (e.g. before the program exits).
    void flush();
    int buffered() const { return int(m_buffer.size()); }

signals:
    // `peers`: the conversations the batch touched.
    void stored(int count, const QStringList& peers);
    // Receipts or markers moved some of our messages on (delivered, read).
    void statesUpdated(const QString& peer);
    void failed(const rapport::Error& error);

private:
    void add(store::StoredMessage message);
    void setState(const QString& peer, const QString& id, store::StoredMessage::State state);

    store::MessageStore& m_messages;
    QList<store::StoredMessage> m_buffer;
    QTimer m_flushTimer;
    QElapsedTimer m_sinceFlush;  // invalid until the first flush
};

}  // namespace rapport::sync
