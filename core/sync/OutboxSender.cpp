#include "sync/OutboxSender.h"

#include "common/FutureUtils.h"

#include "common/Logging.h"
#include "xmpp/Client.h"
#include "xmpp/ElementParser.h"

namespace rapport::sync {

OutboxSender::OutboxSender(xmpp::Client* client, OutboxQueue* queue, QObject* parent)
    : QObject(parent), m_client(client), m_queue(queue) {
    connect(m_client, &xmpp::Client::sessionStarted, this, [this](bool resumed) {
        // A resumed session gets its unacked stanzas back from the stream; a new one is
        // sent whatever the outbox still holds that is not on its way already.
        Q_UNUSED(resumed);
        flush();
    });
    connect(m_client, &xmpp::Client::stateChanged, this, [this](xmpp::Client::State state) {
        if (state == xmpp::Client::State::Offline) {
            // The stream gave up on its unacked stanzas: the outbox sends them next time.
            m_inFlight.clear();
        }
    });
    connect(m_client, &xmpp::Client::stanzaAcked, this, &OutboxSender::onAcked);
}

void OutboxSender::flush() {
    if (m_client->state() != xmpp::Client::State::Online) {
        return;
    }
    if (m_flushing) {
        m_flushAgain = true;  // something was enqueued while we read the queue
        return;
    }
    m_flushing = true;
    onFinished(m_queue->pending(), this, [this](const Result<QList<OutboxEntry>>& pending) {
        m_flushing = false;
        if (!pending.ok()) {
            emit failed(pending.error());
            return;
        }
        const bool smEnabled = m_client->stream()->isStreamManagementEnabled();
        for (const OutboxEntry& entry : pending.value()) {
            if (m_inFlight.contains(entry.messageId) || m_leaving.contains(entry.messageId)) {
                continue;
            }
            Result<xmpp::Element> stanza = xmpp::parseElement(entry.stanzaXml);
            if (!stanza.ok()) {
                qCWarning(lcXmpp) << "outbox entry" << entry.id << "is unreadable; dropping it";
                (void)m_queue->markSent(entry.id);
                continue;
            }
            const Result<void> sent = m_client->send(stanza.value());
            if (!sent.ok()) {
                emit failed(sent.error());
                return;
            }
            m_inFlight.insert(entry.messageId, entry.id);
            if (!smEnabled) {
                // Without acks there is nothing better to wait for.
                onAcked(stanza.value());
            }
        }
        if (std::exchange(m_flushAgain, false)) {
            flush();
        } else if (m_inFlight.isEmpty() && m_leaving.isEmpty()) {
            emit drained();
        }
    });
}

void OutboxSender::onAcked(const xmpp::Element& stanza) {
    const QString id = stanza.attribute(u"id");
    const auto it = m_inFlight.constFind(id);
    if (it == m_inFlight.cend()) {
        return;
    }
    const qint64 row = it.value();
    m_inFlight.erase(it);
    m_leaving.insert(id);
    onFinished(m_queue->markSent(row), this, [this, id](const Result<void>& done) {
        m_leaving.remove(id);
        if (!done.ok()) {
            emit failed(done.error());
            return;
        }
        emit sent(id);
        if (m_inFlight.isEmpty() && m_leaving.isEmpty() && !m_flushing) {
            emit drained();
        }
    });
}

}  // namespace rapport::sync
