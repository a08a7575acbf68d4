// The team's nodes on its pubsub service and how they are configured (core/library/
// README.md): whitelisted, members publish, every item kept. `rapport-cli team init` applies
// this; tests and benchmarks set up their teams the same way.
#pragma once

#include <QMap>
#include <QString>

#include "library/AnswerPayload.h"

namespace rapport::library {

inline const QString TipsNode = QStringLiteral("urn:rapport:tips:1");

inline QMap<QString, QString> teamNodeConfig() {
    return {
        {QStringLiteral("pubsub#access_model"), QStringLiteral("whitelist")},
        // Prosody's publish_model=subscribers compares full JIDs: publisher affiliations.
        {QStringLiteral("pubsub#publish_model"), QStringLiteral("publishers")},
        {QStringLiteral("pubsub#persist_items"), QStringLiteral("1")},
        {QStringLiteral("pubsub#max_items"), QStringLiteral("max")},
    };
}

}  // namespace rapport::library
