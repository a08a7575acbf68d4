// Times and days as the UI shows them: the locale's short time without seconds ("14:05"),
// when something happened in a list of conversations or results, and how long ago something
// happened, for lists and cards.
#pragma once

#include <QDateTime>
#include <QLocale>

namespace rapport::ui {

// For a list: today's time ("14:05"), the day of the week within a week ("Tue"), else a
// short date.
QString listTimeText(const QDateTime& utc, const QDateTime& now);

// "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then a short date.
QString relativeTimeText(const QDateTime& utc, const QDateTime& now);

inline QString shortTimeText(const QTime& time) {
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QLatin1String(":ss"));  // the C locale's short format has seconds
    return QLocale().toString(time, format);
}

}  // namespace rapport::ui
