#include "store/ProfilePaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>

namespace rapport::store {

QString ProfilePaths::profileDir(const QString& commandLine) {
    QString dir = commandLine;
    if (dir.isEmpty()) {
        dir = qEnvironmentVariable(EnvironmentVariable);
    }
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }
    return QDir::cleanPath(QDir(dir).absolutePath());
}

QString ProfilePaths::accountDir(const QString& profileDir, const QString& bareJid) {
    return QDir(profileDir).filePath(sanitize(bareJid));
}

QString ProfilePaths::accountDatabase(const QString& profileDir, const QString& bareJid) {
    return QDir(accountDir(profileDir, bareJid)).filePath(QStringLiteral("rapport.sqlite"));
}

QString ProfilePaths::sanitize(const QString& bareJid) {
    const QByteArray utf8 = bareJid.toLower().toUtf8();
    QString name;
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        const bool plain = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '@' ||
                           u == '-' || u == '_' || (u == '.' && !name.isEmpty());
        if (plain) {
            name.append(QLatin1Char(c));
        } else {
            name.append(QStringLiteral("%%1").arg(u, 2, 16, QLatin1Char('0')).toUpper());
        }
    }
    // File names are limited to 255 bytes; JIDs may be far longer.
    constexpr int MaxLength = 120;
    if (name.size() > MaxLength) {
        const QByteArray hash = QCryptographicHash::hash(utf8, QCryptographicHash::Sha256);
        name = name.left(MaxLength - 17) + u'-' + QString::fromLatin1(hash.toHex().left(16));
    }
    return name;
}

}  // namespace rapport::store
