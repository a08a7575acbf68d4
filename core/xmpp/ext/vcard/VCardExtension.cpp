#include "xmpp/ext/vcard/VCardExtension.h"

#include "common/FutureUtils.h"
#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

namespace {

// A profile may carry a photo (base64 in the vCard): more than the 256 KiB a stanza may
// have by default, less than this.
constexpr qsizetype kMaxVCardBytes = 2 * 1024 * 1024;

Element vcardRequest(const QString& type, const Jid& to, const Element& vcard) {
    Element iq(QStringLiteral("iq"), ns::Client);
    iq.setAttribute(QStringLiteral("type"), type);
    if (!to.isEmpty()) {
        iq.setAttribute(QStringLiteral("to"), to.bareString());
    }
    iq.appendChild(vcard);
    return iq;
}

// No profile at all is an empty one, not a failure.
bool isNoProfile(const Error& error) {
    return error.code == ErrorCode::StanzaError && error.condition == u"item-not-found";
}

}  // namespace

QString VCardExtension::nameOf(const Element& vcard) {
    const QString full = vcard.childText(u"FN", ns::VCardTemp).simplified();
    if (!full.isEmpty()) {
        return full;
    }
    return vcard.childText(u"NICKNAME", ns::VCardTemp).simplified();
}

QFuture<Result<QString>> VCardExtension::fetchName(const Jid& jid) {
    const Element get =
        vcardRequest(QStringLiteral("get"), jid, Element(QStringLiteral("vCard"), ns::VCardTemp));
    return client()
        ->sendIq(get, -1, kMaxVCardBytes)
        .then([](const IqResult& result) -> Result<QString> {
            if (!result.ok()) {
                if (isNoProfile(result.error())) {
                    return QString();
                }
                return result.error();
            }
            return nameOf(result.value().firstChild(u"vCard", ns::VCardTemp));
        });
}

QFuture<Result<void>> VCardExtension::publishOwnName(const QString& name) {
    const QString clean = name.simplified();
    // The whole profile is replaced by a set: read it first and change only the name.
    const Element get =
        vcardRequest(QStringLiteral("get"), {}, Element(QStringLiteral("vCard"), ns::VCardTemp));
    QFuture<IqResult> read = client()->sendIq(get, -1, kMaxVCardBytes);
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    QFuture<Result<void>> out = promise->future();
    const auto finish = [promise](const Result<void>& r) {
        promise->addResult(r);
        promise->finish();
    };
    // `this` is the context: neither step runs once the extension is gone.
    onFinished(read, this, [this, clean, finish](const IqResult& current) {
        if (!current.ok() && !isNoProfile(current.error())) {
            finish(current.error());
            return;
        }
        Element vcard(QStringLiteral("vCard"), ns::VCardTemp);
        if (current.ok()) {
            const Element old = current.value().firstChild(u"vCard", ns::VCardTemp);
            for (const Element& child : old.children()) {
                if (!child.is(u"FN", ns::VCardTemp)) {
                    vcard.appendChild(child);
                }
            }
        }
        if (!clean.isEmpty()) {
            vcard.appendChild(Element(QStringLiteral("FN"), ns::VCardTemp).setText(clean));
        }
        onFinished(client()->sendIq(vcardRequest(QStringLiteral("set"), {}, vcard)), this,
                   [finish](const IqResult& set) {
                       finish(set.ok() ? Result<void>(Ok{}) : Result<void>(set.error()));
                   });
    });
    return out;
}

}  // namespace rapport::xmpp
