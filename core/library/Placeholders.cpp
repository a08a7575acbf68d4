#include "library/Placeholders.h"

#include <QRegularExpression>

namespace rapport::library {

namespace {

// {{ name }} or {{ name | default }}; a default runs to the closing braces.
const QRegularExpression& pattern() {
    static const QRegularExpression re(
        QStringLiteral("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*(?:\\|([^}]*))?\\}\\}"));
    return re;
}

}  // namespace

QList<Placeholder> Placeholders::of(const QString& body) {
    QList<Placeholder> out;
    QStringList seen;
    for (auto it = pattern().globalMatch(body); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(1);
        if (seen.contains(name, Qt::CaseInsensitive)) {
            continue;
        }
        seen << name;
        Placeholder p;
        p.name = name;
        if (m.capturedStart(2) >= 0) {
            p.defaultValue = m.captured(2).trimmed();
        }
        out << p;
    }
    return out;
}

FilledText Placeholders::fill(const QString& body, const QHash<QString, QString>& values) {
    QHash<QString, QString> lower;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        lower.insert(it.key().toLower(), it.value());
    }
    FilledText out;
    qsizetype last = 0;
    for (auto it = pattern().globalMatch(body); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out.text += QStringView(body).mid(last, m.capturedStart(0) - last);
        last = m.capturedEnd(0);
        const QString name = m.captured(1);
        if (const auto v = lower.constFind(name.toLower()); v != lower.cend()) {
            out.text += v.value();
        } else if (m.capturedStart(2) >= 0) {
            out.text += m.captured(2).trimmed();
        } else {
            out.text += m.captured(0);
            if (!out.missing.contains(name, Qt::CaseInsensitive)) {
                out.missing << name;
            }
        }
    }
    out.text += QStringView(body).mid(last);
    return out;
}

}  // namespace rapport::library
