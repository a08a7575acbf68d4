// The history catch-up's sink in the app: archived messages into the MessageStore,
// with the catch-up cursor moved in the same transaction.
#pragma once

#include <QMutex>
#include <QSet>
#include <QStringList>
#include <atomic>
#include <memory>

#include "common/Jid.h"
#include "sync/HistoryCatchUp.h"

namespace rapport::store {
class MessageStore;
class SyncCursorStore;
}  // namespace rapport::store

namespace rapport::sync {

class StoreArchiveSink : public ArchiveSink {
public:
    StoreArchiveSink(store::MessageStore& messages, store::SyncCursorStore& cursors,
                     Jid ownBareJid);

    QFuture<Result<QString>> cursor() override;
    QFuture<Result<int>> store(const QList<xmpp::MamMessage>& messages, const QString& newCursor,
                               Page page) override;

    // Conversations that received messages since the last reset.
    int conversationsTouched() const;
    void resetCounters();
    // The conversations stored into since the last call (for the models' targeted reads).
    QStringList takeRecentPeers();

private:
    QString source() const;

    store::MessageStore& m_messages;
    store::SyncCursorStore& m_cursors;
    Jid m_own;
    // A first sync does not make years of history "unread". Shared: it is set on the store
    // thread, by a continuation that must not outlive-reference this object.
    std::shared_ptr<std::atomic<bool>> m_firstSync = std::make_shared<std::atomic<bool>>(false);
    // Filled on the store's thread, where the archived stanzas become rows.
    struct Peers {
        QMutex mutex;
        QSet<QString> touched;  // since resetCounters()
        QSet<QString> recent;   // since takeRecentPeers()
    };
    std::shared_ptr<Peers> m_peers = std::make_shared<Peers>();
};

}  // namespace rapport::sync
