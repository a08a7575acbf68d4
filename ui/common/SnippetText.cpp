#include "common/SnippetText.h"

#include <QRegularExpression>

namespace rapport::ui {

QString plainSnippet(const QString& markdown) {
    using RE = QRegularExpression;
    static const RE heading(QStringLiteral("^[ \\t]*#{1,6}[ \\t]+"), RE::MultilineOption);
    static const RE bullet(QStringLiteral("^[ \\t]*[-*+][ \\t]+"), RE::MultilineOption);
    static const RE link(QStringLiteral("!?\\[([^\\]\\n]*)\\]\\([^)\\s]*\\)"));
    static const RE autolink(QStringLiteral("<((?:https?|mailto):[^>\\s]+)>"));
    // A lone * or _ that opens or closes emphasis: next to a word on one side only. The match
    // marks count as word edges (a match can be emphasised: *\x02word\x03*).
    static const RE emphasisOpen(QStringLiteral("(?<![\\w*_\\x{3}])[*_](?=[\\w\\x{2}])"),
                                 RE::UseUnicodePropertiesOption);
    static const RE emphasisClose(QStringLiteral("(?<=[\\w\\x{3}.!?])[*_](?![\\w*_\\x{2}])"),
                                  RE::UseUnicodePropertiesOption);
    QString text = markdown;
    text.replace(heading, QString());
    text.replace(bullet, QString());
    text.replace(link, QStringLiteral("\\1"));
    text.replace(autolink, QStringLiteral("\\1"));
    text.remove(QStringLiteral("**"));
    text.remove(QStringLiteral("__"));
    text.remove(QLatin1Char('`'));
    text.replace(emphasisOpen, QString());
    text.replace(emphasisClose, QString());
    return text.simplified();
}

}  // namespace rapport::ui
