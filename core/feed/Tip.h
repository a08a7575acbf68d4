// The tips feed as the app and the local store see it: short Markdown posts from
// colleagues, their comments, and who likes them (README.md has the wire form).
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace rapport::feed {

// Whether the team's service has it yet.
enum class FeedState {
    Published,
    Pending,  // made here, not yet published
};

inline QString stateName(FeedState state) {
    return state == FeedState::Pending ? QStringLiteral("pending") : QStringLiteral("published");
}

struct Tip {
    QString id;      // UUID, the item id
    QString author;  // bare JID
    QString body;    // Markdown
    QStringList tags;
    QDateTime published;

    // From the other items of the node.
    int likes = 0;  // distinct people who like it now
    bool likedByMe = false;
    int comments = 0;
    FeedState state = FeedState::Published;
};

struct TipComment {
    QString id;  // UUID; the item id is "comment-<id>"
    QString tipId;
    QString author;  // bare JID
    QString body;    // Markdown
    QDateTime published;
    FeedState state = FeedState::Published;
};

// One person's like of one tip, as it stands: there is one item per (tip, person), so
// liking twice is harmless and withdrawing replaces it.
struct TipLike {
    QString tipId;
    QString by;  // bare JID
    bool liked = true;
    QDateTime at;  // when it was last set
    FeedState state = FeedState::Published;
};

}  // namespace rapport::feed
