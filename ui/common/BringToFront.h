// The window forward, as a click on the tray icon or a notification asks: shown, no longer
// minimized, raised and (if the window manager allows) active.
#pragma once

#include <QWidget>

namespace rapport::ui {

inline void bringToFront(QWidget* window) {
    window->show();
    window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window->raise();
    window->activateWindow();
}

}  // namespace rapport::ui
