#include "cli/BodyFile.h"

#include <QFile>
#include <QObject>
#include <cstdio>

namespace rapport::cli {

Result<QString> readBodyFile(const QString& path) {
    QFile f;
    const bool opened = path == u"-" ? f.open(stdin, QIODevice::ReadOnly)
                                     : (f.setFileName(path), f.open(QIODevice::ReadOnly));
    if (!opened) {
        return Error::make(ErrorCode::Usage,
                           QObject::tr("Cannot read %1: %2").arg(path, f.errorString()));
    }
    return QString::fromUtf8(f.readAll());
}

}  // namespace rapport::cli
