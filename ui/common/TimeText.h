// Times and days as the UI shows them: the locale's short time without seconds ("14:05"),
// and how long ago something happened, for lists and cards.
#pragma once

#include <QDateTime>
#include <QLocale>

namespace rapport::ui {

// "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then a short date.
QString relativeTimeText(const QDateTime& utc, const QDateTime& now);

inline QString shortTimeText(const QTime& time) {
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QLatin1String(":ss"));  // the C locale's short format has seconds
    return QLocale().toString(time, format);
}

}  // namespace rapport::ui
