// An answer as a Markdown file with front matter, the form of an exported folder and of
// answers people write by hand (README.md, "Import and export"):
//
//   ---
//   title: "Printer shows E1234"
//   tags: [printer, firmware]
//   id: 0b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11
//   ---
//   The body, verbatim to the end of the file.
//
// The front matter is the simple part of YAML people use there: `name: value` lines, values
// plain or quoted ("..." with JSON escapes, '...'), lists as [a, b], a, b or "- a" lines.
#pragma once

#include <QSet>

#include "common/Result.h"
#include "library/Answer.h"

namespace rapport::library {

class MarkdownAnswer {
public:
    // id, title, tags, author, updated and version in the front matter, then the body.
    static QString toMarkdown(const Answer& answer);
    // title, tags and id (others are ignored) and the body; not yet checked against the
    // payload rules. Usage error with the reason if there is no front matter.
    static Result<Answer> fromMarkdown(const QString& text);
    // "printer-shows-e1234-0b6f2a44.md": a slug of the title and the start of the id, or the
    // whole id if `taken` (lowercase names) already holds that name.
    static QString fileName(const Answer& answer, const QSet<QString>& taken);
};

}  // namespace rapport::library
