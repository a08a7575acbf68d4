#include "search/SearchResultDelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

#include "common/SnippetText.h"
#include "common/TimeText.h"
#include "models/SearchResultsModel.h"

namespace rapport::ui {

namespace {

using Model = models::SearchResultsModel;
constexpr int kPad = 6;

int headerHeight(const QFontMetrics& fm) {
    return fm.height() + 8;
}

// The first `n` characters that show (the match marks do not) and an ellipsis.
QString firstShown(const QString& snippet, int n) {
    int shown = 0;
    for (qsizetype i = 0; i < snippet.size(); ++i) {
        if (snippet[i] == QChar(0x0002) || snippet[i] == QChar(0x0003)) {
            continue;
        }
        if (shown++ == n) {
            return snippet.left(i) + QStringLiteral("…");
        }
    }
    return snippet;
}

}  // namespace

QString SearchResultDelegate::snippetHtml(const QString& snippet) {
    QString html = snippet.toHtmlEscaped();
    html.replace(QChar(0x0002), QLatin1String("<b>"));
    html.replace(QChar(0x0003), QLatin1String("</b>"));
    return html;
}

QString SearchResultDelegate::kindTitle(const QString& kind) {
    if (kind == u"message") {
        return tr("Messages");
    }
    if (kind == u"answer") {
        return tr("Answers");
    }
    return tr("Tips");
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const {
    const QFontMetrics fm(option.font);
    int h = 2 * fm.height() + 3 * kPad;
    if (index.data(Model::SectionStartRole).toBool()) {
        h += headerHeight(fm);
    }
    return {400, h};
}

void SearchResultDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    painter->save();
    const QFontMetrics fm(option.font);
    QRect r = option.rect;
    const QPalette& pal = option.palette;
    if (index.data(Model::SectionStartRole).toBool()) {
        QFont bold = option.font;
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 0.9);
        painter->setFont(bold);
        QColor dim = pal.color(QPalette::Text);
        dim.setAlphaF(0.6f);
        painter->setPen(dim);
        const QRect header(r.left() + kPad, r.top() + 4, r.width() - 2 * kPad, fm.height());
        painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter,
                          kindTitle(index.data(Model::KindRole).toString()).toUpper());
        r.setTop(r.top() + headerHeight(fm));
    }
    QStyleOptionViewItem item = option;
    item.rect = r;
    item.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &item, painter, widget);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);

    // Title line: what it is, and when.
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const QRect line1(r.left() + kPad, r.top() + kPad, r.width() - 2 * kPad, fm.height());
    // As the conversation list says it: today's time, this week's day, else the date.
    const QDateTime when = index.data(Model::TimestampRole).toDateTime();
    const QString whenText = when.isValid() && when.toMSecsSinceEpoch() > 0
                                 ? listTimeText(when, QDateTime::currentDateTimeUtc())
                                 : QString();
    const int whenWidth = fm.horizontalAdvance(whenText) + kPad;
    const QString title = index.data(Model::TitleRole).toString();
    painter->drawText(line1.adjusted(0, 0, -whenWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(title.isEmpty() ? tr("Tip") : title,
                                                    Qt::ElideRight, line1.width() - whenWidth));
    painter->setFont(option.font);
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, whenText);

    // The snippet, one line, matches in bold, without its Markdown marks; cut with an
    // ellipsis where the line ends, not in the middle of a letter.
    QTextDocument doc;
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(0);
    doc.setTextWidth(-1);
    const QString snippet = plainSnippet(index.data(Model::SnippetRole).toString());
    doc.setHtml(snippetHtml(snippet));
    const QRect line2(line1.left(), line1.bottom() + kPad, line1.width(), fm.height() + 2);
    if (doc.idealWidth() > line2.width()) {
        const QPointF end(line2.width() - fm.horizontalAdvance(QStringLiteral("…")),
                          fm.height() / 2.0);
        int shown = doc.documentLayout()->hitTest(end, Qt::FuzzyHit);
        do {
            doc.setHtml(snippetHtml(firstShown(snippet, shown)));
        } while (--shown > 0 && doc.idealWidth() > line2.width());
    }
    painter->setClipRect(line2);
    painter->translate(line2.topLeft());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = pal;
    ctx.palette.setColor(QPalette::Text, text);
    doc.documentLayout()->draw(painter, ctx);
    painter->restore();
}

}  // namespace rapport::ui
