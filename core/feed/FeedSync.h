// Keeps the local tips feed (TipStore) in step with the team's tips node, both ways:
//
// - Catch-up at every session start (xmpp::NodeCatchUp): the first time every item, then
//   only the newest ones back to the first we already held as it is. Tips and comments
//   never change; a like is republished under the same item id, so it shows as new.
//   When the whole node was fetched, what it no longer holds goes here too.
// - Live events while online: items published and retracted.
// - Publishing what was posted, commented or liked here (TipStore's queue), in order, as the
//   rows are when sent: a like set and withdrawn offline is sent once, as it ends up.
//
// Items that break the rules, or name someone else than their publisher, are logged and
// skipped; events come only from the configured service (PubSubExtension).
#pragma once

#include <QObject>
#include <QPointer>

#include "common/Jid.h"
#include "common/Result.h"
#include "feed/TipStore.h"
#include "library/TeamNodeSync.h"
#include "xmpp/ext/pubsub/PubSubTypes.h"

namespace rapport::xmpp {
class PubSubExtension;
}

namespace rapport::feed {

class FeedSync : public library::TeamNodeSync {
    Q_OBJECT
public:
    struct Summary {
        int itemsFetched = 0;
        qint64 bytes = 0;
        int changed = 0;    // tips, comments and likes added or changed here
        int removed = 0;    // removed here
        int published = 0;  // ours sent
        bool wholeNode = false;
    };

    FeedSync(xmpp::PubSubExtension* pubsub, TipStore& tips, Jid service, QObject* parent = nullptr);

    void start();  // a session started: catch up, then send what is queued
    void flush();  // sends what is queued (a change made here while online)

signals:
    void synced(const rapport::feed::FeedSync::Summary& summary);
    // The local feed changed (from the server, or ours got published).
    void tipsChanged();

private:
    void onEvent(const xmpp::PubSubEvent& event);
    void catchUp(const QHash<QString, QString>& held);
    // Parses and stores items in publish order; then calls next.
    void applyItems(const QList<xmpp::PubSubItem>& items, std::function<void()> next);
    void sendNext();
    void finish();
    void fail(const Error& error) { TeamNodeSync::fail(error, "tips feed sync"); }

    QPointer<xmpp::PubSubExtension> m_pubsub;
    TipStore& m_tips;
    Jid m_service;
    Summary m_summary;
};

}  // namespace rapport::feed
