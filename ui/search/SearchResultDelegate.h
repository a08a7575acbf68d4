// One search result: a kind header above the first of each kind ("Messages", "Answers",
// "Tips"), then the title (the conversation for a message) and the snippet with the
// matching words in bold.
#pragma once

#include <QStyledItemDelegate>

namespace rapport::ui {

class SearchResultDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The snippet as HTML: escaped, matches in <b>.
    static QString snippetHtml(const QString& snippet);
    static QString kindTitle(const QString& kind);
};

}  // namespace rapport::ui
