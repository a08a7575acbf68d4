#include "models/TipListModel.h"

#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "common/FutureUtils.h"
#include "feed/FeedSync.h"
#include "feed/TipStore.h"

namespace rapport::models {

namespace {

// A post and its publish, or a catch-up's pages, come in bursts: one re-read for each.
constexpr int kCoalesceMs = 30;

bool sameShown(const feed::Tip& a, const feed::Tip& b) {
    return a.likes == b.likes && a.likedByMe == b.likedByMe && a.comments == b.comments &&
           a.state == b.state && a.body == b.body && a.tags == b.tags &&
           a.published == b.published && a.author == b.author;
}

}  // namespace

TipListModel::TipListModel(Account& account, QObject* parent)
    : KeyedListModel(parent), m_account(account) {
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &TipListModel::reload);
    auto follow = [this] {
        connect(&m_account.feed(), &feed::FeedSync::tipsChanged, this,
                [this] { scheduleReload(); });
    };
    follow();
    // Another team service: another feed sync.
    connect(&account, &Account::teamServiceChanged, this, [this, follow] {
        follow();
        scheduleReload();
    });
    connect(&account.contacts(), &ContactDirectory::contactChanged, this, [this] {
        if (!m_rows.isEmpty()) {
            emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                             {Qt::DisplayRole, AuthorNameRole, AuthorInitialsRole});
        }
    });
    reload();
}

int TipListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> TipListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(AuthorRole, "author");
    names.insert(AuthorNameRole, "authorName");
    names.insert(AuthorInitialsRole, "authorInitials");
    names.insert(BodyRole, "body");
    names.insert(TagsRole, "tags");
    names.insert(PublishedRole, "published");
    names.insert(LikesRole, "likes");
    names.insert(LikedByMeRole, "likedByMe");
    names.insert(CommentsRole, "comments");
    names.insert(StateRole, "state");
    names.insert(ExpandedRole, "expanded");
    names.insert(CommentsLoadedRole, "commentsLoaded");
    names.insert(CommentListRole, "commentList");
    return names;
}

QVariant TipListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const feed::Tip& t = m_rows.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            // What a screen reader says for the card.
            return (t.likes == 1 ? tr("%1: %2 (1 like, %3)")
                                 : tr("%1: %2 (%n likes, %3)", nullptr, t.likes))
                .arg(m_account.contacts().name(t.author), t.body.simplified(),
                     t.comments == 1 ? tr("1 comment") : tr("%n comments", nullptr, t.comments));
        case IdRole:
            return t.id;
        case AuthorRole:
            return t.author;
        case AuthorNameRole:
            return m_account.contacts().name(t.author);
        case AuthorInitialsRole:
            return ContactDirectory::initials(m_account.contacts().name(t.author));
        case BodyRole:
            return t.body;
        case TagsRole:
            return t.tags;
        case PublishedRole:
            return t.published;
        case LikesRole:
            return t.likes;
        case LikedByMeRole:
            return t.likedByMe;
        case CommentsRole:
            return t.comments;
        case StateRole:
            return feed::stateName(t.state);
        case ExpandedRole:
            return m_expanded.contains(t.id);
        case CommentsLoadedRole:
            return m_comments.contains(t.id);
        case CommentListRole:
            return commentList(t.id);
        default:
            return {};
    }
}

QVariantList TipListModel::commentList(const QString& id) const {
    QVariantList out;
    for (const feed::TipComment& c : m_comments.value(id)) {
        out << QVariantMap{{QStringLiteral("id"), c.id},
                           {QStringLiteral("author"), c.author},
                           {QStringLiteral("authorName"), m_account.contacts().name(c.author)},
                           {QStringLiteral("body"), c.body},
                           {QStringLiteral("published"), c.published},
                           {QStringLiteral("state"), feed::stateName(c.state)}};
    }
    return out;
}

bool TipListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_more && !m_loading && m_rows.size() >= m_limit;
}

void TipListModel::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent)) {
        m_limit += PageSize;
        reload();
    }
}

int TipListModel::rowOf(const QString& id) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id) {
            return int(i);
        }
    }
    return -1;
}

