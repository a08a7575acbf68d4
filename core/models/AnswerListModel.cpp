#include "models/AnswerListModel.h"

#include <QSet>

#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "common/FutureUtils.h"
#include "library/AnswerStore.h"
#include "library/LibrarySync.h"
#include "search/SearchService.h"
#include "store/Database.h"

namespace rapport::models {

namespace {

using library::Answer;

// Typing, or a catch-up applying many items: one read.
constexpr int kCoalesceMs = 40;
// More hits than anyone scrolls through; the query narrows further.
constexpr int kSearchLimit = 500;

bool sameAnswer(const Answer& a, const Answer& b) {
    return a.title == b.title && a.body == b.body && a.tags == b.tags && a.author == b.author &&
           a.updated == b.updated && a.version == b.version && a.uses == b.uses &&
           a.state == b.state && a.conflictOf == b.conflictOf;
}

}  // namespace

AnswerListModel::AnswerListModel(Account& account, QObject* parent)
    : KeyedListModel(parent), m_account(account) {
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &AnswerListModel::reload);
    auto follow = [this] {
        connect(&m_account.library(), &library::LibrarySync::answersChanged, this,
                &AnswerListModel::schedule);
    };
    follow();
    // Another team service: another library sync, and other answers once it caught up.
    connect(&account, &Account::teamServiceChanged, this, [this, follow] {
        follow();
        schedule();
    });
    // Authors are shown by their roster names, as in the tips feed.
    connect(&account.contacts(), &ContactDirectory::contactChanged, this, [this] {
        if (!m_rows.isEmpty()) {
            emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                             {AuthorNameRole, Qt::AccessibleTextRole});
        }
    });
    reload();
}

int AnswerListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> AnswerListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(TitleRole, "title");
    names.insert(TagsRole, "tags");
    names.insert(AuthorRole, "author");
    names.insert(AuthorNameRole, "authorName");
    names.insert(UpdatedRole, "updated");
    names.insert(UsesRole, "uses");
    names.insert(StateRole, "state");
    names.insert(ConflictOfRole, "conflictOf");
    names.insert(BodyRole, "body");
    return names;
}

QVariant AnswerListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Answer& a = m_rows.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
        case TitleRole:
            return a.title;
        case Qt::AccessibleTextRole: {
            QString text = a.title;
            if (!a.tags.isEmpty()) {
                text += tr(", tags: %1").arg(a.tags.join(QStringLiteral(", ")));
            }
            text += tr(", by %1").arg(m_account.contacts().name(a.author));
            if (a.uses > 0) {
                text += tr(", used %n times", nullptr, a.uses);
            }
            if (a.state == Answer::State::Conflict) {
                text += tr(", conflict copy");
            } else if (a.state == Answer::State::Pending && !m_account.isLocalOnly()) {
                text += tr(", not published yet");
            }
            return text;
        }
        case IdRole:
            return a.id;
        case TagsRole:
            return a.tags;
        case AuthorRole:
            return a.author;
        case AuthorNameRole:
            return m_account.contacts().name(a.author);
        case UpdatedRole:
            return a.updated;
        case UsesRole:
            return a.uses;
        case StateRole:
            // Without an account nothing waits to be published: the answer is just local.
            return m_account.isLocalOnly() && a.state == Answer::State::Pending
                       ? QStringLiteral("local")
                       : library::stateName(a.state);
        case ConflictOfRole:
            return a.conflictOf;
        case BodyRole:
            return a.body;
        default:
            return {};
    }
}

int AnswerListModel::rowOf(const QString& id) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id) {
            return int(i);
        }
    }
    return -1;
}

void AnswerListModel::setQuery(const QString& query) {
    if (query != m_query) {
        m_query = query;
        schedule();
    }
}

void AnswerListModel::setTagFilter(const QString& tag) {
    if (tag != m_tag) {
        m_tag = tag;
        reload();
    }
}

void AnswerListModel::reload() {
    m_coalesce.stop();
    if (m_loading) {
        m_again = true;  // the library or the query changed while reading: read once more
        return;
    }
    m_loading = true;
    auto done = [this] {
        m_loading = false;
        if (std::exchange(m_again, false)) {
            reload();  // "loaded" means up to date: only after the last re-read
            return;
        }
        emit loaded();
    };
    search::SearchQuery query = search::SearchQuery::parse(m_query);
    onFinished(m_account.answers().list(), this,
               [this, query, done](const Result<QList<Answer>>& all) mutable {
                   if (!all.ok()) {
                       done();
                       return;
                   }
                   if (query.isEmpty()) {
                       show(all.value(), {}, false);
                       done();
                       return;
                   }
                   if (!query.filters.allowsKind(QStringLiteral("answer"))) {  // kind:tip, with:bob
                       show(all.value(), {}, true);
                       done();
                       return;
                   }
                   query.filters.kinds = QStringList{QStringLiteral("answer")};
                   auto hits = m_account.database().run([query](QSqlDatabase& db) {
                       QStringList ids;
                       for (const search::SearchHit& hit :
                            search::SearchService::search(db, query, kSearchLimit)) {
                           if (hit.kind == u"answer") {
                               ids << hit.id;
                           }
                       }
                       return ids;
                   });
                   onFinished(hits, this, [this, all = all.value(), done](const QStringList& ids) {
                       show(all, ids, true);
                       done();
                   });
               });
}

void AnswerListModel::show(QList<Answer> all, const QStringList& hitIds, bool searched) {
    QSet<QString> tagSet;
    for (const Answer& a : all) {
        for (const QString& t : a.tags) {
            tagSet.insert(t);
        }
    }
    QStringList tags(tagSet.begin(), tagSet.end());
    tags.sort();
    if (tags != m_tags) {
        m_tags = tags;
        emit tagsChanged();
    }

    QList<Answer> fresh;
    if (searched) {
        QHash<QString, qsizetype> byId;
        for (qsizetype i = 0; i < all.size(); ++i) {
            byId.insert(all[i].id, i);
        }
        QSet<QString> seen;
        for (const QString& id : hitIds) {
            if (const auto it = byId.constFind(id); it != byId.cend() && !seen.contains(id)) {
                seen.insert(id);
                fresh << all.at(*it);
            }
        }
    } else {
        fresh = std::move(all);
    }
    if (!m_tag.isEmpty()) {
        fresh.removeIf([this](const Answer& a) { return !a.tags.contains(m_tag); });
    }
    apply(fresh);
}

void AnswerListModel::apply(const QList<Answer>& fresh) {
    applyKeyed(
        m_rows, fresh, [](const Answer& a) { return a.id; }, sameAnswer);
}

}  // namespace rapport::models
