#include "library/MarkdownAnswer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace rapport::library {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("MarkdownAnswer", text);
}

// A "..." value written so that any title survives: JSON's escapes are YAML's too.
QString quoted(const QString& s) {
    const QByteArray json = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString tagText(const QString& tag) {
    static const QRegularExpression plain(QStringLiteral("^[\\w.+/-]+$"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    return plain.match(tag).hasMatch() ? tag : quoted(tag);
}

// A value without its quotes.
QString scalar(const QString& raw) {
    const QString v = raw.trimmed();
    if (v.size() >= 2 && v.startsWith(u'"') && v.endsWith(u'"')) {
        const QJsonDocument doc = QJsonDocument::fromJson('[' + v.toUtf8() + ']');
        return doc.isArray() ? doc.array().at(0).toString() : v.mid(1, v.size() - 2);
    }
    if (v.size() >= 2 && v.startsWith(u'\'') && v.endsWith(u'\'')) {
        return v.mid(1, v.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
    }
    return v;
}

// "[a, "b, c"]" or "a, b": the items, split at commas outside quotes.
QStringList list(QString v) {
    v = v.trimmed();
    if (v.startsWith(u'[') && v.endsWith(u']')) {
        v = v.mid(1, v.size() - 2);
    }
    QStringList out;
    QString item;
    QChar quote;
    for (qsizetype i = 0; i < v.size(); ++i) {
        QChar c = v[i];
        if (!quote.isNull()) {
            if (c == u'\\' && quote == u'"' && i + 1 < v.size()) {
                item += c;
                c = v[++i];
            } else if (c == quote) {
                quote = QChar();
            }
            item += c;
        } else if (c == u',') {
            out << scalar(item);
            item.clear();
        } else {
            if ((c == u'"' || c == u'\'') && item.trimmed().isEmpty()) {
                quote = c;
            }
            item += c;
        }
    }
    out << scalar(item);
    out.removeAll(QString());
    return out;
}

bool isFence(const QString& line) {
    return line.trimmed() == u"---";
}

}  // namespace

QString MarkdownAnswer::toMarkdown(const Answer& a) {
    QStringList tags;
    for (const QString& tag : a.tags) {
        tags << tagText(tag);
    }
    return QStringLiteral("---\n") + QStringLiteral("id: ") + a.id + u'\n' +
           QStringLiteral("title: ") + quoted(a.title) + u'\n' + QStringLiteral("tags: [") +
           tags.join(QStringLiteral(", ")) + QStringLiteral("]\n") + QStringLiteral("author: ") +
           a.author + u'\n' + QStringLiteral("updated: ") + a.updated.toString(Qt::ISODate) +
           u'\n' + QStringLiteral("version: ") + QString::number(a.version) + u'\n' +
           QStringLiteral("---\n") + a.body;
}

Result<Answer> MarkdownAnswer::fromMarkdown(const QString& text) {
    // Lines with their ends, so that the body after the front matter stays verbatim.
    qsizetype pos = 0;
    auto nextLine = [&text, &pos]() -> std::optional<QString> {
        if (pos >= text.size()) {
            return std::nullopt;
        }
        qsizetype end = text.indexOf(u'\n', pos);
        end = end < 0 ? text.size() : end + 1;
        QString line = text.mid(pos, end - pos);
        pos = end;
        while (line.endsWith(u'\n') || line.endsWith(u'\r')) {
            line.chop(1);
        }
        return line;
    };
    const std::optional<QString> first = nextLine();
    if (!first || !isFence(*first)) {
        return Error::make(ErrorCode::Usage,
                           tr("it does not start with front matter (a \"---\" line, then "
                              "\"title: ...\")"));
    }
    Answer a;
    bool closed = false;
    bool inTags = false;  // after "tags:" with no value: "- tag" lines follow
    while (const std::optional<QString> line = nextLine()) {
        if (isFence(*line)) {
            closed = true;
            break;
        }
        const QString trimmed = line->trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#')) {
            continue;
        }
        if (inTags && trimmed.startsWith(u'-')) {
            a.tags << scalar(trimmed.mid(1));
            continue;
        }
        inTags = false;
        const qsizetype colon = line->indexOf(u':');
        if (colon <= 0) {
            continue;  // not "name: value"; nothing we read
        }
        const QString name = line->left(colon).trimmed().toLower();
        const QString value = line->mid(colon + 1);
        if (name == u"title") {
            a.title = scalar(value).trimmed();
        } else if (name == u"id") {
            a.id = scalar(value);
        } else if (name == u"tags") {
            a.tags = list(value);
            inTags = value.trimmed().isEmpty();
        }
    }
    if (!closed) {
        return Error::make(ErrorCode::Usage,
                           tr("its front matter is not closed by a \"---\" line"));
    }
    a.body = text.mid(pos);
    return a;
}

QString MarkdownAnswer::fileName(const Answer& a, const QSet<QString>& taken) {
    QString slug;
    for (const QChar c : a.title.normalized(QString::NormalizationForm_KD).toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            slug += c;
        } else if (c.category() != QChar::Mark_NonSpacing && !slug.endsWith(u'-')) {
            slug += u'-';
        }
    }
    slug = slug.left(60);
    while (slug.startsWith(u'-')) {
        slug.remove(0, 1);
    }
    while (slug.endsWith(u'-')) {
        slug.chop(1);
    }
    if (slug.isEmpty()) {
        slug = QStringLiteral("answer");
    }
    const QString id = QString(a.id).remove(u'-').toLower();
    QString name = slug + u'-' + id.left(8) + QStringLiteral(".md");
    for (int n = 2; taken.contains(name.toLower()); ++n) {
        name = slug + u'-' + id + (n > 2 ? QStringLiteral("-%1").arg(n) : QString()) +
               QStringLiteral(".md");
    }
    return name;
}

}  // namespace rapport::library
