#include "common/TimeText.h"

#include <QCoreApplication>

namespace rapport::ui {

namespace {
// The context of the relative times' texts, as lupdate sees it.
struct TimeTextTr {
    Q_DECLARE_TR_FUNCTIONS(TimeText)
};
}  // namespace

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
    if (!utc.isValid()) {
        return {};
    }
    const qint64 secs = utc.secsTo(now);
    if (secs < 60) {
        return TimeTextTr::tr("just now");
    }
    if (secs < 3600) {
        return TimeTextTr::tr("%n min ago", nullptr, int(secs / 60));
    }
    const QDate day = utc.toLocalTime().date();
    const QDate today = now.toLocalTime().date();
    if (day == today) {
        return TimeTextTr::tr("%n h ago", nullptr, int(secs / 3600));
    }
    const qint64 days = day.daysTo(today);
    if (days == 1) {
        return TimeTextTr::tr("yesterday");
    }
    if (days < 7) {
        return TimeTextTr::tr("%n days ago", nullptr, int(days));
    }
    return QLocale().toString(day, QLocale::ShortFormat);
}

}  // namespace rapport::ui
