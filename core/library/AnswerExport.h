// Writing answers to a file (README.md, "Import and export"): a JSON array, a CSV table or a
// folder of Markdown files, chosen by the path as for import, so that importing the result
// again changes nothing.
#pragma once

#include <QList>

#include "common/Result.h"
#include "library/Answer.h"

namespace rapport::library {

class AnswerExport {
public:
    // Resolves with the absolute path written. Usage error if the path names no format or
    // cannot be written. A folder is created if needed; files of the same name in it are
    // replaced, others are left alone.
    static Result<QString> write(const QString& path, const QList<Answer>& answers);

    static QByteArray toJson(const QList<Answer>& answers);
    static QByteArray toCsv(const QList<Answer>& answers);
};

}  // namespace rapport::library
