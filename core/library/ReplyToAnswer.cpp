#include "library/ReplyToAnswer.h"

#include <QRegularExpression>

namespace rapport::library {

QString ReplyToAnswer::titleFrom(const QString& text) {
    QString first = text.trimmed().section(u'\n', 0, 0).trimmed();
    // The end of the first sentence: a full stop, question or exclamation mark before a space.
    static const QRegularExpression sentenceEnd(QStringLiteral("[.!?](\\s|$)"));
    if (const auto m = sentenceEnd.match(first); m.hasMatch()) {
        first = first.left(m.capturedStart() + 1);
    }
    first = first.simplified();
    if (first.size() <= TitleChars) {
        return first;
    }
    QString cut = first.left(TitleChars - 1);
    if (const qsizetype space = cut.lastIndexOf(u' '); space > TitleChars / 2) {
        cut.truncate(space);
    }
    return cut + QChar(0x2026);
}

Answer ReplyToAnswer::draft(const QString& replyText, const QString& author, const QString& title,
                            const QStringList& tags) {
    Answer a;
    a.title = title.trimmed().isEmpty() ? titleFrom(replyText) : title.trimmed();
    a.body = replyText;
    a.tags = tags;
    a.author = author;
    return a;
}

}  // namespace rapport::library
