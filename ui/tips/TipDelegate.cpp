#include "tips/TipDelegate.h"
#include "common/SafeMarkdown.h"
#include "common/TimeText.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>

#include "models/TipListModel.h"

namespace rapport::ui {

namespace {

using Model = models::TipListModel;

constexpr int kSide = 12;    // view edge to card
constexpr int kGap = 6;      // half the space between cards
constexpr int kPad = 12;     // card edge to content
constexpr int kAvatar = 36;  // initials circle
constexpr int kIndent = 14;  // comments under the card's line

QFont smaller(const QFont& font) {
    QFont f = font;
    f.setPointSizeF(f.pointSizeF() * 0.88);
    return f;
}

QFont bolder(const QFont& font) {
    QFont f = font;
    f.setBold(true);
    return f;
}

// The view's viewport decides a card's width (QListView does not pass it to sizeHint).
int viewWidth(const QStyleOptionViewItem& option) {
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget)) {
        return view->viewport()->width();
    }
    return option.rect.width() > 0 ? option.rect.width() : 600;
}

QString likeText(bool liked, int likes) {
    return (liked ? TipDelegate::tr("\u2665 Liked · %1") : TipDelegate::tr("\u2661 Like · %1"))
        .arg(likes);
}

// No English .ts is loaded yet, so "%n comment(s)" would show as written.
QString commentsText(int n) {
    return n == 1 ? TipDelegate::tr("1 comment") : TipDelegate::tr("%n comments", nullptr, n);
}

QColor accent() {
    return QColor(0xd0, 0x3b, 0x5b);
}

}  // namespace

struct TipDelegate::Layout {
    struct Comment {
        QRect header;
        QRect text;
        QTextDocument* doc = nullptr;
        QVariantMap data;
    };
    QRect card;
    QRect avatar;
    QRect name;
    QRect time;
    QRect pending;
    QRect body;
    QTextDocument* doc = nullptr;
    QRect tags;
    QRect like;
    QRect comments;
    QRect commentsNote;  // "Loading comments…" / "No comments yet."
    QList<Comment> commentList;
    QRect commentField;
    int height = 0;
};

TipDelegate::TipDelegate(QObject* parent) : QStyledItemDelegate(parent) {
    m_documents.setMaxCost(3000);
}

TipDelegate::~TipDelegate() = default;

QTextDocument* TipDelegate::document(const QString& key, const QString& markdown, const QFont& font,
                                     int width) const {
    // Tips and comments are never edited: the id is the whole key.
    QTextDocument* doc = m_documents.object(key);
    if (!doc) {
        doc = newSafeDocument(markdown, font);
        m_documents.insert(key, doc);
    }
    if (doc->textWidth() != width) {
        doc->setTextWidth(width);
    }
    return doc;
}

TipDelegate::Layout TipDelegate::layoutFor(const QStyleOptionViewItem& option,
                                           const QModelIndex& index) const {
    Layout l;
    const QFontMetrics fm(option.font);
    const QFontMetrics sfm(smaller(option.font));
    const int width = std::max(240, viewWidth(option));
    l.card = QRect(option.rect.left() + kSide, option.rect.top() + kGap,
                   std::min(width - 2 * kSide, MaxCardWidth), 0);
    const int left = l.card.left() + kPad;
    const int inner = l.card.width() - 2 * kPad;
    int y = l.card.top() + kPad;

    l.avatar = QRect(left, y, kAvatar, kAvatar);
    const int textLeft = l.avatar.right() + 10;
    const int lines = fm.height() + sfm.height() + 2;
    const int top = y + (kAvatar - lines) / 2;
    if (index.data(Model::StateRole).toString() == u"pending") {
        const int w = sfm.horizontalAdvance(tr("Pending")) + 16;
        l.pending = QRect(l.card.right() - kPad - w, top, w, sfm.height() + 4);
    }
    const int nameRight = l.pending.isEmpty() ? l.card.right() - kPad : l.pending.left() - 8;
    l.name = QRect(textLeft, top, nameRight - textLeft, fm.height());
    l.time = QRect(textLeft, l.name.bottom() + 3, nameRight - textLeft, sfm.height());
    y = l.avatar.bottom() + 10;

    l.doc = document(QStringLiteral("t:") + index.data(Model::IdRole).toString(),
                     index.data(Model::BodyRole).toString(), option.font, inner);
    l.body = QRect(left, y, inner, int(std::ceil(l.doc->size().height())));
    y = l.body.bottom() + 10;

    if (!index.data(Model::TagsRole).toStringList().isEmpty()) {
        l.tags = QRect(left, y, inner, sfm.height() + 6);
        y = l.tags.bottom() + 10;
    }

    const QFont small = smaller(option.font);
    const int buttonHeight = sfm.height() + 10;
    const int likes = index.data(Model::LikesRole).toInt();
    // Wide enough for either state, so the comments toggle does not jump.
    const int likeWidth = std::max(sfm.horizontalAdvance(likeText(true, likes)),
                                   sfm.horizontalAdvance(likeText(false, likes))) +
                          20;
    l.like = QRect(left, y, likeWidth, buttonHeight);
    const int comments = index.data(Model::CommentsRole).toInt();
    l.comments = QRect(l.like.right() + 8, y, sfm.horizontalAdvance(commentsText(comments)) + 34,
                       buttonHeight);
    y = l.like.bottom() + 1;

    if (index.data(Model::ExpandedRole).toBool()) {
        y += 8;
        const int commentLeft = left + kIndent;
        const int commentWidth = inner - kIndent;
        const QVariantList list = index.data(Model::CommentListRole).toList();
        if (!index.data(Model::CommentsLoadedRole).toBool() || list.isEmpty()) {
            l.commentsNote = QRect(commentLeft, y, commentWidth, sfm.height() + 4);
            y = l.commentsNote.bottom() + 6;
        }
        for (const QVariant& v : list) {
            Layout::Comment c;
            c.data = v.toMap();
            c.header = QRect(commentLeft, y, commentWidth, sfm.height());
            y = c.header.bottom() + 2;
            c.doc = document(QStringLiteral("c:") + c.data.value(QStringLiteral("id")).toString(),
                             c.data.value(QStringLiteral("body")).toString(), option.font,
                             commentWidth);
            c.text = QRect(commentLeft, y, commentWidth, int(std::ceil(c.doc->size().height())));
            y = c.text.bottom() + 8;
            l.commentList << c;
        }
        l.commentField = QRect(commentLeft, y, commentWidth, fm.height() + 12);
        y = l.commentField.bottom() + 1;
    }
    l.card.setBottom(y + kPad);
    l.height = l.card.bottom() + kGap - option.rect.top() + 1;
    return l;
}

