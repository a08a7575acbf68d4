// One message in the conversation view: a day separator above the first message of a day,
// the sender and time above the first message of a run, and the text as rendered Markdown
// in a bubble (ours on the right), with its delivery state under our messages. Documents
// are laid out once per message and width and cached; they load no images at all (a
// customer's Markdown must not make us fetch anything, local files included).
#pragma once

#include <QCache>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <memory>

namespace rapport::ui {

class MessageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MessageDelegate(QObject* parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The link under `pos` (viewport coordinates) in the message at `index`, if any.
    QString anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                     const QPoint& pos) const;
    // The message (row id) to mark, e.g. the one a search jumped to; 0: none.
    void setHighlighted(qint64 rowId) { m_highlighted = rowId; }
    qint64 highlighted() const { return m_highlighted; }
    static QString stateText(const QString& state);
    static QString dayText(const QDate& day, const QDate& today);

private:
    struct Layout;
    Layout layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    QTextDocument* document(const QModelIndex& index, const QFont& font, int width) const;

    struct FittedDocument {
        std::unique_ptr<QTextDocument> doc;
        int width = -1;  // the widest it may be, as last laid out for
    };
    mutable QCache<QString, FittedDocument> m_documents;
    qint64 m_highlighted = 0;
};

}  // namespace rapport::ui
