// Chat markers (XEP-0333): tells a contact we displayed their message, and reports
// how far contacts (and our own other devices) have read.
#pragma once

#include "common/Jid.h"
#include "common/Result.h"
#include "xmpp/ClientExtension.h"

namespace rapport::xmpp {

class MarkersExtension : public ClientExtension {
    Q_OBJECT
public:
    enum class Marker { Received, Displayed, Acknowledged };
    Q_ENUM(Marker)

    using ClientExtension::ClientExtension;

    QStringList discoFeatures() const override;
    void handleMessage(const Element& message, const MessageContext& context) override;

    // Marks the message `id` from `to` (and everything before it) as displayed.
    Result<void> sendDisplayed(const Jid& to, const QString& id);

    static QString markerName(Marker marker);

signals:
    // `from` has reached `marker` for our message `id`.
    void markerReceived(const rapport::Jid& from, const QString& id,
                        rapport::xmpp::MarkersExtension::Marker marker);
    // Another of our devices sent `marker` to `to` for their message `id` (seen by carbon):
    // what was read there need not show as unread here.
    void ownMarkerSent(const rapport::Jid& to, const QString& id,
                       rapport::xmpp::MarkersExtension::Marker marker);
};

}  // namespace rapport::xmpp
