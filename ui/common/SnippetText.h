// What one line of a result shows of a Markdown text: the words, not the marks. Search
// snippets and suggestions are cut from an answer's, tip's or message's raw text, so they
// carry "**", backticks and link syntax, which read as noise in a list of results.
#pragma once

#include <QString>

namespace rapport::ui {

// "Click **[Export]** and choose `CSV`, see [the guide](https://x)" -> "Click [Export] and
// choose CSV, see the guide". Emphasis, code marks, headings, list bullets and link targets
// go; the search's match marks (U+0002, U+0003) and placeholders ({{name}}) stay; line breaks
// become spaces.
QString plainSnippet(const QString& markdown);

}  // namespace rapport::ui
