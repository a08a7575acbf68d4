// One tip as a card in the feed: the author's initials and name, how long ago, the body as
// rendered Markdown, its tags, a Like toggle with the count, "N comments" that expands the
// comments (and leaves room for the field to add one), and a "Pending" mark until the
// team's service has it. Painted, not built of widgets, so that thousands of tips scroll
// smoothly; documents are laid out once per tip and width, and load no resources at all
// (a colleague's Markdown must not make us fetch anything, local files included).
#pragma once

#include <QCache>
#include <QStyledItemDelegate>

class QTextDocument;

namespace rapport::ui {

class TipDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // The parts of a card that do something.
    enum class Part { Like, Comments, CommentField };
    // However wide the window, a card stays narrow enough for its lines to be read (about 100
    // characters); the post box above the feed keeps the same width.
    static constexpr int MaxCardWidth = 760;

    explicit TipDelegate(QObject* parent = nullptr);
    ~TipDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    // Places the comment field of an expanded card (its index widget).
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;

    // Where `part` is for the card at `index` drawn in `option.rect`; empty if not shown.
    QRect partRect(Part part, const QStyleOptionViewItem& option, const QModelIndex& index) const;

signals:
    void likeClicked(const QModelIndex& index);
    void commentsClicked(const QModelIndex& index);

protected:
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

private:
    struct Layout;
    Layout layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    QTextDocument* document(const QString& key, const QString& markdown, const QFont& font,
                            int width) const;

    mutable QCache<QString, QTextDocument> m_documents;
};

}  // namespace rapport::ui
