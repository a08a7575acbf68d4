#include "models/MessageListModel.h"

#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "common/FutureUtils.h"
#include "store/MessageStore.h"

namespace rapport::models {

namespace {

constexpr int kCoalesceMs = 30;

using State = store::StoredMessage::State;
using Direction = store::StoredMessage::Direction;

}  // namespace

MessageListModel::MessageListModel(Account& account, QString peer, QObject* parent)
    : QAbstractListModel(parent), m_account(account), m_peer(std::move(peer)) {
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &MessageListModel::refreshNewest);
    connect(&account, &Account::messagesChanged, this, [this](const QStringList& peers) {
        if (peers.isEmpty() || peers.contains(m_peer)) {
            m_coalesce.start();
        }
    });
    connect(&account.contacts(), &ContactDirectory::contactChanged, this,
            [this](const QString& jid) {
                if ((jid.isEmpty() || jid == m_peer) && !m_rows.isEmpty()) {
                    emit dataChanged(index(0), index(int(m_rows.size()) - 1), {SenderNameRole});
                }
            });
    refreshNewest();
}

QString MessageListModel::stateName(State state) {
    switch (state) {
        case State::Queued:
            return QStringLiteral("queued");
        case State::Sent:
            return QStringLiteral("sent");
        case State::Delivered:
            return QStringLiteral("delivered");
        case State::Read:
            return QStringLiteral("read");
        case State::Failed:
            return QStringLiteral("failed");
        case State::Received:
            break;
    }
    return QStringLiteral("received");
}

QString MessageListModel::stateText(State state) {
    switch (state) {
        case State::Queued:
            return tr("not sent yet");
        case State::Sent:
            return tr("sent");
        case State::Delivered:
            return tr("delivered");
        case State::Read:
            return tr("read");
        case State::Failed:
            return tr("could not be sent");
        case State::Received:
            break;
    }
    return tr("received");
}

int MessageListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> MessageListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(BodyRole, "body");
    names.insert(SenderRole, "sender");
    names.insert(SenderNameRole, "senderName");
    names.insert(TimestampRole, "timestamp");
    names.insert(OutgoingRole, "outgoing");
    names.insert(StateRole, "state");
    names.insert(RowIdRole, "rowId");
    names.insert(GroupStartRole, "groupStart");
    names.insert(DayStartRole, "dayStart");
    names.insert(EditedRole, "edited");
    return names;
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row();
    const store::StoredMessage& m = m_rows.at(row);
    const bool outgoing = m.direction == Direction::Outgoing;
    switch (role) {
        case Qt::DisplayRole:
        case BodyRole:
            return m.retracted ? tr("This message was deleted.") : m.body;
        case SenderRole:
            return m.sender;
        case SenderNameRole:
            return outgoing ? tr("You") : m_account.contacts().name(m.sender);
        case TimestampRole:
            return m.timestamp;
        case Qt::ToolTipRole:
            return QLocale().toString(m.timestamp.toLocalTime(), QLocale::LongFormat);
        case Qt::AccessibleTextRole: {
            // What a screen reader says for the bubble: who, when, the text, and for ours
            // how far it got.
            const QString who = outgoing ? tr("You") : m_account.contacts().name(m.sender);
            const QString when =
                QLocale().toString(m.timestamp.toLocalTime(), QLocale::ShortFormat);
            const QString text = m.retracted ? tr("This message was deleted.") : m.body;
            return outgoing ? tr("%1, %2, %3: %4").arg(who, when, stateText(m.state), text)
                            : tr("%1, %2: %3").arg(who, when, text);
        }
        case OutgoingRole:
            return outgoing;
        case StateRole:
            return stateName(m.state);
        case RowIdRole:
            return m.rowId;
        case EditedRole:
            return m.editedAt.isValid();
        case DayStartRole:
            return row == 0 || m_rows.at(row - 1).timestamp.toLocalTime().date() !=
                                   m.timestamp.toLocalTime().date();
        case GroupStartRole: {
            if (row == 0) {
                return true;
            }
            const store::StoredMessage& prev = m_rows.at(row - 1);
            return prev.sender != m.sender || prev.direction != m.direction ||
                   prev.timestamp.secsTo(m.timestamp) > GroupGapSeconds ||
                   prev.timestamp.toLocalTime().date() != m.timestamp.toLocalTime().date();
        }
        default:
            return {};
    }
}

