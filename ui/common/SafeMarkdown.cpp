#include "common/SafeMarkdown.h"

#include <QRegularExpression>

namespace rapport::ui {

QString imagesAsLinks(const QString& markdown) {
    static const QRegularExpression image(QStringLiteral(R"(!\[([^\]]*)\]\(([^)\s]*)[^)]*\))"));
    QString out = markdown;
    out.replace(image, QStringLiteral("[\U0001F5BC \\1](\\2)"));
    // An empty alt text still needs a word to click.
    out.replace(QStringLiteral("[\U0001F5BC ]("), QStringLiteral("[\U0001F5BC image]("));
    return out;
}

void setSafeMarkdown(QTextDocument* doc, const QString& markdown, bool chatLineBreaks) {
    QString text = imagesAsLinks(markdown);
    if (chatLineBreaks) {
        text.replace(QLatin1Char('\n'), QLatin1String("  \n"));
    }
    doc->setMarkdown(text, QTextDocument::MarkdownDialectGitHub);
}

InertTextDocument* newSafeDocument(const QString& markdown, const QFont& font,
                                   bool chatLineBreaks) {
    auto* doc = new InertTextDocument;
    doc->setDefaultFont(font);
    doc->setDocumentMargin(0);
    setSafeMarkdown(doc, markdown, chatLineBreaks);
    return doc;
}

}  // namespace rapport::ui
