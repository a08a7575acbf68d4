#include "library/AnswerPayload.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

#include "xmpp/DateTime.h"

namespace rapport::library {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("AnswerPayload", text);
}

xmpp::Element textElement(const QString& name, const QString& text) {
    return xmpp::Element(name, AnswerNs).setText(text);
}

}  // namespace

QString AnswerPayload::tombstoneId(const QString& answerId) {
    return QStringLiteral("deleted-") + answerId;
}

xmpp::Element AnswerPayload::tombstone(const QString& by, const QDateTime& at) {
    xmpp::Element e(QStringLiteral("deleted"), AnswerNs);
    e.setAttribute(QStringLiteral("by"), by);
    e.setAttribute(QStringLiteral("at"), xmpp::toXmppDateTime(at));
    return e;
}

QString AnswerPayload::deletedAnswer(const QString& itemId, const xmpp::Element& payload) {
    static const QString prefix = QStringLiteral("deleted-");
    if (!itemId.startsWith(prefix) || !payload.is(u"deleted", AnswerNs)) {
        return {};
    }
    const QString id = itemId.mid(prefix.size());
    return QUuid::fromString(id).isNull() ? QString() : id;
}

QStringList AnswerPayload::normalizeTags(const QStringList& tags) {
    QStringList out;
    for (const QString& tag : tags) {
        QString t = tag.trimmed().toLower();
        t.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral("-"));
        if (!t.isEmpty() && !out.contains(t)) {
            out << t;
        }
    }
    return out;
}

QString AnswerPayload::invalidTagsReason(const QStringList& tags) {
    if (tags.size() > AnswerLimits::Tags) {
        return tr("it has more than %1 tags").arg(AnswerLimits::Tags);
    }
    for (const QString& tag : tags) {
        if (tag.isEmpty() || tag.size() > AnswerLimits::TagChars || tag != tag.toLower() ||
            tag.contains(QRegularExpression(QStringLiteral("\\s")))) {
            return tr("the tag \"%1\" is not one lowercase word of at most %2 characters")
                .arg(tag.left(AnswerLimits::TagChars), QString::number(AnswerLimits::TagChars));
        }
    }
    return {};
}

QString AnswerPayload::invalidReason(const Answer& a) {
    if (QUuid::fromString(a.id).isNull()) {
        return tr("the id is not a UUID");
    }
    if (a.title.trimmed().isEmpty()) {
        return tr("the title is empty");
    }
    if (a.title.size() > AnswerLimits::TitleChars) {
        return tr("the title is longer than %1 characters").arg(AnswerLimits::TitleChars);
    }
    if (a.body.toUtf8().size() > AnswerLimits::BodyBytes) {
        return tr("the text is larger than %1 KiB").arg(AnswerLimits::BodyBytes / 1024);
    }
    if (const QString why = invalidTagsReason(a.tags); !why.isEmpty()) {
        return why;
    }
    if (a.author.isEmpty() || !a.author.contains(u'@')) {
        return tr("the author is not a JID");
    }
    if (!a.created.isValid() || !a.updated.isValid()) {
        return tr("a date is missing or not a date");
    }
    if (a.version < 1) {
        return tr("the version is not a positive number");
    }
    return {};
}

xmpp::Element AnswerPayload::toElement(const Answer& a) {
    xmpp::Element e(QStringLiteral("answer"), AnswerNs);
    e.setAttribute(QStringLiteral("version"), QString::number(a.version));
    e.appendChild(textElement(QStringLiteral("title"), a.title));
    e.appendChild(textElement(QStringLiteral("body"), a.body));
    for (const QString& tag : a.tags) {
        e.appendChild(textElement(QStringLiteral("tag"), tag));
    }
    e.appendChild(textElement(QStringLiteral("author"), a.author));
    e.appendChild(textElement(QStringLiteral("created"), xmpp::toXmppDateTime(a.created)));
    e.appendChild(textElement(QStringLiteral("updated"), xmpp::toXmppDateTime(a.updated)));
    return e;
}

Result<Answer> AnswerPayload::fromElement(const QString& itemId, const xmpp::Element& payload) {
    auto refuse = [&](const QString& why) {
        return Error::make(ErrorCode::Protocol,
                           tr("The answer %1 was ignored: %2.").arg(itemId.left(64), why));
    };
    if (!payload.is(u"answer", AnswerNs)) {
        return refuse(tr("it is not an answer of this format"));
    }
    Answer a;
    a.id = itemId;
    bool ok = false;
    a.version = payload.attribute(u"version").toInt(&ok);
    if (!ok) {
        return refuse(tr("the version is not a number"));
    }
    if (!payload.hasChild(u"title", AnswerNs) || !payload.hasChild(u"body", AnswerNs)) {
        return refuse(tr("the title or the text is missing"));
    }
    a.title = payload.childText(u"title", AnswerNs);
    a.body = payload.childText(u"body", AnswerNs);
    for (const xmpp::Element& tag : payload.childrenNamed(u"tag", AnswerNs)) {
        a.tags << tag.text();
    }
    a.author = payload.childText(u"author", AnswerNs);
    a.created = xmpp::parseXmppDateTime(payload.childText(u"created", AnswerNs));
    a.updated = xmpp::parseXmppDateTime(payload.childText(u"updated", AnswerNs));
    if (const QString why = invalidReason(a); !why.isEmpty()) {
        return refuse(why);
    }
    return a;
}

}  // namespace rapport::library