void TipListModel::reload() {
    if (m_loading) {
        m_again = true;  // a change came while reading: read once more after
        return;
    }
    m_loading = true;
    const int limit = m_limit;
    onFinished(m_account.tips().list(limit), this,
               [this, limit](const Result<QList<feed::Tip>>& fresh) {
                   m_loading = false;
                   if (fresh.ok()) {
                       m_more = fresh.value().size() >= limit;
                       apply(fresh.value());
                   }
                   if (std::exchange(m_again, false)) {
                       reload();  // "loaded" means up to date: only after the last re-read
                       return;
                   }
                   emit loaded();
               });
}

void TipListModel::apply(const QList<feed::Tip>& fresh) {
    // Tips that went take their open comments with them.
    QSet<QString> present;
    for (const auto& t : fresh) {
        present.insert(t.id);
    }
    for (const auto& t : std::as_const(m_rows)) {
        if (!present.contains(t.id)) {
            m_expanded.remove(t.id);
            m_comments.remove(t.id);
        }
    }
    applyKeyed(
        m_rows, fresh, [](const feed::Tip& t) { return t.id; }, sameShown);
    // Shown comments stay current (a new one, or ours now published).
    for (const QString& id : std::as_const(m_expanded)) {
        loadComments(id);
    }
}

void TipListModel::setExpanded(const QString& id, bool expanded) {
    const int row = rowOf(id);
    if (row < 0 || expanded == m_expanded.contains(id)) {
        return;
    }
    if (expanded) {
        m_expanded.insert(id);
        loadComments(id);
    } else {
        m_expanded.remove(id);
        m_comments.remove(id);
    }
    emit dataChanged(index(row), index(row), {ExpandedRole, CommentsLoadedRole, CommentListRole});
    emit commentsChanged(id);
}

void TipListModel::loadComments(const QString& id) {
    onFinished(m_account.tips().comments(id), this,
               [this, id](const Result<QList<feed::TipComment>>& comments) {
                   const int row = rowOf(id);
                   if (!comments.ok() || row < 0 || !m_expanded.contains(id)) {
                       return;
                   }
                   const auto known = m_comments.constFind(id);
                   if (known != m_comments.cend() && known->size() == comments.value().size()) {
                       bool same = true;
                       for (qsizetype i = 0; i < known->size() && same; ++i) {
                           same = known->at(i).id == comments.value().at(i).id &&
                                  known->at(i).state == comments.value().at(i).state;
                       }
                       if (same) {
                           return;
                       }
                   }
                   m_comments.insert(id, comments.value());
                   emit dataChanged(index(row), index(row), {CommentsLoadedRole, CommentListRole});
                   emit commentsChanged(id);
               });
}

QFuture<Result<feed::Tip>> TipListModel::post(const QString& body, const QStringList& tags) {
    auto future = m_account.tips().post(body, tags);
    onFinished(future, this, [this](const Result<feed::Tip>& posted) {
        if (posted.ok()) {
            scheduleReload();
            m_account.feed().flush();
        }
    });
    return future;
}

QFuture<Result<feed::Tip>> TipListModel::setLiked(const QString& id, bool liked) {
    auto future = m_account.tips().setLiked(id, liked);
    onFinished(future, this, [this](const Result<feed::Tip>& tip) {
        if (!tip.ok()) {
            return;
        }
        // The card shows it at once; the re-read confirms it.
        if (const int row = rowOf(tip.value().id); row >= 0) {
            m_rows[row].likes = tip.value().likes;
            m_rows[row].likedByMe = tip.value().likedByMe;
            emit dataChanged(index(row), index(row));
        }
        scheduleReload();
        m_account.feed().flush();
    });
    return future;
}

QFuture<Result<feed::TipComment>> TipListModel::addComment(const QString& id, const QString& body) {
    auto future = m_account.tips().comment(id, body);
    onFinished(future, this, [this](const Result<feed::TipComment>& comment) {
        if (comment.ok()) {
            scheduleReload();
            m_account.feed().flush();
        }
    });
    return future;
}

}  // namespace rapport::models
