// Comma-separated values as RFC 4180 defines them, for answer import and export (Qt has no
// CSV). Reading is lenient where spreadsheets are: a UTF-8 byte order mark, CRLF, LF or CR
// line ends, blank lines. A quoted field holds commas, quotes ("") and line breaks verbatim.
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

#include "common/Result.h"

namespace rapport::library {

class CsvTable {
public:
    struct Record {
        QStringList fields;
        int number = 0;   // 1 for the first record (the header), as a spreadsheet counts rows
        QString problem;  // why this record cannot be trusted (an unclosed quote); else empty
    };

    // The records of UTF-8 text; blank lines are skipped. An error only if the text is not
    // UTF-8.
    static Result<QList<Record>> read(const QByteArray& utf8);
    // RFC 4180: fields quoted when they need it, records ended by CRLF, UTF-8 without a BOM.
    static QByteArray write(const QList<QStringList>& records);
};

}  // namespace rapport::library
