// Private to core/store: reading and binding `messages` rows, shared by the stores that
// return messages.
#pragma once

#include <QSqlQuery>
#include <QVariant>

#include "store/StoredMessage.h"

namespace rapport::store::detail {

// The columns fromRow() reads, in order, for a query on `messages m JOIN conversations c`.
inline const QString MessageColumns = QStringLiteral(
    "m.id, c.jid, m.direction, m.sender, m.body, m.timestamp, m.message_id, m.origin_id, "
    "m.stanza_id, m.state, m.replace_id, m.retracted, m.edited_at, m.seq");

inline StoredMessage fromRow(const QSqlQuery& q, int first = 0) {
    StoredMessage m;
    int i = first;
    m.rowId = q.value(i++).toLongLong();
    m.peer = q.value(i++).toString();
    m.direction = static_cast<StoredMessage::Direction>(q.value(i++).toInt());
    m.sender = q.value(i++).toString();
    m.body = q.value(i++).toString();
    m.timestamp = QDateTime::fromMSecsSinceEpoch(q.value(i++).toLongLong(), Qt::UTC);
    m.messageId = q.value(i++).toString();
    m.originId = q.value(i++).toString();
    m.stanzaId = q.value(i++).toString();
    m.state = static_cast<StoredMessage::State>(q.value(i++).toInt());
    m.replaceId = q.value(i++).toString();
    m.retracted = q.value(i++).toBool();
    const QVariant edited = q.value(i++);
    if (!edited.isNull()) {
        m.editedAt = QDateTime::fromMSecsSinceEpoch(edited.toLongLong(), Qt::UTC);
    }
    m.seq = q.value(i++).toLongLong();
    return m;
}

// NULL for an empty string: the optional id columns are NULL when absent, which is what the
// partial unique indexes and "IS NULL" tests expect.
inline QVariant nullIfEmpty(const QString& s) {
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

// Never NULL: a null QString would bind as NULL and break NOT NULL columns.
inline QString notNull(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

}  // namespace rapport::store::detail
