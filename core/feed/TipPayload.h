// The wire form of the tips feed, namespace urn:rapport:tip:1 (layout and rules in
// README.md): a tip, a comment and a like are each one item of the tips node. Parsing checks
// every rule, and that whoever the payload names is who published it when the service says
// (Prosody's expose_publisher): one member cannot like or post in another's name.
#pragma once

#include <variant>

#include "common/Result.h"
#include "feed/Tip.h"
#include "xmpp/Element.h"
#include "xmpp/ext/pubsub/PubSubTypes.h"

namespace rapport::feed {

inline const QString TipNs = QStringLiteral("urn:rapport:tip:1");

struct TipLimits {
    static constexpr int BodyBytes = 16 * 1024;
    static constexpr int CommentBytes = 4 * 1024;
};

// What one item of the node is.
using FeedItem = std::variant<Tip, TipComment, TipLike>;

class TipPayload {
public:
    static QString commentItemId(const QString& commentId);
    static QString likeItemId(const QString& tipId, const QString& by);

    static xmpp::Element toElement(const Tip& tip);
    static xmpp::Element toElement(const TipComment& comment);
    static xmpp::Element toElement(const TipLike& like);

    // The tip, comment or like an item carries; refused (Protocol, with the reason) if it
    // breaks a rule.
    static Result<FeedItem> fromItem(const xmpp::PubSubItem& item);
    static QString itemIdOf(const FeedItem& item);

    // The first rule a tip or comment made here breaks, or empty.
    static QString invalidReason(const Tip& tip);
    static QString invalidReason(const TipComment& comment);
};

}  // namespace rapport::feed
