// Remembers the last N messages seen, by the ids XEP-0359 gives them, so that the
// same message delivered twice (live and as a carbon, redelivered after a failed
// resumption, from offline storage) is reported once. Bounded: old keys fall out.
#pragma once

#include <QSet>
#include <QString>
#include <deque>

namespace rapport::xmpp {

struct ChatMessage;

class RecentMessageKeys {
public:
    explicit RecentMessageKeys(qsizetype capacity = 10000) : m_capacity(capacity) {}

    // The identity of a message: the sender's origin-id where it has one (it survives
    // every path a message can take), else our archive's stanza-id, else sender + id.
    // Empty when the message carries no id at all (it cannot be deduplicated).
    static QString keyOf(const ChatMessage& message);

    // Records the message; returns false if it was seen already.
    bool insert(const ChatMessage& message);

private:
    qsizetype m_capacity;
    QSet<QString> m_keys;
    std::deque<QString> m_order;
};

}  // namespace rapport::xmpp
