// {{placeholders}} in an answer's body: `{{name}}` or `{{name|default}}` (README.md). The
// reply panel lists them, fills the known ones (the contact's name, the engineer's own,
// today's date) and asks for the rest.
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace rapport::library {

struct Placeholder {
    QString name;
    std::optional<QString> defaultValue;
    bool operator==(const Placeholder&) const = default;
};

struct FilledText {
    QString text;         // every placeholder with a value or a default replaced
    QStringList missing;  // names with neither (left as typed in `text`), distinct, in order
};

class Placeholders {
public:
    // Distinct by name, in order of first appearance; the first default given for a name
    // counts.
    static QList<Placeholder> of(const QString& body);
    // Replaces each placeholder with values[name], else its default; names compare
    // case-insensitively.
    static FilledText fill(const QString& body, const QHash<QString, QString>& values);
};

}  // namespace rapport::library