bool MessageListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_atStart && !m_fetching && !m_rows.isEmpty();
}

void MessageListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) {
        return;
    }
    m_fetching = true;
    const store::MessageCursor before = store::MessageCursor::before(m_rows.first());
    onFinished(m_account.messages().history(m_peer, PageSize, before), this,
               [this](const Result<QList<store::StoredMessage>>& page) {
                   // Still "fetching" while the rows go in: views react to the insertion
                   // by asking for more, which must start from the new first row.
                   if (!page.ok()) {
                       m_fetching = false;
                       return;
                   }
                   const QList<store::StoredMessage>& older = page.value();
                   if (older.size() < PageSize) {
                       m_atStart = true;
                   }
                   if (!older.isEmpty()) {
                       beginInsertRows({}, 0, int(older.size()) - 1);
                       m_rows = older + m_rows;
                       endInsertRows();
                       // The first old row's neighbour: its day and run start may change.
                       emitNeighboursChanged(int(older.size()));
                   }
                   m_fetching = false;
                   emit olderLoaded(int(older.size()));
                   if (m_wanted != 0) {
                       loadUntil(m_wanted);
                   }
               });
}

int MessageListModel::rowOfMessage(qint64 rowId) const {
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (m_rows[i].rowId == rowId) {
            return int(i);
        }
    }
    return -1;
}

void MessageListModel::loadUntil(qint64 rowId) {
    if (const int row = rowOfMessage(rowId); row >= 0) {
        m_wanted = 0;
        m_rechecked = false;
        emit messageLoaded(row);
        return;
    }
    m_wanted = rowId;
    if (m_rows.isEmpty() && !m_atStart) {
        return;  // the first page is on its way; it looks again
    }
    if (m_atStart) {
        if (m_rechecked) {
            m_wanted = 0;  // not in this conversation
            m_rechecked = false;
            return;
        }
        // Older messages may have been stored since we reached the start (an archive
        // catch-up fills gaps): look once more.
        m_rechecked = true;
        m_atStart = false;
    }
    fetchMore({});
}

void MessageListModel::refreshNewest() {
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    onFinished(m_account.messages().history(m_peer, PageSize), this,
               [this](const Result<QList<store::StoredMessage>>& page) {
                   m_refreshing = false;
                   const bool first = m_rows.isEmpty() && !m_atStart;
                   if (page.ok()) {
                       if (first && page.value().size() < PageSize) {
                           m_atStart = true;
                       }
                       mergeNewest(page.value());
                   }
                   if (first) {
                       emit newestLoaded();
                       if (m_wanted != 0) {
                           loadUntil(m_wanted);
                       }
                   }
                   if (std::exchange(m_refreshAgain, false)) {
                       refreshNewest();
                   }
               });
}

void MessageListModel::mergeNewest(const QList<store::StoredMessage>& page) {
    // Update what we have; collect what is newer than our newest row.
    QList<store::StoredMessage> appended;
    const qsizetype haveCount = m_rows.size();
    const store::StoredMessage* newest = haveCount ? &m_rows.last() : nullptr;
    for (const store::StoredMessage& m : page) {
        if (const int row = rowOfMessage(m.rowId); row >= 0) {
            if (!(m_rows[row] == m)) {
                m_rows[row] = m;
                emit dataChanged(index(row), index(row));
            }
            continue;
        }
        const bool later = !newest || m.timestamp > newest->timestamp ||
                           (m.timestamp == newest->timestamp && m.seq > newest->seq);
        if (later) {
            appended << m;
        }
        // Anything else is older than our newest and not loaded: an archive page filled a
        // gap. The view shows it after a reload of the conversation; live use never does.
    }
    if (appended.isEmpty()) {
        return;
    }
    beginInsertRows({}, int(haveCount), int(haveCount + appended.size() - 1));
    m_rows += appended;
    endInsertRows();
    emit messagesAppended(int(appended.size()));
}

void MessageListModel::emitNeighboursChanged(int row) {
    if (row >= 0 && row < m_rows.size()) {
        emit dataChanged(index(row), index(row), {GroupStartRole, DayStartRole});
    }
}

}  // namespace rapport::models
