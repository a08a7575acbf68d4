// The answer list for the Library section: every answer of the local library, the most
// recently updated first, or the answers a search finds (the query language of
// search/SearchQuery.h, best first), narrowed to one tag if a tag filter is set. Reads
// the store and searches off the UI thread, and re-reads when the library changes (the
// team's node, or a change made here: call reload()); rows move, appear and update in
// place, so the selection survives.
#pragma once

#include <QTimer>
#include "models/KeyedListModel.h"

#include "library/Answer.h"

namespace rapport {
class Account;
}

namespace rapport::models {

class AnswerListModel : public KeyedListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        TagsRole,        // QStringList
        AuthorRole,      // bare JID of whoever wrote this version
        UpdatedRole,     // QDateTime, UTC
        UsesRole,        // int
        StateRole,       // "published", "pending", "conflict", or "local" (no account)
        ConflictOfRole,  // a conflict copy's answer id, else empty
        BodyRole,        // Markdown
        AuthorNameRole,  // the author as the roster names them (else the address's user part)
    };
    Q_ENUM(Role)

    explicit AnswerListModel(Account& account, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Search-as-you-type: empty lists every answer. Applied shortly after the last change.
    void setQuery(const QString& query);
    QString query() const { return m_query; }
    // Only answers carrying this tag; empty for all.
    void setTagFilter(const QString& tag);
    QString tagFilter() const { return m_tag; }
    // Every tag in use in the library (whatever the query and filter), sorted.
    QStringList tags() const { return m_tags; }

    // The row of the answer `id`, or -1.
    int rowOf(const QString& id) const;
    // The answer shown in `row`.
    const library::Answer& answerAt(int row) const { return m_rows.at(row); }
    // Re-reads now (after a change made here; changes from the team's node are picked up by
    // themselves).
    void reload();

signals:
    // The rows are up to date with the library, the query and the tag filter.
    void loaded();
    void tagsChanged();

private:
    void schedule() { m_coalesce.start(); }
    void show(QList<library::Answer> all, const QStringList& hitIds, bool searched);
    void apply(const QList<library::Answer>& fresh);

    Account& m_account;
    QList<library::Answer> m_rows;
    QStringList m_tags;
    QString m_query;
    QString m_tag;
    QTimer m_coalesce;  // a burst of changes or keystrokes: one read
    bool m_loading = false;
    bool m_again = false;
};

}  // namespace rapport::models
