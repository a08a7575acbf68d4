#include "sync/OlderHistory.h"

#include <QPromise>

#include "common/FutureUtils.h"
#include "store/MessageStore.h"
#include "sync/MessageConversion.h"

namespace rapport::sync {

namespace {
// Servers cap a page (Prosody at 250), and receipts and markers take room in it: a fetch
// pages on until it has stored what was asked, but one scroll costs at most this many
// round trips.
constexpr int MaxPagesPerFetch = 8;
}  // namespace

struct OlderHistory::Run {
    Jid peer;
    int max = 0;
    QString before;  // RSM: the oldest archive id we have; empty: the newest page
    Outcome outcome;
    QPromise<Result<Outcome>> promise;

    void finish(Result<Outcome> result) {
        promise.addResult(std::move(result));
        promise.finish();
    }
};

OlderHistory::OlderHistory(HistoryCatchUp::ArchiveQuery query, store::MessageStore& messages,
                           Jid ownBareJid, QObject* parent)
    : QObject(parent)
    , m_query(std::move(query))
    , m_messages(messages)
    , m_own(std::move(ownBareJid)) {}

QFuture<Result<OlderHistory::Outcome>> OlderHistory::fetch(const Jid& peer, int max) {
    auto run = std::make_shared<Run>();
    run->peer = peer.bare();
    run->max = std::max(1, max);
    run->promise.start();
    QFuture<Result<Outcome>> future = run->promise.future();
    if (run->peer.isEmpty()) {
        run->finish(Error::make(ErrorCode::Usage, tr("No conversation was given.")));
        return future;
    }
    onFinished(m_messages.oldestStanzaId(run->peer.toString()), this,
               [this, run](const Result<QString>& oldest) {
                   if (!oldest.ok()) {
                       run->finish(oldest.error());
                       return;
                   }
                   run->before = oldest.value();
                   nextPage(run);
               });
    return future;
}

void OlderHistory::nextPage(std::shared_ptr<Run> run) {
    xmpp::MamQuery q;
    q.with = run->peer;
    q.max = run->max - run->outcome.stored;
    if (run->before.isEmpty()) {
        q.lastPage = true;  // nothing archived stored yet: start from the newest
    } else {
        q.before = run->before;
    }
    onFinished(m_query(q), this, [this, run](const Result<xmpp::MamPage>& page) {
        if (!page.ok()) {
            run->finish(page.error());
            return;
        }
        const xmpp::MamPage& p = page.value();
        ++run->outcome.pages;
        run->outcome.fetched += int(p.messages.size());
        run->outcome.reachedStart = p.complete || p.messages.isEmpty();
        if (!p.first.isEmpty()) {
            run->before = p.first;
        }
        QList<store::StoredMessage> batch = toStored(p.messages, m_own);
        // `with` already limits the archive to this peer; a result naming another
        // conversation would be the server's mistake, not a message to keep here.
        const QString peer = run->peer.toString();
        batch.removeIf([&peer](const store::StoredMessage& m) { return m.peer != peer; });
        onFinished(m_messages.insertBatch(std::move(batch), store::MessageStore::Unread::DoNotCount,
                                          {}, store::MessageStore::Placement::Before),
                   this, [this, run](const Result<int>& stored) {
                       if (!stored.ok()) {
                           run->finish(stored.error());
                           return;
                       }
                       run->outcome.stored += stored.value();
                       const bool more = !run->outcome.reachedStart &&
                                         run->outcome.stored < run->max &&
                                         run->outcome.pages < MaxPagesPerFetch;
                       if (more) {
                           nextPage(run);
                       } else {
                           run->finish(run->outcome);
                       }
                   });
    });
}

}  // namespace rapport::sync
