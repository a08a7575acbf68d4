// Where a notification goes: the desktop's notification service
// (org.freedesktop.Notifications over D-Bus, on Linux and the BSDs) when there is one,
// else the tray icon's balloon (Windows, macOS, or a desktop without the service). Either
// way a click comes back as activated() with the id show() returned.
#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace rapport::ui {

class DesktopNotifications : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Shows a notification, replacing `replaces` (an id from an earlier show(), 0 for none)
    // so that a chatty peer leaves one notification, not a pile. `sound`: ask for the
    // desktop's "new message" sound. Returns the notification's id (0 if it could not be
    // shown).
    virtual uint show(uint replaces, const QString& title, const QString& body, bool sound) = 0;
    // Takes it away (the conversation was opened here).
    virtual void close(uint id) = 0;

    // The best available on this machine; `tray` is the fallback's (may be null: no tray).
    static DesktopNotifications* create(QSystemTrayIcon* tray, QObject* parent);

signals:
    // The user clicked the notification.
    void activated(uint id);
};

}  // namespace rapport::ui
