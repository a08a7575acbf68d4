// The "/" quick insert: typing "/" at the start of the reply opens this list of answers,
// searched as the engineer types (title, tags, body; offline). Up and Down choose, Enter
// inserts (placeholders filled or asked for), Esc closes. The reply box keeps the focus;
// it hands the keys over.
#pragma once

#include <QFrame>

#include "search/SearchHit.h"

class QListWidget;
class QLabel;

namespace rapport {
class Account;
}

namespace rapport::ui {

class QuickInsertPopup : public QFrame {
    Q_OBJECT
public:
    explicit QuickInsertPopup(Account& account, QWidget* parent = nullptr);

    // Searches for `query` (the text after "/"); shows the popup.
    void search(const QString& query);
    // Up/Down/Enter/Esc from the reply box; true if used.
    bool handleKey(int key);
    QListWidget* list() const { return m_list; }
    QList<search::SearchHit> hits() const { return m_hits; }

signals:
    // The answer the engineer chose (its id), or closed without one.
    void chosen(const QString& answerId);
    void closed();

private:
    Account& m_account;
    QListWidget* m_list;
    QLabel* m_hint;
    QList<search::SearchHit> m_hits;
    quint64 m_request = 0;
};

}  // namespace rapport::ui
