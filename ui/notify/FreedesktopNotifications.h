// The Desktop Notifications Specification (org.freedesktop.Notifications on the session
// bus): Notify with a "default" action so that a click opens the conversation, the
// "message-new-instant" sound name when asked for, and "im.received" as its category.
#pragma once

#include <QHash>

#include "notify/DesktopNotifications.h"

namespace rapport::ui {

class FreedesktopNotifications : public DesktopNotifications {
    Q_OBJECT
public:
    explicit FreedesktopNotifications(QObject* parent = nullptr);

    // Whether the session bus has a notification service.
    static bool isAvailable();

    uint show(uint replaces, const QString& title, const QString& body, bool sound) override;
    void close(uint id) override;

private slots:
    void onActionInvoked(uint id, const QString& action);

private:
    // Our ids (returned at once) to the server's (known when Notify answers).
    QHash<uint, uint> m_serverIds;
    uint m_lastTicket = 0;
};

}  // namespace rapport::ui
