#include "library/MarkdownView.h"

#include <QDesktopServices>

namespace rapport::ui {

MarkdownView::MarkdownView(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [](const QUrl& url) {
        const QString scheme = url.scheme().toLower();
        if (scheme == u"http" || scheme == u"https" || scheme == u"mailto") {
            QDesktopServices::openUrl(url);
        }
    });
}

QVariant MarkdownView::loadResource(int, const QUrl&) {
    return {};
}

}  // namespace rapport::ui
