#include "models/SearchResultsModel.h"

#include <QDateTime>

#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "common/FutureUtils.h"
#include "search/SearchService.h"
#include "store/Database.h"

namespace rapport::models {

namespace {

int kindOrder(const QString& kind) {
    return kind == u"message" ? 0 : kind == u"answer" ? 1 : 2;
}

}  // namespace

SearchResultsModel::SearchResultsModel(Account& account, QObject* parent)
    : QAbstractListModel(parent), m_account(account) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchResultsModel::run);
}

void SearchResultsModel::setQuery(const QString& text) {
    m_query = text;
    m_debounce.start();
}

void SearchResultsModel::run() {
    const QString text = m_query;
    const quint64 request = ++m_request;
    auto future = m_account.database().run([text](QSqlDatabase& db) {
        QList<search::SearchHit> hits = search::SearchService::search(db, text, Limit);
        // Grouped by kind, keeping the ranking within each.
        std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
            return kindOrder(a.kind) < kindOrder(b.kind);
        });
        return hits;
    });
    onFinished(future, this, [this, request](const QList<search::SearchHit>& hits) {
        if (request != m_request) {
            return;  // typed on since
        }
        beginResetModel();
        m_hits = hits;
        endResetModel();
        emit searched();
    });
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_hits.size());
}

QHash<int, QByteArray> SearchResultsModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(IdRole, "id");
    names.insert(TitleRole, "title");
    names.insert(SnippetRole, "snippet");
    names.insert(ConversationRole, "conversation");
    names.insert(TimestampRole, "timestamp");
    names.insert(SectionStartRole, "sectionStart");
    return names;
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const search::SearchHit& h = m_hits.at(index.row());
    switch (role) {
        case Qt::DisplayRole: {
            const QString s = search::withoutMatchMarks(h.snippet);
            return h.title.isEmpty() ? s : h.title + QStringLiteral(": ") + s;
        }
        case Qt::AccessibleTextRole: {
            const QString snippet = search::withoutMatchMarks(h.snippet);
            if (h.kind == u"message") {
                return tr("Message with %1: %2")
                    .arg(m_account.contacts().name(h.conversation), snippet);
            }
            return (h.kind == u"answer" ? tr("Answer %1: %2") : tr("Tip %1: %2"))
                .arg(h.title, snippet);
        }
        case KindRole:
            return h.kind;
        case IdRole:
            return h.id;
        case TitleRole:
            return h.kind == u"message" ? m_account.contacts().name(h.conversation) : h.title;
        case SnippetRole:
            return h.snippet;
        case ConversationRole:
            return h.conversation;
        case TimestampRole:
            return QDateTime::fromMSecsSinceEpoch(h.timestamp, Qt::UTC);
        case SectionStartRole:
            return index.row() == 0 || m_hits.at(index.row() - 1).kind != h.kind;
        default:
            return {};
    }
}

}  // namespace rapport::models
