// A conversation's history older than what the store holds, fetched from the archive
// (XEP-0313, `with` the peer, RSM `before` the oldest archived message stored) when the
// user scrolls up past it. What it stores does not count as unread.
#pragma once

#include <QFuture>
#include <QObject>

#include "common/Jid.h"
#include "common/Result.h"
#include "sync/HistoryCatchUp.h"

namespace rapport::store {
class MessageStore;
}

namespace rapport::sync {

class OlderHistory : public QObject {
    Q_OBJECT
public:
    OlderHistory(HistoryCatchUp::ArchiveQuery query, store::MessageStore& messages, Jid ownBareJid,
                 QObject* parent = nullptr);

    struct Outcome {
        int stored = 0;             // messages new to the store
        int fetched = 0;            // archive entries transferred (receipts and markers too)
        int pages = 0;              // round trips
        bool reachedStart = false;  // the archive holds nothing older with this peer
    };

    // Up to `max` messages older than the oldest archived one stored with `peer`. Pages on
    // while the server's page cap, receipts or markers leave it short, up to a few round
    // trips, so that "load older" does not come back empty while there is more.
    QFuture<Result<Outcome>> fetch(const Jid& peer, int max = 100);

private:
    struct Run;
    void nextPage(std::shared_ptr<Run> run);

    HistoryCatchUp::ArchiveQuery m_query;
    store::MessageStore& m_messages;
    Jid m_own;
};

}  // namespace rapport::sync
