// "Save this chat reply as an answer": a reply that worked becomes a draft answer of the
// library, its text as the body and, unless the engineer gives one, a title made from its
// first words. The draft is then created like any answer (AnswerStore::create: stored,
// queued, published when online).
#pragma once

#include "library/Answer.h"

namespace rapport::library {

struct ReplyToAnswer {
    // Titles made from a reply stop at the end of its first sentence or line, and at this.
    static constexpr int TitleChars = 80;

    static Answer draft(const QString& replyText, const QString& author, const QString& title = {},
                        const QStringList& tags = {});
    // The first sentence or line of `text`, at most TitleChars, cut at a word with "…".
    static QString titleFrom(const QString& text);
};

}  // namespace rapport::library
