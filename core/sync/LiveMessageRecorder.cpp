#include "sync/LiveMessageRecorder.h"

#include "common/FutureUtils.h"

#include "store/MessageStore.h"
#include "sync/MessageConversion.h"
#include "xmpp/Client.h"
#include "xmpp/ext/chat/ChatExtension.h"
#include "xmpp/ext/markers/MarkersExtension.h"
#include "xmpp/ext/receipts/ReceiptsExtension.h"

namespace rapport::sync {

namespace {
// A message is written this soon after it arrives: short enough to feel instant.
constexpr int kFlushDelayMs = 25;
// While messages keep coming (the last write was under kBusyWithinMs ago), they wait
// longer, so that a burst is written in batches of dozens to hundreds rather than of two or
// three: each transaction costs a commit, a summary pass and a full-text segment flush
// (with its share of segment merging) whatever its size. A burst then shows in steps of a
// fifth of a second, which nobody reading can tell from a stream; a lone message still
// waits 25 ms. (bench_gui, a 5,000 burst right after a 20,000 catch-up: 0.22-0.24 CPU-s per
// 1,000 messages at 100 ms, 0.18-0.20 at 200 ms.)
constexpr int kBusyFlushDelayMs = 200;
constexpr int kBusyWithinMs = 250;
constexpr int kMaxBatch = 500;
}  // namespace

LiveMessageRecorder::LiveMessageRecorder(xmpp::Client* client, store::MessageStore& messages,
                                         QObject* parent)
    : QObject(parent), m_messages(messages) {
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &LiveMessageRecorder::flush);
    if (auto* chat = client->findExtension<xmpp::ChatExtension>()) {
        connect(chat, &xmpp::ChatExtension::messageReceived, this,
                [this](const xmpp::ChatMessage& m) { add(toStored(m)); });
    }
    if (auto* receipts = client->findExtension<xmpp::ReceiptsExtension>()) {
        connect(receipts, &xmpp::ReceiptsExtension::receiptReceived, this,
                [this](const Jid& from, const QString& id) {
                    setState(from.bareString(), id, store::StoredMessage::State::Delivered);
                });
    }
    if (auto* markers = client->findExtension<xmpp::MarkersExtension>()) {
        connect(markers, &xmpp::MarkersExtension::markerReceived, this,
                [this](const Jid& from, const QString& id, xmpp::MarkersExtension::Marker marker) {
                    setState(from.bareString(), id,
                             marker == xmpp::MarkersExtension::Marker::Received
                                 ? store::StoredMessage::State::Delivered
                                 : store::StoredMessage::State::Read);
                });
    }
}

void LiveMessageRecorder::add(store::StoredMessage message) {
    m_buffer.append(std::move(message));
    if (m_buffer.size() >= kMaxBatch) {
        flush();
    } else if (!m_flushTimer.isActive()) {
        const bool busy = m_sinceFlush.isValid() && m_sinceFlush.elapsed() < kBusyWithinMs;
        m_flushTimer.start(busy ? kBusyFlushDelayMs : kFlushDelayMs);
    }
}

void LiveMessageRecorder::flush() {
    m_flushTimer.stop();
    if (m_buffer.isEmpty()) {
        return;
    }
    m_sinceFlush.start();
    QStringList peers;
    for (const store::StoredMessage& m : m_buffer) {
        if (!peers.contains(m.peer)) {
            peers << m.peer;
        }
    }
    onFinished(m_messages.insertBatch(std::exchange(m_buffer, {})), this,
               [this, peers](const Result<int>& result) {
                   if (!result.ok()) {
                       emit failed(result.error());
                       return;
                   }
                   emit stored(result.value(), peers);
               });
}

void LiveMessageRecorder::setState(const QString& peer, const QString& id,
                                   store::StoredMessage::State state) {
    // The message a receipt names may still be in the buffer: write that first (the store
    // thread runs work in order).
    flush();
    onFinished(m_messages.updateState(peer, id, state), this,
               [this, peer](const Result<int>& changed) {
                   if (!changed.ok()) {
                       emit failed(changed.error());
                   } else if (changed.value() > 0) {
                       emit statesUpdated(peer);
                   }
               });
}

}  // namespace rapport::sync
