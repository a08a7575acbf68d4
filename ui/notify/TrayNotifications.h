// The fallback: the tray icon's balloon (QSystemTrayIcon::showMessage). It shows one
// message at a time and says only that it was clicked, so the last one shown is the one
// that was.
#pragma once

#include "notify/DesktopNotifications.h"

namespace rapport::ui {

class TrayNotifications : public DesktopNotifications {
    Q_OBJECT
public:
    TrayNotifications(QSystemTrayIcon* tray, QObject* parent = nullptr);

    uint show(uint replaces, const QString& title, const QString& body, bool sound) override;
    void close(uint id) override;

private:
    QSystemTrayIcon* m_tray;
    uint m_last = 0;
};

}  // namespace rapport::ui
