#include "notify/TrayIcon.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QWidget>

#include "common/BringToFront.h"

namespace rapport::ui {

TrayIcon::TrayIcon(QWidget* window, QObject* parent) : QSystemTrayIcon(parent), m_window(window) {
    auto* menu = new QMenu(window);
    menu->addAction(tr("Show Rapport"), this, &TrayIcon::bringForward);
    menu->addSeparator();
    menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    setContextMenu(menu);
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger || reason == DoubleClick) {
            bringForward();
        }
    });
    setUnread(0);
}

void TrayIcon::setUnread(int unread) {
    if (unread == m_unread) {
        return;
    }
    m_unread = unread;
    setIcon(badgedIcon(unread));
    setToolTip(unread > 0 ? tr("Rapport: %n unread", nullptr, unread) : tr("Rapport"));
}

QIcon TrayIcon::badgedIcon(int unread) {
    const QIcon base(QStringLiteral(":/icons/rapport.svg"));
    if (unread <= 0) {
        return base;
    }
    QIcon icon;
    const QString text = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(size, size);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        // A badge over the bottom right, large enough to read at tray sizes.
        const qreal h = size * 0.62;
        const qreal w = std::max(h, h * 0.55 * text.size());
        const QRectF badge(size - w, size - h, w, h);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xd0, 0x3b, 0x3b));
        p.drawRoundedRect(badge, h / 2, h / 2);
        QFont font = QApplication::font();
        font.setBold(true);
        font.setPixelSize(int(h * (text.size() > 2 ? 0.5 : 0.72)));
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, text);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

void TrayIcon::bringForward() {
    bringToFront(m_window);
}

}  // namespace rapport::ui
