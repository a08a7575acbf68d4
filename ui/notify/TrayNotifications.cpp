#include "notify/TrayNotifications.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace rapport::ui {

namespace {
constexpr int kTimeoutMs = 8000;
}

TrayNotifications::TrayNotifications(QSystemTrayIcon* tray, QObject* parent)
    : DesktopNotifications(parent), m_tray(tray) {
    if (m_tray) {
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_last != 0) {
                emit activated(m_last);
            }
        });
    }
}

uint TrayNotifications::show(uint, const QString& title, const QString& body, bool sound) {
    if (!m_tray || !m_tray->isVisible()) {
        return 0;
    }
    m_tray->showMessage(title, body, QSystemTrayIcon::Information, kTimeoutMs);
    if (sound) {
        // Balloons are silent; the platform's alert sound is the one sound we have.
        QApplication::beep();
    }
    return ++m_last;
}

void TrayNotifications::close(uint) {}

}  // namespace rapport::ui
