#include "chats/MessageDelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

#include "common/SafeMarkdown.h"
#include "common/TimeText.h"
#include "models/MessageListModel.h"

namespace rapport::ui {

namespace {

using Model = models::MessageListModel;

constexpr int kSide = 12;           // view edge to bubble
constexpr int kPad = 8;             // bubble edge to text
constexpr int kGap = 2;             // between messages of a run
constexpr int kGroupGap = 10;       // before a new run
constexpr double kMaxShare = 0.72;  // of the view's width

}  // namespace

struct MessageDelegate::Layout {
    QRect day;     // the day separator, or empty
    QRect header;  // sender and time, or empty
    QRect bubble;
    QRect text;   // where the document is drawn
    QRect state;  // delivery state under our messages, or empty
    QTextDocument* doc = nullptr;
    int height = 0;
};

MessageDelegate::MessageDelegate(QObject* parent) : QStyledItemDelegate(parent) {
    m_documents.setMaxCost(2000);
}

MessageDelegate::~MessageDelegate() = default;

QString MessageDelegate::stateText(const QString& state) {
    if (state == u"queued") {
        return tr("Waiting to send");
    }
    if (state == u"sent") {
        return tr("Sent");
    }
    if (state == u"delivered") {
        return tr("Delivered");
    }
    if (state == u"read") {
        return tr("Read");
    }
    if (state == u"failed") {
        return tr("Not sent");
    }
    return {};
}

QString MessageDelegate::dayText(const QDate& day, const QDate& today) {
    if (day == today) {
        return tr("Today");
    }
    if (day.daysTo(today) == 1) {
        return tr("Yesterday");
    }
    return QLocale().toString(day, QLocale::LongFormat);
}

QTextDocument* MessageDelegate::document(const QModelIndex& index, const QFont& font,
                                         int width) const {
    const QString body = index.data(Model::BodyRole).toString();
    const QString key = QString::number(index.data(Model::RowIdRole).toLongLong()) + u'/' +
                        QString::number(qHash(body));
    FittedDocument* fitted = m_documents.object(key);
    if (!fitted) {
        fitted = new FittedDocument{
            std::unique_ptr<QTextDocument>(newSafeDocument(body, font, /*chatLineBreaks=*/true))};
        m_documents.insert(key, fitted);
    }
    QTextDocument* doc = fitted->doc.get();
    // Laid out once per width (not at every paint): short messages get a bubble as wide as
    // their text, so the document's own width is not the width it was fitted for.
    if (fitted->width != width) {
        doc->setTextWidth(width);
        const int ideal = int(std::ceil(doc->idealWidth()));
        if (ideal < width) {
            doc->setTextWidth(ideal);
        }
        fitted->width = width;
    }
    return doc;
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem& option,
                                                   const QModelIndex& index) const {
    Layout l;
    const QFontMetrics fm(option.font);
    const QRect r = option.rect;
    int y = r.top();
    if (index.data(Model::DayStartRole).toBool()) {
        l.day = QRect(r.left(), y + 6, r.width(), fm.height() + 6);
        y = l.day.bottom() + 6;
    }
    const bool groupStart = index.data(Model::GroupStartRole).toBool();
    y += groupStart ? kGroupGap : kGap;
    const bool outgoing = index.data(Model::OutgoingRole).toBool();
    if (groupStart) {
        l.header = QRect(r.left() + kSide, y, r.width() - 2 * kSide, fm.height());
        y = l.header.bottom() + 3;
    }
    const int maxText = std::max(80, int((r.width() - 2 * kSide) * kMaxShare) - 2 * kPad);
    l.doc = document(index, option.font, maxText);
    const QSize textSize(int(std::ceil(l.doc->size().width())),
                         int(std::ceil(l.doc->size().height())));
    const int bubbleWidth = textSize.width() + 2 * kPad;
    const int x = outgoing ? r.right() - kSide - bubbleWidth : r.left() + kSide;
    l.bubble = QRect(x, y, bubbleWidth, textSize.height() + 2 * kPad);
    l.text = l.bubble.adjusted(kPad, kPad, -kPad, -kPad);
    y = l.bubble.bottom() + 1;
    if (outgoing && !stateText(index.data(Model::StateRole).toString()).isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        const QFontMetrics sfm(small);
        l.state = QRect(r.left() + kSide, y + 1, r.width() - 2 * kSide, sfm.height());
        y = l.state.bottom() + 1;
    }
    l.height = y - r.top() + 1;
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    opt.rect = QRect(0, 0, option.rect.width() > 0 ? option.rect.width() : 600, 0);
    return {opt.rect.width(), layoutFor(opt, index).height};
}

void MessageDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    const Layout l = layoutFor(option, index);
    const QPalette& pal = option.palette;
    const bool outgoing = index.data(Model::OutgoingRole).toBool();
    QColor dim = pal.color(QPalette::Text);
    dim.setAlphaF(0.6f);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(option.font);

