// Markdown shown read-only (an answer's preview, the editor's live preview, a conflict's two
// texts): text from the team is untrusted, so nothing is loaded (no remote or local images,
// no other documents) and a link opens in the browser, never inside the view.
#pragma once

#include <QTextBrowser>

namespace rapport::ui {

class MarkdownView : public QTextBrowser {
    Q_OBJECT
public:
    explicit MarkdownView(QWidget* parent = nullptr);

    QVariant loadResource(int type, const QUrl& name) override;
};

}  // namespace rapport::ui
