#include "common/TimeText.h"

#include <QCoreApplication>

namespace rapport::ui {

QString listTimeText(const QDateTime& utc, const QDateTime& now) {
    if (!utc.isValid()) {
        return {};
    }
    const QDateTime local = utc.toLocalTime();
    const QDate today = now.toLocalTime().date();
    if (local.date() == today) {
        return shortTimeText(local.time());
    }
    if (local.date().daysTo(today) < 7) {
        return QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat);
    }
    return QLocale().toString(local.date(), QLocale::ShortFormat);
}

QString relativeTimeText(const QDateTime& utc, const QDateTime& now) {
    auto tr = [](const char* text, int n = -1) {
        return QCoreApplication::translate("TimeText", text, nullptr, n);
    };
    if (!utc.isValid()) {
        return {};
    }
    const qint64 secs = utc.secsTo(now);
    if (secs < 60) {
        return tr("just now");
    }
    if (secs < 3600) {
        return tr("%n min ago", int(secs / 60));
    }
    const QDate day = utc.toLocalTime().date();
    const QDate today = now.toLocalTime().date();
    if (day == today) {
        return tr("%n h ago", int(secs / 3600));
    }
    const qint64 days = day.daysTo(today);
    if (days == 1) {
        return tr("yesterday");
    }
    if (days < 7) {
        return tr("%n days ago", int(days));
    }
    return QLocale().toString(day, QLocale::ShortFormat);
}

}  // namespace rapport::ui
