#include "models/ConversationListModel.h"

#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "common/FutureUtils.h"

#include <algorithm>

namespace rapport::models {

namespace {

// Many writes in a burst (a catch-up page, a receipt storm) become one re-read.
constexpr int kCoalesceMs = 30;
// While writes keep coming (a flood of messages, a long catch-up), the whole list is read
// at most this often: each read is every conversation (2,000 rows: a few ms in the store
// and in apply()), and reading it every 30 ms was most of a burst's cost.
constexpr int kBusyGapMs = 250;
constexpr int kBusyTargetedGapMs = 100;
// More conversations changed than this: read the whole list instead.
constexpr int kMaxTargeted = 50;

QString oneLine(const QString& text) {
    return text.simplified();
}

}  // namespace

ConversationListModel::ConversationListModel(Account& account, QObject* parent)
    : KeyedListModel(parent), m_account(account) {
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ConversationListModel::reload);
    connect(&account, &Account::messagesChanged, this, [this](const QStringList& peers) {
        if (peers.isEmpty()) {
            m_fullReload = true;
        }
        for (const QString& peer : peers) {
            m_dirty.insert(peer);
        }
        if (m_coalesce.isActive()) {
            return;  // a re-read is coming; restarting the timer would put it off indefinitely
        }
        // While writes keep coming, reads are spaced out: the whole list at most every
        // kBusyGapMs, a few conversations every kBusyTargetedGapMs (the eye sees no lag).
        const qint64 gap = m_fullReload ? kBusyGapMs : kBusyTargetedGapMs;
        const qint64 since = m_lastRead.isValid() ? m_lastRead.elapsed() : gap;
        m_coalesce.start(int(std::max<qint64>(kCoalesceMs, gap - since)));
    });
    connect(&account.contacts(), &ContactDirectory::contactChanged, this,
            &ConversationListModel::onPresence);
    reload();
}

bool ConversationListModel::isColleagueGroup(const QString& group) {
    const QString g = group.trimmed().toLower();
    return g == u"colleagues" || g == u"team" || g == u"staff" || g == u"support";
}

int ConversationListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> ConversationListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(PeerRole, "peer");
    names.insert(NameRole, "name");
    names.insert(InitialsRole, "initials");
    names.insert(PreviewRole, "preview");
    names.insert(LastActivityRole, "lastActivity");
    names.insert(UnreadRole, "unread");
    names.insert(PresenceRole, "presence");
    names.insert(IsCustomerRole, "isCustomer");
    names.insert(LastFromMeRole, "lastFromMe");
    return names;
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const store::ConversationSummary& c = m_rows.at(index.row());
    const ContactDirectory& contacts = m_account.contacts();
    switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return contacts.name(c.peer);
        case Qt::ToolTipRole:
        case PeerRole:
            return c.peer;
        case Qt::AccessibleTextRole: {
            // Who, what kind, whether they are there, what is new.
            const QStringList groups = contacts.groups(c.peer);
            const bool customer = std::none_of(groups.begin(), groups.end(), isColleagueGroup);
            QString text =
                tr("%1, %2, %3")
                    .arg(contacts.name(c.peer), customer ? tr("customer") : tr("colleague"),
                         presenceText(contacts.presence(c.peer)));
            if (c.unread > 0) {
                text += tr(", %n unread", nullptr, c.unread);
            }
            return text + QStringLiteral(": ") + oneLine(c.lastMessagePreview);
        }
        case InitialsRole:
            return ContactDirectory::initials(contacts.name(c.peer));
        case PreviewRole:
            return oneLine(c.lastMessagePreview);
        case LastActivityRole:
            return c.lastActivity;
        case UnreadRole:
            return c.unread;
        case PresenceRole:
            return contacts.presence(c.peer);
        case IsCustomerRole: {
            const QStringList groups = contacts.groups(c.peer);
            return std::none_of(groups.begin(), groups.end(), isColleagueGroup);
        }
        case LastFromMeRole:
            return c.lastMessageDirection == store::StoredMessage::Direction::Outgoing;
        default:
            return {};
    }
}

QString ConversationListModel::presenceText(const QString& presence) {
    if (presence == u"available") {
        return tr("available");
    }
    if (presence == u"away") {
        return tr("away");
    }
    if (presence == u"dnd") {
        return tr("do not disturb");
    }
    if (presence == u"offline") {
        return tr("offline");
    }
    return tr("presence unknown");
}

