// An answer of the team library, as the app and the local store see it: the shared fields
// of the wire payload (README.md) plus what only this device knows (uses, state).
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace rapport::library {

struct Answer {
    enum class State {
        Published,  // the server has this version
        Pending,    // changed here, not yet published
        Conflict,   // a text that lost a concurrent edit, kept beside the answer
    };

    QString id;  // UUID, the item id
    QString title;
    QString body;  // Markdown with {{placeholders}}
    QStringList tags;
    QString author;  // bare JID of whoever wrote this version
    QDateTime created;
    QDateTime updated;
    int version = 1;

    int uses = 0;
    State state = State::Published;
    QString conflictOf;  // for a conflict copy: the answer it belongs to
};

// "published", "pending" or "conflict": the store's column and rapport-cli's "state".
inline QString stateName(Answer::State state) {
    switch (state) {
        case Answer::State::Pending:
            return QStringLiteral("pending");
        case Answer::State::Conflict:
            return QStringLiteral("conflict");
        case Answer::State::Published:
            break;
    }
    return QStringLiteral("published");
}

}  // namespace rapport::library
