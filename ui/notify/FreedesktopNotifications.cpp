#include "notify/FreedesktopNotifications.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace rapport::ui {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
// How long a notification stays, in ms; the server may cap it.
constexpr int kTimeoutMs = 8000;

}  // namespace

FreedesktopNotifications::FreedesktopNotifications(QObject* parent) : DesktopNotifications(parent) {
    QDBusConnection::sessionBus().connect(kService, kPath, kInterface,
                                          QStringLiteral("ActionInvoked"), this,
                                          SLOT(onActionInvoked(uint, QString)));
}

bool FreedesktopNotifications::isAvailable() {
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()) {
        return false;
    }
    // Running, or started by the bus at the first call.
    return bus.interface()->isServiceRegistered(kService).value() ||
           bus.interface()->activatableServiceNames().value().contains(kService);
}

uint FreedesktopNotifications::show(uint replaces, const QString& title, const QString& body,
                                    bool sound) {
    QVariantMap hints{{QStringLiteral("category"), QStringLiteral("im.received")},
                      {QStringLiteral("desktop-entry"), QApplication::desktopFileName()}};
    if (sound) {
        hints.insert(QStringLiteral("sound-name"), QStringLiteral("message-new-instant"));
    } else {
        hints.insert(QStringLiteral("suppress-sound"), true);
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    // The body is markup for some servers: plain text only, escaped. The icon is the
    // installed theme icon, named like the desktop file (packaging/desktop).
    call << QApplication::applicationDisplayName() << m_serverIds.value(replaces)
         << QApplication::desktopFileName() << title << body.toHtmlEscaped()
         << QStringList{QStringLiteral("default"), tr("Open")} << hints << kTimeoutMs;
    // Asynchronous: the window never waits for the notification server.
    const uint ticket = ++m_lastTicket;
    auto* watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, ticket, replaces, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isValid()) {
            m_serverIds.remove(replaces);
            m_serverIds.insert(ticket, reply.value());
        }
    });
    return ticket;
}

void FreedesktopNotifications::close(uint id) {
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface,
                                                       QStringLiteral("CloseNotification"));
    call << m_serverIds.take(id);
    QDBusConnection::sessionBus().asyncCall(call);
}

void FreedesktopNotifications::onActionInvoked(uint id, const QString& action) {
    if (action != u"default") {
        return;
    }
    for (auto it = m_serverIds.cbegin(); it != m_serverIds.cend(); ++it) {
        if (it.value() == id) {
            emit activated(it.key());
            return;
        }
    }
}

}  // namespace rapport::ui
