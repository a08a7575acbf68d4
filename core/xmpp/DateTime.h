// XEP-0082 date-times, as XMPP payloads carry them: UTC, "2026-03-01T10:00:00Z", with or
// without milliseconds, any offset accepted on input.
#pragma once

#include <QDateTime>
#include <QString>

namespace rapport::xmpp {

inline QString toXmppDateTime(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODate);
}

// Null when the text is not a date-time.
inline QDateTime parseXmppDateTime(const QString& text) {
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        t = QDateTime::fromString(text, Qt::ISODate);
    }
    return t.isValid() ? t.toUTC() : QDateTime();
}

}  // namespace rapport::xmpp