    if (!l.day.isEmpty()) {
        const QDateTime t = index.data(Model::TimestampRole).toDateTime().toLocalTime();
        const QString text = dayText(t.date(), QDate::currentDate());
        const int w = fm.horizontalAdvance(text) + 24;
        const QRect pill(l.day.center().x() - w / 2, l.day.top(), w, l.day.height());
        painter->setPen(QPen(dim, 1));
        const int mid = l.day.center().y();
        painter->drawLine(l.day.left() + kSide, mid, pill.left() - 6, mid);
        painter->drawLine(pill.right() + 6, mid, l.day.right() - kSide, mid);
        painter->drawText(pill, Qt::AlignCenter, text);
    }
    if (!l.header.isEmpty()) {
        QFont bold = option.font;
        bold.setBold(true);
        const QString name = index.data(Model::SenderNameRole).toString();
        const QString time =
            shortTimeText(index.data(Model::TimestampRole).toDateTime().toLocalTime().time());
        const QFontMetrics bfm(bold);
        const int nameWidth = bfm.horizontalAdvance(name);
        const int align = outgoing ? Qt::AlignRight : Qt::AlignLeft;
        QRect nameRect = l.header;
        QRect timeRect = l.header;
        if (outgoing) {
            timeRect.setRight(l.header.right() - nameWidth - 8);
        } else {
            timeRect.setLeft(l.header.left() + nameWidth + 8);
        }
        painter->setFont(bold);
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(nameRect, align | Qt::AlignVCenter, name);
        painter->setFont(option.font);
        painter->setPen(dim);
        painter->drawText(timeRect, align | Qt::AlignVCenter, time);
    }
    // The bubble.
    QColor fill = outgoing ? pal.color(QPalette::Highlight) : pal.color(QPalette::AlternateBase);
    if (!outgoing && fill == pal.color(QPalette::Base)) {
        fill = pal.color(QPalette::Base).darker(106);
    }
    if (outgoing) {
        fill.setAlphaF(0.18f);
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    if (m_highlighted != 0 && index.data(Model::RowIdRole).toLongLong() == m_highlighted) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 2));
    }
    painter->drawRoundedRect(l.bubble, 9, 9);
    painter->translate(l.text.topLeft());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = pal;
    ctx.palette.setColor(QPalette::Text, pal.color(QPalette::Text));
    l.doc->documentLayout()->draw(painter, ctx);
    painter->translate(-l.text.topLeft());
    if (!l.state.isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        painter->setFont(small);
        const QString state = index.data(Model::StateRole).toString();
        painter->setPen(state == u"failed" ? QColor(0xd0, 0x3b, 0x3b) : dim);
        painter->drawText(l.state, Qt::AlignRight | Qt::AlignVCenter, stateText(state));
    }
    painter->restore();
}

QString MessageDelegate::anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                                  const QPoint& pos) const {
    const Layout l = layoutFor(option, index);
    if (!l.text.contains(pos)) {
        return {};
    }
    return l.doc->documentLayout()->anchorAt(pos - l.text.topLeft());
}

}  // namespace rapport::ui
