// Desktop notifications as an engineer meets them, with a real Prosody and a private D-Bus
// session bus on which the test plays the desktop's notification server
// (org.freedesktop.Notifications, the calls a real one gets): a customer's message while the
// window is in the background shows one notification with the customer's name and the text
// (silent: sounds are off by default); a burst from the same customer updates that one
// notification a few times, not once per message; clicking it brings the window forward with
// the conversation open and takes the notification away; nothing is shown while the window
// is in front, while "Do not disturb" is set, or with notifications turned off; with sounds
// on, the first notification asks for the desktop's message sound. The tray icon carries the
// unread count.
#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdio>

#include "LiveClient.h"
#include "UiTestSupport.h"
#include "account/Account.h"
#include "chats/ChatsView.h"
#include "chats/ConversationPane.h"
#include "main/MainWindow.h"
#include "models/ConversationListModel.h"
#include "notify/Notifier.h"
#include "notify/TrayIcon.h"
#include "settings/AppSettings.h"

using namespace rapport;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

const QString Password = QStringLiteral("secret");
const QString Engineer = QStringLiteral("engineer@localhost");
const QString Customer = QStringLiteral("customer@localhost");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

// The desktop's notification server, as far as Rapport can tell: the Desktop Notifications
// Specification's methods, recording what they were asked.
class FakeNotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown {
        uint id;
        uint replaces;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Shown> shown;
    QList<uint> closed;

public slots:
    uint Notify(const QString&, uint replaces, const QString&, const QString& summary,
                const QString& body, const QStringList& actions, const QVariantMap& hints, int) {
        const uint id = replaces != 0 ? replaces : ++m_next;
        shown.append({id, replaces, summary, body, actions, hints});
        return id;
    }
    void CloseNotification(uint id) { closed.append(id); }
    QStringList GetCapabilities() {
        return {QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("sound")};
    }

private:
    uint m_next = 100;
};

// A session bus of our own, so that the test neither needs nor disturbs the desktop's.
struct PrivateBus {
    QString address;
    long pid = 0;
    bool start() {
        FILE* out = ::popen("dbus-daemon --session --fork --print-address=1 --print-pid=1", "r");
        if (!out) {
            return false;
        }
        char line[512] = {};
        if (std::fgets(line, sizeof line, out)) {
            address = QString::fromLocal8Bit(line).trimmed();
        }
        if (std::fgets(line, sizeof line, out)) {
            pid = QString::fromLocal8Bit(line).trimmed().toLong();
        }
        ::pclose(out);
        return !address.isEmpty() && pid > 0;
    }
    ~PrivateBus() {
        if (pid > 0) {
            ::kill(pid_t(pid), SIGTERM);
        }
    }
};

}  // namespace

