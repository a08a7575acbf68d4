// What changed on a PubSub node since we last looked, transferring little.
//
// Nodes have no archive and events published while we were away are not sent later, so a
// client must fetch. Prosody ignores RSM on <items/> but honours max_items: the newest N,
// in publish order (oldest first), a republished item counting as the newest. So walking
// back from the newest item to the first one we already hold as it is finds every change;
// the window grows (20, 80, 320, ...) until it reaches such an item. The first time (we
// hold nothing), the whole node is fetched at once.
//
// Items removed while we were away do not show in a window: when the whole node came, the
// caller compares `present` with what it holds; otherwise it may list the ids
// (PubSubExtension::itemIds) now and then.
#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>

#include "common/Result.h"
#include "xmpp/ext/pubsub/PubSubTypes.h"

namespace rapport::xmpp {

class PubSubExtension;

struct NodeChanges {
    QList<PubSubItem> changed;  // publish order, oldest first
    bool wholeNode = false;     // every item of the node was fetched
    QSet<QString> present;      // when wholeNode: the ids of all of them
    int itemsFetched = 0;
};

class NodeCatchUp {
public:
    // Whether we already hold this item exactly as it is (same id and same version).
    using HeldAsIs = std::function<bool(const PubSubItem&)>;
    using Done = std::function<void(const Result<NodeChanges>&)>;

    // The first window, and how it grows; past the last, the whole node.
    static constexpr int FirstWindow = 20;
    static constexpr int Growth = 4;
    static constexpr int WholeNodeWindow = 20000;

    // Fetches from `service`'s `node` and calls done (on context's thread, never if
    // context dies first). holdsNothing: fetch the whole node at once.
    static void run(PubSubExtension* pubsub, const Jid& service, const QString& node,
                    bool holdsNothing, HeldAsIs heldAsIs, QObject* context, Done done);

private:
    struct Walk;
    static void fetch(const std::shared_ptr<Walk>& walk, int window);
};

}  // namespace rapport::xmpp