QSize TipDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    opt.rect = QRect(0, 0, viewWidth(option), 0);
    return {opt.rect.width(), layoutFor(opt, index).height};
}

QRect TipDelegate::partRect(Part part, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    const Layout l = layoutFor(option, index);
    switch (part) {
        case Part::Like:
            return l.like;
        case Part::Comments:
            return l.comments;
        case Part::CommentField:
            return l.commentField;
    }
    return {};
}

void TipDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                       const QModelIndex& index) const {
    editor->setGeometry(layoutFor(option, index).commentField);
}

bool TipDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                              const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event->type() != QEvent::MouseButtonRelease) {
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }
    const auto* mouse = static_cast<QMouseEvent*>(event);
    if (mouse->button() != Qt::LeftButton) {
        return false;
    }
    const QPoint pos = mouse->position().toPoint();
    const Layout l = layoutFor(option, index);
    if (l.like.contains(pos)) {
        emit likeClicked(index);
        return true;
    }
    if (l.comments.contains(pos)) {
        emit commentsClicked(index);
        return true;
    }
    if (l.body.contains(pos)) {
        // Links open in the browser; nothing else is followed.
        const QUrl url(l.doc->documentLayout()->anchorAt(pos - l.body.topLeft()));
        if (url.scheme() == u"https" || url.scheme() == u"http" || url.scheme() == u"mailto") {
            QDesktopServices::openUrl(url);
            return true;
        }
    }
    return false;
}

void TipDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const {
    const Layout l = layoutFor(option, index);
    const QPalette& pal = option.palette;
    const QColor text = pal.color(QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.6f);
    const QFont small = smaller(option.font);
    const QFont bold = bolder(option.font);
    const QFontMetrics fm(option.font);
    const QFontMetrics sfm(small);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    // The card; the current one outlined in the highlight colour.
    QColor fill = pal.color(QPalette::Base);
    QColor border = pal.color(QPalette::Mid);
    if (option.state & QStyle::State_HasFocus || option.state & QStyle::State_Selected) {
        border = pal.color(QPalette::Highlight);
    }
    painter->setPen(QPen(border, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(l.card).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);

    // Author.
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x3e, 0x7c, 0xe8));
    painter->drawEllipse(l.avatar);
    painter->setFont(bold);
    painter->setPen(Qt::white);
    painter->drawText(l.avatar, Qt::AlignCenter, index.data(Model::AuthorInitialsRole).toString());
    painter->setPen(text);
    painter->drawText(l.name, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(index.data(Model::AuthorNameRole).toString(),
                                                    Qt::ElideRight, l.name.width()));
    const QDateTime published = index.data(Model::PublishedRole).toDateTime();
    painter->setFont(small);
    painter->setPen(dim);
    painter->drawText(l.time, Qt::AlignLeft | Qt::AlignVCenter,
                      relativeTimeText(published, QDateTime::currentDateTimeUtc()));
    if (!l.pending.isEmpty()) {
        QColor pendingFill(0xe0, 0xa0, 0x20);
        pendingFill.setAlphaF(0.25f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(pendingFill);
        painter->drawRoundedRect(l.pending, l.pending.height() / 2.0, l.pending.height() / 2.0);
        painter->setPen(text);
        painter->drawText(l.pending, Qt::AlignCenter, tr("Pending"));
    }

    // Body.
    painter->translate(l.body.topLeft());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = pal;
    l.doc->documentLayout()->draw(painter, ctx);
    painter->translate(-l.body.topLeft());

    // Tags, as chips, as many as fit.
    if (!l.tags.isEmpty()) {
        painter->setFont(small);
        int x = l.tags.left();
        QColor chip = pal.color(QPalette::Highlight);
        chip.setAlphaF(0.14f);
        for (const QString& tag : index.data(Model::TagsRole).toStringList()) {
            const QString label = QLatin1Char('#') + tag;
            const int w = sfm.horizontalAdvance(label) + 14;
            if (x + w > l.tags.right()) {
                break;
            }
            const QRect r(x, l.tags.top(), w, l.tags.height());
            painter->setPen(Qt::NoPen);
            painter->setBrush(chip);
            painter->drawRoundedRect(r, r.height() / 2.0, r.height() / 2.0);
            painter->setPen(text);
            painter->drawText(r, Qt::AlignCenter, label);
            x += w + 6;
        }
    }

    // Like and comments.
    const bool liked = index.data(Model::LikedByMeRole).toBool();
    painter->setFont(small);
    QColor likeFill = liked ? accent() : pal.color(QPalette::Button);
    if (liked) {
        likeFill.setAlphaF(0.16f);
    }
    painter->setPen(QPen(liked ? accent() : pal.color(QPalette::Mid), 1));
    painter->setBrush(likeFill);
    painter->drawRoundedRect(QRectF(l.like).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);
    painter->setPen(liked ? accent() : text);
    painter->drawText(l.like, Qt::AlignCenter,
                      likeText(liked, index.data(Model::LikesRole).toInt()));

    const bool expanded = index.data(Model::ExpandedRole).toBool();
    painter->setPen(QPen(pal.color(QPalette::Mid), 1));
    painter->setBrush(pal.color(QPalette::Button));
    painter->drawRoundedRect(QRectF(l.comments).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);
    // A small triangle: right when closed, down when open.
    const QPointF c(l.comments.left() + 13, l.comments.center().y() + 0.5);
    QPainterPath arrow;
    if (expanded) {
        arrow.moveTo(c + QPointF(-4, -2));
        arrow.lineTo(c + QPointF(4, -2));
        arrow.lineTo(c + QPointF(0, 3));
    } else {
        arrow.moveTo(c + QPointF(-2, -4));
        arrow.lineTo(c + QPointF(3, 0));
        arrow.lineTo(c + QPointF(-2, 4));
    }
    arrow.closeSubpath();
    painter->setPen(Qt::NoPen);
    painter->setBrush(text);
    painter->drawPath(arrow);
    painter->setPen(text);
    painter->drawText(l.comments.adjusted(22, 0, -6, 0), Qt::AlignCenter,
                      commentsText(index.data(Model::CommentsRole).toInt()));

    // The comments of an expanded card.
    if (expanded) {
        const int lineX = l.card.left() + kPad + 3;
        const int lineTop = l.like.bottom() + 8;
        painter->setPen(QPen(pal.color(QPalette::Mid), 2));
        painter->drawLine(lineX, lineTop, lineX, l.commentField.top() - 8);
        if (!l.commentsNote.isEmpty()) {
            painter->setFont(small);
            painter->setPen(dim);
            painter->drawText(l.commentsNote, Qt::AlignLeft | Qt::AlignVCenter,
                              index.data(Model::CommentsLoadedRole).toBool()
                                  ? tr("No comments yet.")
                                  : tr("Loading comments…"));
        }
        for (const Layout::Comment& comment : l.commentList) {
            const QString name = comment.data.value(QStringLiteral("authorName")).toString();
            QString when =
                relativeTimeText(comment.data.value(QStringLiteral("published")).toDateTime(),
                                 QDateTime::currentDateTimeUtc());
            if (comment.data.value(QStringLiteral("state")).toString() == u"pending") {
                when = tr("%1 · Pending").arg(when);
            }
            const QFont smallBold = bolder(small);
            painter->setFont(smallBold);
            painter->setPen(text);
            painter->drawText(comment.header, Qt::AlignLeft | Qt::AlignVCenter, name);
            painter->setFont(small);
            painter->setPen(dim);
            painter->drawText(comment.header.adjusted(
                                  QFontMetrics(smallBold).horizontalAdvance(name) + 8, 0, 0, 0),
                              Qt::AlignLeft | Qt::AlignVCenter, when);
            painter->translate(comment.text.topLeft());
            comment.doc->documentLayout()->draw(painter, ctx);
            painter->translate(-comment.text.topLeft());
        }
    }
    painter->restore();
}

}  // namespace rapport::ui
