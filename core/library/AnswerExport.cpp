#include "library/AnswerExport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include "library/AnswerFileFormat.h"
#include "library/AnswerJson.h"
#include "library/CsvTable.h"
#include "library/MarkdownAnswer.h"

namespace rapport::library {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("AnswerExport", text);
}

Error cannotWrite(const QString& path, const QString& why) {
    return Error::make(ErrorCode::Usage, tr("Cannot write %1: %2").arg(path, why));
}

// All or nothing: a failed export never leaves half a file in place of an old one.
Result<void> save(const QString& path, const QByteArray& bytes) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        return cannotWrite(path, f.errorString());
    }
    return Ok{};
}

}  // namespace

QByteArray AnswerExport::toJson(const QList<Answer>& answers) {
    QJsonArray all;
    for (const Answer& a : answers) {
        all.append(AnswerJson::toJson(a, true));
    }
    return QJsonDocument(all).toJson(QJsonDocument::Indented);
}

QByteArray AnswerExport::toCsv(const QList<Answer>& answers) {
    QList<QStringList> records{
        {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("body"),
         QStringLiteral("tags"), QStringLiteral("author"), QStringLiteral("created"),
         QStringLiteral("updated"), QStringLiteral("version"), QStringLiteral("state")}};
    for (const Answer& a : answers) {
        records << QStringList{a.id,
                               a.title,
                               a.body,
                               a.tags.join(u' '),
                               a.author,
                               a.created.toString(Qt::ISODate),
                               a.updated.toString(Qt::ISODate),
                               QString::number(a.version),
                               stateName(a.state)};
    }
    return CsvTable::write(records);
}

Result<QString> AnswerExport::write(const QString& path, const QList<Answer>& answers) {
    const std::optional<AnswerFileFormat> format = answerFileFormat(path);
    if (!format) {
        return Error::make(
            ErrorCode::Usage,
            tr("%1 is not a .json or .csv file, nor a folder (end it with '/' to create one).")
                .arg(path));
    }
    if (*format != AnswerFileFormat::MarkdownFolder) {
        const QString file = QFileInfo(path).absoluteFilePath();
        Result<void> saved =
            save(file, *format == AnswerFileFormat::Json ? toJson(answers) : toCsv(answers));
        if (!saved) {
            return saved.error();
        }
        return file;
    }
    QDir dir(path);
    if (!dir.mkpath(QStringLiteral("."))) {
        return cannotWrite(path, tr("the folder cannot be created"));
    }
    QSet<QString> taken;
    for (const Answer& a : answers) {
        const QString name = MarkdownAnswer::fileName(a, taken);
        taken.insert(name.toLower());
        Result<void> saved = save(dir.filePath(name), MarkdownAnswer::toMarkdown(a).toUtf8());
        if (!saved) {
            return saved.error();
        }
    }
    return dir.absolutePath();
}

}  // namespace rapport::library
