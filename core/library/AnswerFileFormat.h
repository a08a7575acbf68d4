// The three kinds of file `rapport-cli answers import` and `export` take (README.md, "Import
// and export"), told apart by the path alone.
#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <optional>

namespace rapport::library {

enum class AnswerFileFormat {
    Json,            // *.json: an array of answer objects
    Csv,             // *.csv: a header row, then one answer per row
    MarkdownFolder,  // a folder of *.md files, one answer each, with front matter
};

// By extension (any case), or a folder: one that exists, or a path ending in '/' (to
// export into). None of these: nullopt.
inline std::optional<AnswerFileFormat> answerFileFormat(const QString& path) {
    if (path.endsWith(u'/') || path.endsWith(QDir::separator()) || QFileInfo(path).isDir()) {
        return AnswerFileFormat::MarkdownFolder;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"json") {
        return AnswerFileFormat::Json;
    }
    if (suffix == u"csv") {
        return AnswerFileFormat::Csv;
    }
    return std::nullopt;
}

}  // namespace rapport::library
