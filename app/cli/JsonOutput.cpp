#include "cli/JsonOutput.h"

#include <QJsonDocument>
#include <cstdio>

namespace rapport::cli {

void printJsonLine(const QJsonObject& object) {
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    line += '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
}

void printErrorLine(const QString& message) {
    printInfoLine(message);
}

void printInfoLine(const QString& message) {
    const QByteArray line = QStringLiteral("rapport-cli: %1\n").arg(message).toUtf8();
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    std::fflush(stderr);
}

}  // namespace rapport::cli
