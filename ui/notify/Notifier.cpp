#include "notify/Notifier.h"

#include <QWidget>

#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "notify/DesktopNotifications.h"

namespace rapport::ui {

namespace {

// A notification is updated at most this often per peer.
constexpr int kMinIntervalMs = 1000;
// What a notification shows of a long message.
constexpr int kBodyChars = 200;

QString excerpt(const QString& body) {
    const QString line = body.simplified();
    return line.size() > kBodyChars ? line.left(kBodyChars - 1) + QChar(0x2026) : line;
}

}  // namespace

Notifier::Notifier(Account& account, QWidget* window, DesktopNotifications* backend,
                   QObject* parent)
    : QObject(parent), m_account(account), m_window(window), m_backend(backend) {
    m_flush.setSingleShot(true);
    m_flush.setInterval(kMinIntervalMs);
    connect(&m_flush, &QTimer::timeout, this, &Notifier::flushDirty);
    connect(&account, &Account::messageArrived, this, &Notifier::messageArrived);
    connect(m_backend, &DesktopNotifications::activated, this, [this](uint id) {
        for (auto it = m_byPeer.cbegin(); it != m_byPeer.cend(); ++it) {
            if (it->id == id) {
                emit openConversation(it.key());
                return;
            }
        }
    });
}

bool Notifier::wantsNotification() const {
    return m_enabled && m_account.ownPresence() != u"dnd" && !m_window->isActiveWindow();
}

void Notifier::messageArrived(const QString& peer, const QString& body) {
    if (!wantsNotification()) {
        return;
    }
    Pending& p = m_byPeer[peer];
    ++p.count;
    p.lastBody = body;
    p.dirty = true;
    if (!p.lastShown.isValid() || p.lastShown.elapsed() >= kMinIntervalMs) {
        showPending(peer);
    } else if (!m_flush.isActive()) {
        m_flush.start();
    }
}

void Notifier::showPending(const QString& peer) {
    Pending& p = m_byPeer[peer];
    const QString name = m_account.contacts().name(peer);
    const QString text =
        p.count > 1 ? tr("%n new messages. The last: %1", nullptr, p.count).arg(excerpt(p.lastBody))
                    : excerpt(p.lastBody);
    // The sound only for the first of a run: a burst does not ring a hundred times.
    const bool sound = m_sounds && p.id == 0;
    p.id = m_backend->show(p.id, name, text, sound);
    p.lastShown.start();
    p.dirty = false;
    ++m_shown;
}

void Notifier::flushDirty() {
    if (!wantsNotification()) {
        // They came back to the window (or set "Do not disturb"): no news to tell.
        for (Pending& p : m_byPeer) {
            p.dirty = false;
        }
        return;
    }
    bool waiting = false;
    for (auto it = m_byPeer.begin(); it != m_byPeer.end(); ++it) {
        if (!it->dirty) {
            continue;
        }
        if (it->lastShown.elapsed() >= kMinIntervalMs) {
            showPending(it.key());
        } else {
            waiting = true;
        }
    }
    if (waiting) {
        m_flush.start();
    }
}

void Notifier::conversationOpened(const QString& peer) {
    const auto it = m_byPeer.find(peer);
    if (it == m_byPeer.end()) {
        return;
    }
    if (it->id != 0) {
        m_backend->close(it->id);
    }
    m_byPeer.erase(it);
}

}  // namespace rapport::ui
