#include "sync/StoreOutboxQueue.h"

#include "store/OutboxStore.h"

namespace rapport::sync {

QFuture<Result<QList<OutboxEntry>>> StoreOutboxQueue::pending() {
    return m_outbox.pending().then(
        [](const Result<QList<store::OutboxEntry>>& rows) -> Result<QList<OutboxEntry>> {
            if (!rows.ok()) {
                return rows.error();
            }
            QList<OutboxEntry> entries;
            entries.reserve(rows.value().size());
            for (const store::OutboxEntry& row : rows.value()) {
                entries.append(OutboxEntry{row.id, row.message.messageId, row.stanza});
            }
            return entries;
        });
}

QFuture<Result<void>> StoreOutboxQueue::markSent(qint64 id) {
    return m_outbox.markSent(id).then([](const Result<void>& done) -> Result<void> {
        // Already gone: the archive's copy of the message reached the store first and
        // settled it (MessageStore drops the outbox entry of a message the archive has).
        if (!done.ok() && done.error().code == ErrorCode::NotFound) {
            return Ok{};
        }
        return done;
    });
}

}  // namespace rapport::sync
