// Delivery receipts (XEP-0184): confirms that messages reached this device when
// the sender asks, and reports the confirmations contacts send for ours.
#pragma once

#include "common/Jid.h"
#include "xmpp/ClientExtension.h"

namespace rapport::xmpp {

class ReceiptsExtension : public ClientExtension {
    Q_OBJECT
public:
    using ClientExtension::ClientExtension;

    QStringList discoFeatures() const override;
    void handleMessage(const Element& message, const MessageContext& context) override;

    // Whether to answer receipt requests (on by default).
    void setSendReceipts(bool send) { m_sendReceipts = send; }
    bool sendsReceipts() const { return m_sendReceipts; }

signals:
    // `from` confirmed delivery of our message with this id.
    void receiptReceived(const rapport::Jid& from, const QString& id);

private:
    void sendReceipt(const Element& message);

    bool m_sendReceipts = true;
};

}  // namespace rapport::xmpp
