// The results of the one search (Ctrl+K) over chats, answers and tips, grouped by kind
// (messages, then answers, then tips; best first within each), as the user types. Searches
// off the UI thread, a short moment after the last key; a newer query wins over an older
// one still running.
#pragma once

#include <QAbstractListModel>
#include <QTimer>

#include "search/SearchHit.h"

namespace rapport {
class Account;
}

namespace rapport::models {

class SearchResultsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        KindRole = Qt::UserRole + 1,  // "message", "answer", "tip"
        IdRole,                       // message row id (decimal), answer id, tip id
        TitleRole,                    // answers: the title; messages: the peer; tips: empty
        SnippetRole,                  // with matches between \u0002 and \u0003
        ConversationRole,             // messages: the peer's bare JID
        TimestampRole,                // QDateTime, UTC
        SectionStartRole,             // bool: the first result of its kind
    };
    Q_ENUM(Role)

    static constexpr int Limit = 30;
    static constexpr int DebounceMs = 60;

    explicit SearchResultsModel(Account& account, QObject* parent = nullptr);

    void setQuery(const QString& text);
    QString query() const { return m_query; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void searched();  // results for the current query are in

private:
    void run();

    Account& m_account;
    QString m_query;
    QList<search::SearchHit> m_hits;
    QTimer m_debounce;
    quint64 m_request = 0;
};

}  // namespace rapport::models
