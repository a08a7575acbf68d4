// The desktop app's preferences, kept in the profile's settings file (QSettings): whether
// new messages notify, whether notifications make a sound (off unless asked for), the
// colour theme, and the team's pubsub service (empty: the account's default). One place
// for their keys and defaults, so the dialog, the notifier and the start-up agree.
#pragma once

#include <QString>

namespace rapport::ui {

struct AppSettings {
    enum class Theme { System, Light, Dark };

    bool notifications = true;
    bool sounds = false;
    Theme theme = Theme::System;
    QString teamService;  // a bare JID, or empty for pubsub.<the account's domain>

    static AppSettings load();
    void save() const;

    friend bool operator==(const AppSettings&, const AppSettings&) = default;
};

}  // namespace rapport::ui
