// Reading an import file (README.md, "Import and export"): JSON, CSV or a folder of
// Markdown files, into rows for AnswerStore::importAnswers(). A row that cannot be read is
// reported with where it is and why, and the others are still read; only a file that cannot
// be read at all (no such file, not UTF-8, no title column, not a JSON array) is an error.
#pragma once

#include <QList>

#include "common/Result.h"
#include "library/Answer.h"

namespace rapport::library {

// Where a row came from: its number (CSV: counting the header as row 1, as a spreadsheet
// does; JSON: the position in the array, from 1), or its file in a Markdown folder.
struct ImportPlace {
    int row = 0;
    QString file;
};

struct ImportRow {
    Answer answer;  // title, body, tags; id and created when the file has them
    ImportPlace place;
};

struct ImportProblem {
    ImportPlace place;
    QString reason;
};

struct ImportFile {
    QList<ImportRow> rows;
    QList<ImportProblem> problems;
};

class AnswerImport {
public:
    // The format is chosen by the path (AnswerFileFormat.h). Usage error if it names none
    // or cannot be read.
    static Result<ImportFile> read(const QString& path);

    static Result<ImportFile> fromJson(const QByteArray& json);
    static Result<ImportFile> fromCsv(const QByteArray& csv);
    static Result<ImportFile> fromMarkdownFolder(const QString& dir);

    // Tags as people type them in one cell: "printer, wi-fi" or "printer wi-fi".
    static QStringList splitTags(const QString& text);
};

}  // namespace rapport::library
