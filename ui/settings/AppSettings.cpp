#include "settings/AppSettings.h"

#include <QSettings>

namespace rapport::ui {

namespace {

const QString kNotifications = QStringLiteral("notifications/enabled");
const QString kSounds = QStringLiteral("notifications/sounds");
const QString kTheme = QStringLiteral("appearance/theme");
const QString kTeamService = QStringLiteral("team/service");

QString themeName(AppSettings::Theme theme) {
    switch (theme) {
        case AppSettings::Theme::Light:
            return QStringLiteral("light");
        case AppSettings::Theme::Dark:
            return QStringLiteral("dark");
        case AppSettings::Theme::System:
            break;
    }
    return QStringLiteral("system");
}

AppSettings::Theme themeFromName(const QString& name) {
    if (name == u"light") {
        return AppSettings::Theme::Light;
    }
    if (name == u"dark") {
        return AppSettings::Theme::Dark;
    }
    return AppSettings::Theme::System;
}

}  // namespace

AppSettings AppSettings::load() {
    const QSettings s;
    AppSettings a;
    a.notifications = s.value(kNotifications, a.notifications).toBool();
    a.sounds = s.value(kSounds, a.sounds).toBool();
    a.theme = themeFromName(s.value(kTheme).toString());
    a.teamService = s.value(kTeamService).toString().trimmed();
    return a;
}

void AppSettings::save() const {
    QSettings s;
    s.setValue(kNotifications, notifications);
    s.setValue(kSounds, sounds);
    s.setValue(kTheme, themeName(theme));
    s.setValue(kTeamService, teamService);
}

}  // namespace rapport::ui
