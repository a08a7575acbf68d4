// The outbox sender's queue in the app: the store's outbox table.
#pragma once

#include "sync/OutboxSender.h"

namespace rapport::store {
class OutboxStore;
}

namespace rapport::sync {

class StoreOutboxQueue : public OutboxQueue {
public:
    explicit StoreOutboxQueue(store::OutboxStore& outbox) : m_outbox(outbox) {}
    QFuture<Result<QList<OutboxEntry>>> pending() override;
    QFuture<Result<void>> markSent(qint64 id) override;

private:
    store::OutboxStore& m_outbox;
};

}  // namespace rapport::sync
