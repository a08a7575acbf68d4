#include "xmpp/ext/pubsub/NodeCatchUp.h"

#include "common/FutureUtils.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"

namespace rapport::xmpp {

struct NodeCatchUp::Walk {
    QPointer<PubSubExtension> pubsub;
    Jid service;
    QString node;
    HeldAsIs heldAsIs;
    QPointer<QObject> context;
    Done done;
    int fetched = 0;
};

void NodeCatchUp::run(PubSubExtension* pubsub, const Jid& service, const QString& node,
                      bool holdsNothing, HeldAsIs heldAsIs, QObject* context, Done done) {
    auto walk = std::make_shared<Walk>(
        Walk{pubsub, service, node, std::move(heldAsIs), context, std::move(done)});
    fetch(walk, holdsNothing ? 0 : FirstWindow);
}

void NodeCatchUp::fetch(const std::shared_ptr<Walk>& walk, int window) {
    if (!walk->pubsub || !walk->context) {
        return;
    }
    const bool whole = window <= 0 || window >= WholeNodeWindow;
    onFinished(walk->pubsub->items(walk->service, walk->node, whole ? 0 : window),
               walk->context.data(),
               [walk, window, whole](const Result<QList<PubSubItem>>& fetched) {
                   if (!fetched.ok()) {
                       walk->done(fetched.error());
                       return;
                   }
                   const QList<PubSubItem>& items = fetched.value();
                   walk->fetched += int(items.size());
                   // Oldest first: walk back from the newest to the first one we already held.
                   qsizetype anchor = -1;
                   for (qsizetype i = items.size() - 1; i >= 0; --i) {
                       if (walk->heldAsIs(items[i])) {
                           anchor = i;
                           break;
                       }
                   }
                   const bool gotAll = whole || items.size() < window;
                   if (anchor < 0 && !gotAll) {
                       fetch(walk, window * Growth);  // the changes go back further
                       return;
                   }
                   NodeChanges changes;
                   changes.changed = items.mid(anchor + 1);
                   changes.wholeNode = gotAll;
                   changes.itemsFetched = walk->fetched;
                   if (gotAll) {
                       for (const PubSubItem& item : items) {
                           changes.present.insert(item.id);
                       }
                   }
                   walk->done(changes);
               });
}

}  // namespace rapport::xmpp
