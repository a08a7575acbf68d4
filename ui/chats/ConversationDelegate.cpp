#include "chats/ConversationDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include "common/TimeText.h"
#include "models/ConversationListModel.h"

namespace rapport::ui {

namespace {

using Model = models::ConversationListModel;

constexpr int kMargin = 8;
constexpr int kAvatar = 36;

QColor presenceColor(const QString& presence) {
    if (presence == u"available") {
        return QColor(0x2e, 0xa0, 0x43);
    }
    if (presence == u"away") {
        return QColor(0xe0, 0xa0, 0x20);
    }
    if (presence == u"dnd") {
        return QColor(0xd0, 0x3b, 0x3b);
    }
    return QColor(0x9a, 0x9a, 0x9a);
}

}  // namespace

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    const QFontMetrics fm(option.font);
    return {200, std::max(kAvatar, fm.height() * 2 + 4) + 2 * kMargin};
}

void ConversationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
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

    // Avatar with initials; customers warm, colleagues cool.
    const QRect avatar(r.left(), r.top() + (r.height() - kAvatar) / 2, kAvatar, kAvatar);
    const bool customer = index.data(Model::IsCustomerRole).toBool();
    painter->setPen(Qt::NoPen);
    painter->setBrush(customer ? QColor(0xe8, 0x7d, 0x3e) : QColor(0x3e, 0x7c, 0xe8));
    painter->drawEllipse(avatar);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(Qt::white);
    painter->drawText(avatar, Qt::AlignCenter, index.data(Model::InitialsRole).toString());
    // Presence dot, with a ring in the background colour so it reads on any avatar.
    const int dot = 11;
    const QRect dotRect(avatar.right() - dot + 2, avatar.bottom() - dot + 2, dot, dot);
    // No dot when we do not see their presence (not subscribed): "offline" would be a guess.
    if (const QString presence = index.data(Model::PresenceRole).toString();
        presence != u"unknown") {
        painter->setBrush(presenceColor(presence));
        painter->setPen(
            QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base), 2));
        painter->drawEllipse(dotRect);
    }

    // Name and time on the first line, preview and badge on the second.
    const int x = avatar.right() + kMargin;
    const QFontMetrics fm(option.font);
    const QFontMetrics boldFm(bold);
    const int unread = index.data(Model::UnreadRole).toInt();
    const QString time = listTimeText(index.data(Model::LastActivityRole).toDateTime(),
                                      QDateTime::currentDateTime());
    const int timeWidth = fm.horizontalAdvance(time);
    const QRect line1(x, r.top() + (r.height() - 2 * fm.height()) / 2, r.right() - x, fm.height());
    const QRect line2 = line1.translated(0, fm.height() + 2);

    painter->setFont(unread > 0 ? bold : option.font);
    painter->setPen(text);
    const QString name = index.data(Model::NameRole).toString();
    painter->drawText(line1.adjusted(0, 0, -timeWidth - kMargin, 0),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      (unread > 0 ? boldFm : fm)
                          .elidedText(name, Qt::ElideRight, line1.width() - timeWidth - kMargin));
    painter->setFont(option.font);
    painter->setPen(dim);
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, time);

    int badgeWidth = 0;
    if (unread > 0) {
        const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        badgeWidth = std::max(line2.height(), boldFm.horizontalAdvance(count) + 10);
        const QRect badge(line2.right() - badgeWidth, line2.top(), badgeWidth, line2.height());
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xd0, 0x3b, 0x3b));
        painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        painter->setFont(bold);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, count);
    }
    QString preview = index.data(Model::PreviewRole).toString();
    if (index.data(Model::LastFromMeRole).toBool() && !preview.isEmpty()) {
        preview = tr("You: %1").arg(preview);
    }
    painter->setFont(option.font);
    painter->setPen(dim);
    const int previewWidth = line2.width() - (badgeWidth ? badgeWidth + kMargin : 0);
    painter->drawText(QRect(line2.left(), line2.top(), previewWidth, line2.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(preview, Qt::ElideRight, previewWidth));
    painter->restore();
}

}  // namespace rapport::ui
