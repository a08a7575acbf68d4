// One row of the conversation list: an avatar with initials and a presence dot, the name,
// the time of the last activity, a one-line preview and the unread badge. Customers' avatars
// are tinted apart from colleagues'.
#pragma once

#include <QStyledItemDelegate>

namespace rapport::ui {

class ConversationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace rapport::ui
