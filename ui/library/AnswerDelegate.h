// One row of the answer list: the title with a "Pending" or "Conflict" badge and the time of
// the last update on the first line; the tags, the author and the use count on the second.
#pragma once

#include <QStyledItemDelegate>

namespace rapport::ui {

class AnswerDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The badge of a state ("Pending", "Conflict"); empty for a published answer.
    static QString badgeText(const QString& state);
};

}  // namespace rapport::ui
