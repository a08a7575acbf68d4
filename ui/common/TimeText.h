// Times and days as the UI shows them: the locale's short time without seconds ("14:05"),
// and short day labels for lists.
#pragma once

#include <QDateTime>
#include <QLocale>

namespace rapport::ui {

inline QString shortTimeText(const QTime& time) {
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QLatin1String(":ss"));  // the C locale's short format has seconds
    return QLocale().toString(time, format);
}

}  // namespace rapport::ui
