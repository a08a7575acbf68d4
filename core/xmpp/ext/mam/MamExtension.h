// Message Archive Management (XEP-0313, urn:xmpp:mam:2): queries the server's
// archive page by page. Results are accepted only from the archive that was queried
// and only for queries we made; they never pass for live messages.
#pragma once

#include <QFuture>
#include <QPromise>
#include <map>
#include <memory>

#include "common/Result.h"
#include "xmpp/ClientExtension.h"
#include "xmpp/ext/mam/MamQuery.h"

namespace rapport::xmpp {

class MamExtension : public ClientExtension {
    Q_OBJECT
public:
    explicit MamExtension(QObject* parent = nullptr);
    ~MamExtension() override;

    void handleMessage(const Element& message, const MessageContext& context) override;

    // One page. Resolves when the server's <fin/> arrives, with its error, or a timeout.
    QFuture<Result<MamPage>> query(const MamQuery& query, int timeoutMs = 60000);

    // The IQ query() sends, for tests and logging.
    static Element queryIq(const MamQuery& query, const QString& queryId);

    // The archived message a <result/> carries (null message if it carries none). Does not
    // check who sent the result or for which query: handleMessage() does.
    static MamMessage parseResult(const Element& result);

private:
    struct Pending;
    void finish(const QString& queryId, const Result<Element>& reply);

    std::map<QString, std::unique_ptr<Pending>> m_pending;
};

}  // namespace rapport::xmpp
