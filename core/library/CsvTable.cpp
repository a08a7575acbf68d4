#include "library/CsvTable.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace rapport::library {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("CsvTable", text);
}

bool needsQuotes(const QString& field) {
    for (const QChar c : field) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r') {
            return true;
        }
    }
    // Spreadsheets and many readers trim unquoted fields.
    return !field.isEmpty() && (field.front().isSpace() || field.back().isSpace());
}

bool isBlank(const QStringList& fields) {
    return fields.size() == 1 && fields.front().isEmpty();
}

}  // namespace

Result<QList<CsvTable::Record>> CsvTable::read(const QByteArray& utf8) {
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(utf8);
    if (decoder.hasError()) {
        return Error::make(ErrorCode::Usage, tr("The file is not UTF-8 text."));
    }
    // Spreadsheets write a byte order mark; Qt 6.4's decoder keeps it on some inputs.
    if (text.startsWith(QChar(0xFEFF))) {
        text.remove(0, 1);
    }

    QList<Record> records;
    Record current;
    QString field;
    int line = 1;
    int record = 0;
    bool quoted = false;     // inside a quoted field
    bool fieldStart = true;  // nothing of the current field read yet
    int quoteLine = 0;
    auto endField = [&] {
        current.fields << field;
        field.clear();
        fieldStart = true;
    };
    auto endRecord = [&] {
        endField();
        if (!isBlank(current.fields)) {
            current.number = ++record;
            records << current;
        }
        current = Record();
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                line += c == u'\n' ? 1 : 0;
                field += c;
            }
            continue;
        }
        if (c == u',') {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text[i + 1] == u'\n') {
                ++i;
            }
            ++line;
            endRecord();
        } else if (c == u'"' && fieldStart) {
            quoted = true;
            fieldStart = false;
            quoteLine = line;
        } else {
            // A quote inside an unquoted field, or text after a closing quote: kept as it is,
            // as spreadsheets do.
            field += c;
            fieldStart = false;
        }
    }
    if (quoted) {
        current.problem = tr("a quoted field opened on line %1 is never closed").arg(quoteLine);
    }
    if (!fieldStart || !field.isEmpty() || !current.fields.isEmpty() || quoted) {
        endRecord();
    }
    return records;
}

QByteArray CsvTable::write(const QList<QStringList>& records) {
    QString out;
    for (const QStringList& fields : records) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0) {
                out += u',';
            }
            const QString& f = fields[i];
            if (needsQuotes(f)) {
                out += u'"' + QString(f).replace(u'"', QStringLiteral("\"\"")) + u'"';
            } else {
                out += f;
            }
        }
        out += QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

}  // namespace rapport::library
