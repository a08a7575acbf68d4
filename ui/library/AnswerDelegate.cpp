#include "library/AnswerDelegate.h"
#include "common/TimeText.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

#include "models/AnswerListModel.h"

namespace rapport::ui {

namespace {

using Model = models::AnswerListModel;

constexpr int kMargin = 8;

}  // namespace

QString AnswerDelegate::badgeText(const QString& state) {
    if (state == u"pending") {
        return tr("Pending");
    }
    if (state == u"conflict") {
        return tr("Conflict");
    }
    return {};
}

QSize AnswerDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    const QFontMetrics fm(option.font);
    return {240, fm.height() * 2 + 4 + 2 * kMargin};
}

void AnswerDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                           const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette& pal = option.palette;
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.65f);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics fm(option.font);
    const QFontMetrics boldFm(bold);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QFontMetrics smallFm(small);

    const QRect line1(r.left(), r.top() + (r.height() - 2 * fm.height() - 4) / 2, r.width(),
                      fm.height());
    const QRect line2 = line1.translated(0, fm.height() + 4);

    // Line 1: title, badge, time.
    const QString time = relativeTimeText(index.data(Model::UpdatedRole).toDateTime(),
                                          QDateTime::currentDateTimeUtc());
    const int timeWidth = fm.horizontalAdvance(time);
    int right = line1.right() - timeWidth;
    painter->setFont(option.font);
    painter->setPen(dim);
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, time);

    const QString state = index.data(Model::StateRole).toString();
    if (const QString badge = badgeText(state); !badge.isEmpty()) {
        const int w = smallFm.horizontalAdvance(badge) + 12;
        const QRect rect(right - kMargin - w, line1.top() + 1, w, line1.height() - 2);
        const QColor colour =
            state == u"conflict" ? QColor(0xd0, 0x3b, 0x3b) : QColor(0xc0, 0x80, 0x10);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRoundedRect(rect, rect.height() / 2.0, rect.height() / 2.0);
        painter->setFont(small);
        painter->setPen(Qt::white);
        painter->drawText(rect, Qt::AlignCenter, badge);
        right = rect.left();
    }
    painter->setFont(bold);
    painter->setPen(text);
    const int titleWidth = right - kMargin - line1.left();
    painter->drawText(
        QRect(line1.left(), line1.top(), titleWidth, line1.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        boldFm.elidedText(index.data(Model::TitleRole).toString(), Qt::ElideRight, titleWidth));

    // Line 2: tags on the left, author and uses on the right.
    const int uses = index.data(Model::UsesRole).toInt();
    const QString author = index.data(Model::AuthorNameRole).toString();
    const QString meta = uses > 0 ? tr("%1 · used %n times", nullptr, uses).arg(author) : author;
    // +2: elidedText() elides a text given exactly its own advance (rounding).
    const int metaWidth = std::min(fm.horizontalAdvance(meta) + 2, line2.width() / 2);
    painter->setFont(option.font);
    painter->setPen(dim);
    painter->drawText(line2, Qt::AlignRight | Qt::AlignVCenter,
                      fm.elidedText(meta, Qt::ElideRight, metaWidth));

    const QStringList tags = index.data(Model::TagsRole).toStringList();
    int x = line2.left();
    const int tagsEnd = line2.right() - metaWidth - kMargin;
    painter->setFont(small);
    for (const QString& tag : tags) {
        const int w = smallFm.horizontalAdvance(tag) + 10;
        if (x + w > tagsEnd) {
            painter->setPen(dim);
            painter->drawText(QRect(x, line2.top(), tagsEnd - x, line2.height()),
                              Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("…"));
            break;
        }
        const QRect chip(x, line2.top() + 1, w, line2.height() - 2);
        QColor fill = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
        fill.setAlphaF(0.12f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(chip, 4, 4);
        painter->setPen(text);
        painter->drawText(chip, Qt::AlignCenter, tag);
        x += w + 4;
    }
    painter->restore();
}

}  // namespace rapport::ui
