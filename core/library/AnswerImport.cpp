#include "library/AnswerImport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

#include "library/AnswerFileFormat.h"
#include "library/AnswerJson.h"
#include "library/CsvTable.h"
#include "library/MarkdownAnswer.h"

namespace rapport::library {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("AnswerImport", text);
}

Error usage(const QString& message) {
    return Error::make(ErrorCode::Usage, message);
}

Result<QByteArray> readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return usage(tr("Cannot read %1: %2").arg(path, f.errorString()));
    }
    return f.readAll();
}

QByteArray withoutBom(QByteArray bytes) {
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
    }
    return bytes;
}

}  // namespace

QStringList AnswerImport::splitTags(const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

Result<ImportFile> AnswerImport::read(const QString& path) {
    const std::optional<AnswerFileFormat> format = answerFileFormat(path);
    if (!format) {
        return usage(
            tr("%1 is not a .json or .csv file, nor a folder of Markdown files.").arg(path));
    }
    if (*format == AnswerFileFormat::MarkdownFolder) {
        return fromMarkdownFolder(path);
    }
    Result<QByteArray> bytes = readAll(path);
    if (!bytes) {
        return bytes.error();
    }
    Result<ImportFile> file =
        *format == AnswerFileFormat::Json ? fromJson(bytes.value()) : fromCsv(bytes.value());
    if (!file) {
        return usage(tr("Cannot import %1: %2").arg(path, file.error().message));
    }
    return file;
}

Result<ImportFile> AnswerImport::fromJson(const QByteArray& json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(withoutBom(json), &error);
    if (error.error != QJsonParseError::NoError) {
        return usage(
            tr("it is not valid JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    }
    if (!doc.isArray()) {
        return usage(tr("it is not a JSON array of answers"));
    }
    ImportFile out;
    const QJsonArray items = doc.array();
    for (int i = 0; i < items.size(); ++i) {
        const ImportPlace place{i + 1, {}};
        if (!items[i].isObject()) {
            out.problems << ImportProblem{place, tr("it is not an object")};
            continue;
        }
        Result<Answer> a = AnswerJson::fromJson(items[i].toObject());
        if (!a) {
            out.problems << ImportProblem{place, a.error().message};
            continue;
        }
        out.rows << ImportRow{a.value(), place};
    }
    return out;
}

Result<ImportFile> AnswerImport::fromCsv(const QByteArray& csv) {
    Result<QList<CsvTable::Record>> read = CsvTable::read(csv);
    if (!read) {
        return read.error();
    }
    const QList<CsvTable::Record>& records = read.value();
    if (records.isEmpty()) {
        return usage(tr("it is empty; the first row names the columns (title, body, tags)"));
    }
    QStringList header;
    for (const QString& name : records.front().fields) {
        header << name.trimmed().toLower();
    }
    const qsizetype title = header.indexOf(QStringLiteral("title"));
    const qsizetype body = header.indexOf(QStringLiteral("body"));
    const qsizetype tags = header.indexOf(QStringLiteral("tags"));
    const qsizetype id = header.indexOf(QStringLiteral("id"));
    if (title < 0) {
        return usage(
            tr("its first row has no \"title\" column (columns: title, body, tags, "
               "and id if known)"));
    }
    ImportFile out;
    for (qsizetype r = 1; r < records.size(); ++r) {
        const CsvTable::Record& record = records[r];
        const ImportPlace place{record.number, {}};
        if (!record.problem.isEmpty()) {
            out.problems << ImportProblem{place, record.problem};
            continue;
        }
        const QStringList& f = record.fields;
        // Extra empty cells (a trailing comma) are harmless; missing or extra text is a sign
        // of a broken row.
        bool extraText = false;
        for (qsizetype i = header.size(); i < f.size(); ++i) {
            extraText = extraText || !f[i].isEmpty();
        }
        if (f.size() < header.size() || extraText) {
            out.problems << ImportProblem{place,
                                          tr("it has %1 fields where the first row has %2 columns")
                                              .arg(f.size())
                                              .arg(header.size())};
            continue;
        }
        Answer a;
        a.title = f[title].trimmed();
        a.body = body < 0 ? QString() : f[body];
        a.tags = tags < 0 ? QStringList() : splitTags(f[tags]);
        a.id = id < 0 ? QString() : f[id].trimmed();
        out.rows << ImportRow{a, place};
    }
    return out;
}

Result<ImportFile> AnswerImport::fromMarkdownFolder(const QString& path) {
    const QDir dir(path);
    if (!dir.exists()) {
        return usage(tr("Cannot read the folder %1: it does not exist.").arg(path));
    }
    ImportFile out;
    const QStringList names =
        dir.entryList({QStringLiteral("*.md")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString& name : names) {
        const ImportPlace place{0, name};
        Result<QByteArray> bytes = readAll(dir.filePath(name));
        if (!bytes) {
            out.problems << ImportProblem{place, bytes.error().message};
            continue;
        }
        QStringDecoder decoder(QStringDecoder::Utf8);  // drops a byte order mark
        const QString text = decoder(bytes.value());
        if (decoder.hasError()) {
            out.problems << ImportProblem{place, tr("it is not UTF-8 text")};
            continue;
        }
        Result<Answer> a = MarkdownAnswer::fromMarkdown(text);
        if (!a) {
            out.problems << ImportProblem{place, a.error().message};
            continue;
        }
        out.rows << ImportRow{a.value(), place};
    }
    return out;
}

}  // namespace rapport::library
