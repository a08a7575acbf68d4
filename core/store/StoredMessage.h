// One chat message as the store keeps it: a row of `messages` plus the bare JID of the
// conversation's peer. Plain values only; no XMPP types (sync/ converts between the two).
#pragma once

#include <QDateTime>
#include <QString>
#include <limits>

namespace rapport::store {

struct StoredMessage {
    // The numbers are the stored values: never renumber.
    enum class Direction { Incoming = 0, Outgoing = 1 };
    // Incoming messages are Received. Outgoing ones move forward only, Queued to Read;
    // Failed can still be overtaken by proof of delivery (a receipt, or the archive's copy).
    enum class State { Received = 0, Queued = 1, Sent = 2, Delivered = 3, Read = 4, Failed = 5 };

    qint64 rowId = 0;  // messages.id; 0 until stored
    QString peer;      // bare JID of the other side: which conversation this belongs to
    Direction direction = Direction::Incoming;
    QString sender;  // bare JID of the author (ours for outgoing)
    QString body;
    QDateTime timestamp;  // UTC; stored in ms
    QString messageId;    // the stanza's id attribute: what receipts and markers name
    QString originId;     // XEP-0359, chosen by the sender
    QString stanzaId;     // XEP-0359, given by our own archive; empty until known
    State state = State::Received;
    QString replaceId;  // XEP-0308: the id of the message this one corrects
    bool retracted = false;
    QDateTime editedAt;  // null unless corrected
    // Order among messages with the same timestamp (archives stamp in whole seconds, and a
    // burst shares one): the archive's order, whichever way the pages were fetched.
    qint64 seq = 0;

    bool operator==(const StoredMessage&) const = default;
};

// A position in a conversation's history: (timestamp, seq), so that paging is exact even
// when several messages share a timestamp.
struct MessageCursor {
    qint64 timestampMs = std::numeric_limits<qint64>::max();
    qint64 seq = std::numeric_limits<qint64>::max();

    // Just before `message`: the page that ends with the message before it.
    static MessageCursor before(const StoredMessage& message) {
        return {message.timestamp.toMSecsSinceEpoch(), message.seq};
    }
    // Before every message at or after `time`.
    static MessageCursor before(const QDateTime& time) {
        return {time.toMSecsSinceEpoch(), std::numeric_limits<qint64>::min()};
    }
};

// A sync cursor to move in the same transaction as the messages it covers.
struct SyncCursor {
    QString source;  // e.g. "mam:" + own bare JID; empty: none
    QString cursor;
};

}  // namespace rapport::store
