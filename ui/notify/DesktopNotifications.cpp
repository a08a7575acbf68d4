#include "notify/DesktopNotifications.h"

#include "notify/TrayNotifications.h"
#ifdef RAPPORT_HAVE_DBUS
#include "notify/FreedesktopNotifications.h"
#endif

namespace rapport::ui {

DesktopNotifications* DesktopNotifications::create(QSystemTrayIcon* tray, QObject* parent) {
#ifdef RAPPORT_HAVE_DBUS
    if (FreedesktopNotifications::isAvailable()) {
        return new FreedesktopNotifications(parent);
    }
#endif
    return new TrayNotifications(tray, parent);
}

}  // namespace rapport::ui
