// The Tips section: a box to post a tip at the top (Markdown text, tags, Post or Ctrl+Enter)
// and the team's feed below as cards (TipDelegate over models::TipListModel), where a tip is
// liked and commented in place. What is posted, liked or commented here is stored first and
// sent when online; problems (a blank tip refused) are shown under the post box.
#pragma once

#include <QWidget>

#include "tips/TipDelegate.h"

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace rapport {
class Account;
}
namespace rapport::models {
class TipListModel;
}

namespace rapport::ui {

class TipsView : public QWidget {
    Q_OBJECT
public:
    explicit TipsView(Account& account, QWidget* parent = nullptr);
    ~TipsView() override;

    models::TipListModel* model() const { return m_model; }
    QListView* feedView() const { return m_feed; }
    QPlainTextEdit* postBody() const { return m_body; }
    QLineEdit* postTags() const { return m_tags; }
    QPushButton* postButton() const { return m_postButton; }
    QLabel* statusLabel() const { return m_status; }
    // The comment field of an expanded card, if it is shown.
    QLineEdit* commentField(const QModelIndex& index) const;
    // Where a part of the card at `index` is, in the feed's viewport coordinates.
    QRect partRect(const QModelIndex& index, TipDelegate::Part part) const;

    // Shows the tip `id` (a search result): selects it and scrolls to it, loading more of
    // the feed if it is further down.
    void showTip(const QString& id);

    void post();
    void toggleLike(const QModelIndex& index);
    void toggleComments(const QModelIndex& index);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void sendComment(const QString& tipId, QLineEdit* field);
    void showStatus(const QString& text, bool error);

    Account& m_account;
    models::TipListModel* m_model;
    QPlainTextEdit* m_body;
    QLineEdit* m_tags;
    QPushButton* m_postButton;
    QLabel* m_status;
    QListView* m_feed;
    TipDelegate* m_delegate;
};

}  // namespace rapport::ui
