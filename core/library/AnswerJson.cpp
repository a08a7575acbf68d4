#include "library/AnswerJson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace rapport::library {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("AnswerJson", text);
}

}  // namespace

QJsonObject AnswerJson::toJson(const Answer& a, bool withBody) {
    QJsonObject o{{QStringLiteral("id"), a.id},
                  {QStringLiteral("title"), a.title},
                  {QStringLiteral("tags"), QJsonArray::fromStringList(a.tags)},
                  {QStringLiteral("author"), a.author},
                  {QStringLiteral("created"), a.created.toString(Qt::ISODate)},
                  {QStringLiteral("updated"), a.updated.toString(Qt::ISODate)},
                  {QStringLiteral("version"), a.version},
                  {QStringLiteral("uses"), a.uses},
                  {QStringLiteral("state"), stateName(a.state)}};
    if (!a.conflictOf.isEmpty()) {
        o.insert(QStringLiteral("conflict_of"), a.conflictOf);
    }
    if (withBody) {
        o.insert(QStringLiteral("body"), a.body);
    }
    return o;
}

Result<Answer> AnswerJson::fromJson(const QJsonObject& o) {
    auto wrongType = [](const char* field, const QString& what) {
        return Error::make(ErrorCode::Usage,
                           tr("\"%1\" is not %2").arg(QLatin1String(field), what));
    };
    Answer a;
    for (const char* field : {"id", "title", "body", "created"}) {
        const QJsonValue v = o.value(QLatin1String(field));
        if (!v.isUndefined() && !v.isNull() && !v.isString()) {
            return wrongType(field, tr("text"));
        }
    }
    if (!o.value(QStringLiteral("title")).isString()) {
        return Error::make(ErrorCode::Usage, tr("the title is missing"));
    }
    if (!o.value(QStringLiteral("conflict_of")).toString().isEmpty()) {
        return Error::make(ErrorCode::Usage, tr("it is a conflict copy, which is not imported"));
    }
    a.id = o.value(QStringLiteral("id")).toString();
    a.title = o.value(QStringLiteral("title")).toString().trimmed();
    a.body = o.value(QStringLiteral("body")).toString();
    const QJsonValue tags = o.value(QStringLiteral("tags"));
    if (tags.isArray()) {
        for (const QJsonValue& t : tags.toArray()) {
            if (!t.isString()) {
                return wrongType("tags", tr("a list of texts"));
            }
            a.tags << t.toString();
        }
    } else if (!tags.isUndefined() && !tags.isNull()) {
        return wrongType("tags", tr("a list of texts"));
    }
    const QString created = o.value(QStringLiteral("created")).toString();
    if (!created.isEmpty()) {
        a.created = QDateTime::fromString(created, Qt::ISODateWithMs);
        if (!a.created.isValid()) {
            return wrongType("created", tr("a date and time (ISO 8601)"));
        }
        a.created = a.created.toUTC();
    }
    return a;
}

}  // namespace rapport::library
