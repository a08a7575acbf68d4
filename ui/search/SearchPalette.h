// Ctrl+K: one box over chats, answers and tips. Results come as the engineer types, grouped
// by kind with the matching words in bold; Up/Down choose, Enter jumps to the message in its
// conversation, the answer or the tip; Esc closes.
#pragma once

#include <QDialog>

class QLineEdit;
class QListView;

namespace rapport {
class Account;
}
namespace rapport::models {
class SearchResultsModel;
}

namespace rapport::ui {

class SearchPalette : public QDialog {
    Q_OBJECT
public:
    explicit SearchPalette(Account& account, QWidget* parent = nullptr);

    // Opens over the parent window with `text` in the box (empty by default), focused.
    void popup(const QString& text = {});
    QLineEdit* queryEdit() const { return m_query; }
    QListView* results() const { return m_results; }
    models::SearchResultsModel* model() const { return m_model; }

signals:
    void messageChosen(const QString& peer, qint64 rowId);
    void answerChosen(const QString& id);
    void tipChosen(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    // Closed: the window the engineer was in gets the keyboard back.
    void hideEvent(QHideEvent* event) override;

private:
    void activate(const QModelIndex& index);

    models::SearchResultsModel* m_model;
    QLineEdit* m_query;
    QListView* m_results;
};

}  // namespace rapport::ui
