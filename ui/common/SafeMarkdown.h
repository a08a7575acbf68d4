// Markdown from customers and colleagues, shown safely: nothing is ever loaded (an image
// would fetch a URL or read a local file), and an image becomes a link with its alt text,
// which the engineer can open in the browser on purpose. One place for chats, answers and
// tips.
#pragma once

#include <QTextDocument>

namespace rapport::ui {

// A document that loads no resource at all.
class InertTextDocument : public QTextDocument {
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl&) override { return {}; }
};

// A new inert document holding `markdown` (see setSafeMarkdown) in `font`, no margin: what
// the delegates paint and cache.
InertTextDocument* newSafeDocument(const QString& markdown, const QFont& font,
                                   bool chatLineBreaks = false);

// "![chart](https://x/y.png)" -> "[🖼 chart](https://x/y.png)".
QString imagesAsLinks(const QString& markdown);

// Sets `markdown` (GitHub dialect) on `doc` with images as links. chatLineBreaks: every line
// break is one, as people type in a chat (Markdown would join the lines).
void setSafeMarkdown(QTextDocument* doc, const QString& markdown, bool chatLineBreaks = false);

}  // namespace rapport::ui
