#include "feed/TipPayload.h"

#include <QCoreApplication>
#include <QUuid>

#include "common/Jid.h"
#include "library/AnswerPayload.h"
#include "xmpp/DateTime.h"

namespace rapport::feed {

namespace {

const QString CommentPrefix = QStringLiteral("comment-");
const QString LikePrefix = QStringLiteral("like-");

QString tr(const char* text) {
    return QCoreApplication::translate("TipPayload", text);
}

xmpp::Element textElement(const QString& name, const QString& text) {
    return xmpp::Element(name, TipNs).setText(text);
}

bool isUuid(const QString& id) {
    // The canonical form only: the same tip must not have two spellings.
    const QUuid uuid = QUuid::fromString(id);
    return !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == id;
}

bool isBareJid(const QString& text) {
    return Jid::isValid(text) && text.contains(u'@') && !text.contains(u'/');
}

// The bare JID the service says published the item, or empty when it does not say.
QString publisherOf(const xmpp::PubSubItem& item) {
    return item.publisher.isEmpty() ? QString() : item.publisher.section(u'/', 0, 0).toLower();
}

QString checkBody(const QString& body, int maxBytes) {
    if (body.trimmed().isEmpty()) {
        return tr("the text is empty");
    }
    if (body.toUtf8().size() > maxBytes) {
        return tr("the text is larger than %1 KiB").arg(maxBytes / 1024);
    }
    return {};
}

}  // namespace

QString TipPayload::commentItemId(const QString& commentId) {
    return CommentPrefix + commentId;
}

QString TipPayload::likeItemId(const QString& tipId, const QString& by) {
    return LikePrefix + tipId + u'-' + by;
}

QString TipPayload::invalidReason(const Tip& tip) {
    if (!isUuid(tip.id)) {
        return tr("the id is not a UUID");
    }
    if (const QString why = checkBody(tip.body, TipLimits::BodyBytes); !why.isEmpty()) {
        return why;
    }
    if (const QString why = library::AnswerPayload::invalidTagsReason(tip.tags); !why.isEmpty()) {
        return why;
    }
    if (!isBareJid(tip.author)) {
        return tr("the author is not a JID");
    }
    if (!tip.published.isValid()) {
        return tr("the date is missing or not a date");
    }
    return {};
}

QString TipPayload::invalidReason(const TipComment& comment) {
    if (!isUuid(comment.id) || !isUuid(comment.tipId)) {
        return tr("an id is not a UUID");
    }
    if (const QString why = checkBody(comment.body, TipLimits::CommentBytes); !why.isEmpty()) {
        return why;
    }
    if (!isBareJid(comment.author)) {
        return tr("the author is not a JID");
    }
    if (!comment.published.isValid()) {
        return tr("the date is missing or not a date");
    }
    return {};
}

xmpp::Element TipPayload::toElement(const Tip& tip) {
    xmpp::Element e(QStringLiteral("tip"), TipNs);
    e.appendChild(textElement(QStringLiteral("body"), tip.body));
    for (const QString& tag : tip.tags) {
        e.appendChild(textElement(QStringLiteral("tag"), tag));
    }
    e.appendChild(textElement(QStringLiteral("author"), tip.author));
    e.appendChild(textElement(QStringLiteral("published"), xmpp::toXmppDateTime(tip.published)));
    return e;
}

xmpp::Element TipPayload::toElement(const TipComment& comment) {
    xmpp::Element e(QStringLiteral("comment"), TipNs);
    e.setAttribute(QStringLiteral("tip"), comment.tipId);
    e.appendChild(textElement(QStringLiteral("body"), comment.body));
    e.appendChild(textElement(QStringLiteral("author"), comment.author));
    e.appendChild(
        textElement(QStringLiteral("published"), xmpp::toXmppDateTime(comment.published)));
    return e;
}

xmpp::Element TipPayload::toElement(const TipLike& like) {
    xmpp::Element e(like.liked ? QStringLiteral("like") : QStringLiteral("unlike"), TipNs);
    e.setAttribute(QStringLiteral("tip"), like.tipId);
    e.setAttribute(QStringLiteral("by"), like.by);
    e.setAttribute(QStringLiteral("at"), xmpp::toXmppDateTime(like.at));
    return e;
}

QString TipPayload::itemIdOf(const FeedItem& item) {
    if (const auto* tip = std::get_if<Tip>(&item)) {
        return tip->id;
    }
    if (const auto* comment = std::get_if<TipComment>(&item)) {
        return commentItemId(comment->id);
    }
    const auto& like = std::get<TipLike>(item);
    return likeItemId(like.tipId, like.by);
}

Result<FeedItem> TipPayload::fromItem(const xmpp::PubSubItem& item) {
    auto refuse = [&](const QString& why) {
        return Error::make(ErrorCode::Protocol,
                           tr("The tips item %1 was ignored: %2.").arg(item.id.left(80), why));
    };
    const xmpp::Element& p = item.payload;
    const QString publisher = publisherOf(item);
    // Whoever the payload names must be who published it, when the service tells us.
    auto spoofed = [&](const QString& named) {
        return !publisher.isEmpty() && publisher != named.toLower();
    };

    if (p.is(u"tip", TipNs)) {
        Tip tip;
        tip.id = item.id;
        tip.body = p.childText(u"body", TipNs);
        for (const xmpp::Element& tag : p.childrenNamed(u"tag", TipNs)) {
            tip.tags << tag.text();
        }
        tip.author = p.childText(u"author", TipNs);
        tip.published = xmpp::parseXmppDateTime(p.childText(u"published", TipNs));
        if (const QString why = invalidReason(tip); !why.isEmpty()) {
            return refuse(why);
        }
        if (spoofed(tip.author)) {
            return refuse(
                tr("it names %1 as its author but %2 published it").arg(tip.author, publisher));
        }
        return FeedItem(tip);
    }
    if (p.is(u"comment", TipNs)) {
        if (!item.id.startsWith(CommentPrefix)) {
            return refuse(tr("a comment's item id must start with \"%1\"").arg(CommentPrefix));
        }
        TipComment comment;
        comment.id = item.id.mid(CommentPrefix.size());
        comment.tipId = p.attribute(u"tip");
        comment.body = p.childText(u"body", TipNs);
        comment.author = p.childText(u"author", TipNs);
        comment.published = xmpp::parseXmppDateTime(p.childText(u"published", TipNs));
        if (const QString why = invalidReason(comment); !why.isEmpty()) {
            return refuse(why);
        }
        if (spoofed(comment.author)) {
            return refuse(
                tr("it names %1 as its author but %2 published it").arg(comment.author, publisher));
        }
        return FeedItem(comment);
    }
    if (p.is(u"like", TipNs) || p.is(u"unlike", TipNs)) {
        TipLike like;
        like.tipId = p.attribute(u"tip");
        like.by = p.attribute(u"by");
        like.liked = p.is(u"like", TipNs);
        like.at = xmpp::parseXmppDateTime(p.attribute(u"at"));
        if (!isUuid(like.tipId) || !isBareJid(like.by) || !like.at.isValid()) {
            return refuse(tr("a like needs a tip id, a JID and a date"));
        }
        // One item per person and tip: that is what makes a like idempotent.
        if (item.id != likeItemId(like.tipId, like.by)) {
            return refuse(tr("a like's item id must be \"like-<tip id>-<JID>\""));
        }
        if (spoofed(like.by)) {
            return refuse(tr("it is a like by %1 but %2 published it").arg(like.by, publisher));
        }
        return FeedItem(like);
    }
    return refuse(tr("it is not a tip, comment or like of this format"));
}

}  // namespace rapport::feed
