// Rapport in the system tray: its icon with the number of unread messages on it, the count
// in the tooltip, a click that brings the window forward, and a menu to show it or quit.
// Only where the desktop has a tray (QSystemTrayIcon::isSystemTrayAvailable()).
#pragma once

#include <QSystemTrayIcon>

namespace rapport::ui {

class TrayIcon : public QSystemTrayIcon {
    Q_OBJECT
public:
    explicit TrayIcon(QWidget* window, QObject* parent = nullptr);

    void setUnread(int unread);
    int unread() const { return m_unread; }

    // The icon with `unread` on a red badge (no badge at 0): also the window's icon.
    static QIcon badgedIcon(int unread);

private:
    void bringForward();

    QWidget* m_window;
    int m_unread = -1;
};

}  // namespace rapport::ui