class TestNotifications : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir profile;
    FakeNotificationServer desktop;
    std::unique_ptr<Account> account;
    std::unique_ptr<ui::MainWindow> window;
    std::unique_ptr<LiveClient> customer;

    // Sends from the customer and waits until the engineer's conversation list shows it.
    bool customerSays(const QString& text) {
        return customer->chat->sendMessage(Jid(Engineer), text).ok() &&
               QTest::qWaitFor([&] { return lastFromCustomer() == text; }, 15000);
    }
    QString lastFromCustomer() const {
        auto* list = window->conversations();
        for (int row = 0; row < list->rowCount(); ++row) {
            const QModelIndex i = list->index(row);
            if (i.data(models::ConversationListModel::PeerRole).toString() == Customer) {
                return i.data(models::ConversationListModel::PreviewRole).toString();
            }
        }
        return {};
    }

    void goToBackground() {
        QApplication::setActiveWindow(nullptr);
        QTRY_VERIFY(!window->isActiveWindow());
    }
    void applyNotifications(bool on, bool sounds) {
        ui::AppSettings s = ui::AppSettings::load();
        s.notifications = on;
        s.sounds = sounds;
        s.save();
        window->applySettings(s);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(
            rapport::test::startWithUsers(
                server, {QStringLiteral("engineer"), QStringLiteral("customer")}, Password, &error),
            qPrintable(error));
        rapport::test::keepSettingsIn(profile.path());

        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                            QStringLiteral("fake-desktop"));
        QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
        QVERIFY(bus.registerObject(kPath, &desktop, QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(kInterface));

        QString why;
        account =
            rapport::test::openAccount(profile.filePath(QStringLiteral("data")), Engineer, &why);
        QVERIFY2(account, qPrintable(why));
        window = std::make_unique<ui::MainWindow>(*account);
        window->applySettings(ui::AppSettings::load());
        window->show();
        QVERIFY(account->signIn(Password, server.websocketUrl()).ok());
        customer = std::make_unique<LiveClient>(server, Customer, Password);
        QVERIFY(customer->signIn());
        QTRY_VERIFY_WITH_TIMEOUT(account->client().state() == xmpp::Client::State::Online, 15000);
    }

    void cleanupTestCase() {
        window.reset();
        account.reset();
    }

    void messageInTheBackgroundNotifies() {
        goToBackground();
        QVERIFY(customerSays(QStringLiteral("Hi, my invoices page is blank since this morning.")));
        QTRY_COMPARE_WITH_TIMEOUT(desktop.shown.size(), 1, 10000);
        const auto& n = desktop.shown.first();
        QCOMPARE(n.summary, QStringLiteral("customer"));  // the roster name, else the local part
        QCOMPARE(n.body, QStringLiteral("Hi, my invoices page is blank since this morning."));
        QCOMPARE(n.replaces, 0u);
        QVERIFY(n.actions.contains(QStringLiteral("default")));  // clickable
        QCOMPARE(n.hints.value(QStringLiteral("category")).toString(),
                 QStringLiteral("im.received"));
        QVERIFY(n.hints.value(QStringLiteral("suppress-sound")).toBool());  // sounds off
        QVERIFY(!n.hints.contains(QStringLiteral("sound-name")));
    }

    void aBurstUpdatesOneNotification() {
        const int before = int(desktop.shown.size());
        const uint id = desktop.shown.last().id;
        for (int i = 1; i <= 20; ++i) {
            const QString line = QStringLiteral("Burst line %1").arg(i);
            QVERIFY(customer->chat->sendMessage(Jid(Engineer), line).ok());
        }
        // All of it arrives as one notification saying how many, with the last line.
        QTRY_VERIFY_WITH_TIMEOUT(
            desktop.shown.last().body.contains(QStringLiteral("Burst line 20")), 15000);
        QVERIFY2(desktop.shown.last().body.contains(QStringLiteral("21 new messages")),
                 qPrintable(desktop.shown.last().body));
        for (qsizetype i = before; i < desktop.shown.size(); ++i) {
            QCOMPARE(desktop.shown[i].replaces, id);
            QVERIFY(!desktop.shown[i].hints.contains(QStringLiteral("sound-name")));
        }
        const int updates = int(desktop.shown.size()) - before;
        QVERIFY2(updates <= 5, qPrintable(QString::number(updates)));  // not 20
    }

    void clickOpensTheConversation() {
        QVERIFY(window->chats()->pane()->peer().isEmpty());
        const uint id = desktop.shown.last().id;
        QDBusMessage signal =
            QDBusMessage::createSignal(kPath, kInterface, QStringLiteral("ActionInvoked"));
        signal << id << QStringLiteral("default");
        QVERIFY(QDBusConnection(QStringLiteral("fake-desktop")).send(signal));
        QTRY_COMPARE(window->chats()->pane()->peer(), Customer);
        QCOMPARE(window->currentSection(), window->chats());
        // Brought forward (whether it gets the focus is the window manager's call; the offscreen
        // platform has none).
        QVERIFY(window->isVisible());
        QVERIFY(!(window->windowState() & Qt::WindowMinimized));
        QTRY_VERIFY(desktop.closed.contains(id));
        // Opened, so read.
        QTRY_COMPARE_WITH_TIMEOUT(window->unreadTotal(), 0, 10000);
    }

    void nothingWhileTheWindowIsInFront() {
        QApplication::setActiveWindow(window.get());
        QTRY_VERIFY(window->isActiveWindow());
        const qsizetype before = desktop.shown.size();
        QVERIFY(customerSays(QStringLiteral("Are you there?")));
        QTest::qWait(300);  // what the notifier would do, it did by now (it is synchronous)
        QCOMPARE(desktop.shown.size(), before);
    }

    void nothingWhileDoNotDisturb() {
        window->chats()->openConversation(QString());
        goToBackground();
        account->setOwnPresence(QStringLiteral("dnd"));
        const qsizetype before = desktop.shown.size();
        QVERIFY(customerSays(QStringLiteral("Hello? (while you do not want to be disturbed)")));
        QTest::qWait(300);
        QCOMPARE(desktop.shown.size(), before);
        account->setOwnPresence(QStringLiteral("available"));
    }

    void nothingWhenTurnedOff() {
        applyNotifications(false, false);
        const qsizetype before = desktop.shown.size();
        QVERIFY(customerSays(QStringLiteral("Anyone? (notifications off)")));
        QTest::qWait(300);
        QCOMPARE(desktop.shown.size(), before);
    }

    void soundWhenAskedFor() {
        applyNotifications(true, true);
        // A new run of messages (the conversation was opened since the last one).
        window->notifier()->conversationOpened(Customer);
        const qsizetype before = desktop.shown.size();
        QVERIFY(customerSays(QStringLiteral("Found it, thanks!")));
        QTRY_COMPARE_WITH_TIMEOUT(desktop.shown.size(), before + 1, 10000);
        const auto& n = desktop.shown.last();
        QCOMPARE(n.hints.value(QStringLiteral("sound-name")).toString(),
                 QStringLiteral("message-new-instant"));
        QVERIFY(!n.hints.contains(QStringLiteral("suppress-sound")));
        applyNotifications(true, false);
    }

    void trayIconCarriesTheUnreadCount() {
        ui::TrayIcon tray(window.get());
        tray.setUnread(3);
        QVERIFY2(tray.toolTip().contains(QStringLiteral("3 unread")), qPrintable(tray.toolTip()));
        // A red badge over the bottom right of the icon; none at 0.
        const QImage badged = ui::TrayIcon::badgedIcon(3).pixmap(32, 32).toImage();
        const QImage plain = ui::TrayIcon::badgedIcon(0).pixmap(32, 32).toImage();
        const QColor corner = badged.pixelColor(26, 26);
        QVERIFY2(corner.red() > 180 && corner.green() < 90, qPrintable(corner.name()));
        QVERIFY(badged != plain);
        tray.setUnread(0);
        QCOMPARE(tray.toolTip(), QStringLiteral("Rapport"));
    }
};

int main(int argc, char** argv) {
    // Before anything in Qt connects to a session bus.
    PrivateBus bus;
    if (!bus.start()) {
        std::fprintf(stderr, "tst_notifications: cannot start dbus-daemon (package dbus-daemon)\n");
        return 1;
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", bus.address.toLocal8Bit());
    QApplication app(argc, argv);
    TestNotifications test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notifications.moc"
