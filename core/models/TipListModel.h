// The tips feed for the Tips section: one row per tip, newest first, with what a card shows
// (author and name, Markdown body, tags, time, likes and whether I like it, comment count,
// pending or published), and the comments of the cards the user expanded. Reads the store
// off the UI thread, a page at a time as the user scrolls, and re-reads when the feed
// changes (the server, or a post, like or comment made here); rows appear, move and update
// in place, keyed by tip id, so selection and scrolling survive.
#pragma once

#include <QFuture>
#include <QHash>
#include <QSet>
#include <QTimer>
#include "models/KeyedListModel.h"

#include "common/Result.h"
#include "feed/Tip.h"

namespace rapport {
class Account;
}

namespace rapport::models {

class TipListModel : public KeyedListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        AuthorRole,          // bare JID
        AuthorNameRole,      // roster name, else the JID's local part
        AuthorInitialsRole,  // one or two letters for the avatar
        BodyRole,            // Markdown
        TagsRole,            // QStringList
        PublishedRole,       // QDateTime, UTC
        LikesRole,           // int: distinct people
        LikedByMeRole,       // bool
        CommentsRole,        // int: how many
        StateRole,           // "published" or "pending"
        ExpandedRole,        // bool: its comments are shown
        CommentsLoadedRole,  // bool: the comments of an expanded tip have been read
        CommentListRole,     // QVariantList of QVariantMap: id, author, authorName, body,
                             // published, state; oldest first (expanded tips only)
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 200;

    explicit TipListModel(Account& account, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    int rowOf(const QString& id) const;  // -1 if not loaded
    // Re-reads now (it also does so by itself, shortly after the feed changes).
    void reload();
    bool isLoading() const { return m_loading; }

    // Shows or hides a tip's comments; they are read (and kept current) while shown.
    void setExpanded(const QString& id, bool expanded);
    bool isExpanded(const QString& id) const { return m_expanded.contains(id); }

    // What the user does here: stored and queued, then sent if online (account.feed()); the
    // list follows by itself. The futures say whether the store took it (a blank tip is
    // refused, with a message a user can read).
    QFuture<Result<feed::Tip>> post(const QString& body, const QStringList& tags);
    QFuture<Result<feed::Tip>> setLiked(const QString& id, bool liked);
    QFuture<Result<feed::TipComment>> addComment(const QString& id, const QString& body);

signals:
    void loaded();  // a read finished (the first one, and every later one)
    // A tip's comments were shown, hidden or read again: its card changes height.
    void commentsChanged(const QString& id);

private:
    void scheduleReload() { m_coalesce.start(); }
    void apply(const QList<feed::Tip>& fresh);
    void loadComments(const QString& id);
    QVariantList commentList(const QString& id) const;

    Account& m_account;
    QList<feed::Tip> m_rows;
    int m_limit = PageSize;
    bool m_more = false;  // the last read filled its limit: there may be older tips
    QTimer m_coalesce;    // a burst of changes (a catch-up, a post and its publish): one read
    bool m_loading = false;
    bool m_again = false;
    QSet<QString> m_expanded;
    QHash<QString, QList<feed::TipComment>> m_comments;  // of expanded tips, once read
};

}  // namespace rapport::models