int ConversationListModel::rowOf(const QString& peer) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].peer == peer) {
            return int(i);
        }
    }
    return -1;
}

void ConversationListModel::reload() {
    if (m_loading) {
        m_again = true;  // a change came while reading: read once more after
        return;
    }
    m_loading = true;
    const bool whole =
        std::exchange(m_fullReload, false) || !m_loadedOnce || m_dirty.size() > kMaxTargeted;
    const QStringList peers = whole ? QStringList() : QStringList(m_dirty.begin(), m_dirty.end());
    m_dirty.clear();
    auto done = [this] {
        m_loading = false;
        if (!m_loadedOnce) {
            m_loadedOnce = true;
            emit loaded();
        }
        if (std::exchange(m_again, false)) {
            reload();
        }
    };
    m_lastRead.start();
    if (!whole) {
        // A few conversations changed (live messages, receipts, a read): read just those.
        onFinished(m_account.conversations().conversations(peers), this,
                   [this, done](const Result<QList<store::ConversationSummary>>& changed) {
                       if (changed.ok()) {
                           applyChanged(changed.value());
                       } else {
                           m_fullReload = true;
                           m_again = true;
                       }
                       done();
                   });
        return;
    }
    onFinished(m_account.conversations().list(), this,
               [this, done](const Result<QList<store::ConversationSummary>>& fresh) {
                   if (fresh.ok()) {
                       apply(fresh.value());
                   }
                   done();
               });
}

void ConversationListModel::applyChanged(const QList<store::ConversationSummary>& changed) {
    // The store's order: newest activity first, then the newest conversation.
    const auto before = [](const store::ConversationSummary& a,
                           const store::ConversationSummary& b) {
        const qint64 ta = a.lastActivity.isValid() ? a.lastActivity.toMSecsSinceEpoch() : 0;
        const qint64 tb = b.lastActivity.isValid() ? b.lastActivity.toMSecsSinceEpoch() : 0;
        return ta != tb ? ta > tb : a.id > b.id;
    };
    // Each changed row moves to its place (or comes in there) and reports its change: no
    // pass over the whole list, which a burst of messages would make a few times a second.
    for (const store::ConversationSummary& c : changed) {
        const int row = rowOf(c.peer);
        if (row >= 0 && sameSummary(m_rows[row], c)) {
            continue;
        }
        // Its place among the other rows (sorted): how many of them come before it. A
        // conversation that just got a message is usually first, so this stops at once.
        int place = 0;
        for (int i = 0; i < int(m_rows.size()); ++i) {
            if (i == row) {
                continue;
            }
            if (!before(m_rows[i], c)) {
                break;
            }
            ++place;
        }
        if (row < 0) {
            beginInsertRows({}, place, place);
            m_rows.insert(place, c);
            endInsertRows();
            continue;
        }
        if (place != row) {
            // beginMoveRows counts the destination before the move.
            beginMoveRows({}, row, row, {}, place > row ? place + 1 : place);
            m_rows.move(row, place);
            endMoveRows();
        }
        m_rows[place] = c;
        emit dataChanged(index(place), index(place));
    }
}

int ConversationListModel::totalUnread() const {
    int total = 0;
    for (const store::ConversationSummary& c : m_rows) {
        total += c.unread;
    }
    return total;
}

bool ConversationListModel::sameSummary(const store::ConversationSummary& a,
                                        const store::ConversationSummary& b) {
    return a.unread == b.unread && a.lastActivity == b.lastActivity &&
           a.lastMessagePreview == b.lastMessagePreview &&
           a.lastMessageRowId == b.lastMessageRowId &&
           a.lastMessageDirection == b.lastMessageDirection;
}

void ConversationListModel::apply(const QList<store::ConversationSummary>& fresh) {
    applyKeyed(
        m_rows, fresh, [](const store::ConversationSummary& c) { return c.peer; }, &sameSummary);
}

void ConversationListModel::onPresence(const QString& bareJid) {
    if (m_rows.isEmpty()) {
        return;
    }
    if (bareJid.isEmpty()) {
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
        return;
    }
    if (const int row = rowOf(bareJid); row >= 0) {
        emit dataChanged(index(row), index(row));
    }
}

}  // namespace rapport::models
