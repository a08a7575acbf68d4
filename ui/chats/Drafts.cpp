#include "chats/Drafts.h"

#include <QSettings>
#include <QUrl>

namespace rapport::ui {

QString Drafts::key(const QString& peer) const {
    // Addresses may hold '/' and other characters QSettings reads as structure.
    return QStringLiteral("drafts/%1/%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_account)),
             QString::fromLatin1(QUrl::toPercentEncoding(peer)));
}

QString Drafts::draft(const QString& peer) const {
    return peer.isEmpty() ? QString() : QSettings().value(key(peer)).toString();
}

void Drafts::setDraft(const QString& peer, const QString& text) {
    if (peer.isEmpty()) {
        return;
    }
    QSettings settings;
    if (text.trimmed().isEmpty()) {
        settings.remove(key(peer));
    } else {
        settings.setValue(key(peer), text);
    }
}

}  // namespace rapport::ui
