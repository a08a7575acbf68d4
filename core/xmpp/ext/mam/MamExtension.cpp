#include "xmpp/ext/mam/MamExtension.h"

#include "common/FutureUtils.h"

#include <QPointer>

#include "common/Logging.h"
#include "xmpp/Client.h"
#include "xmpp/DateTime.h"
#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

namespace {

Element field(const QString& var, const QString& value) {
    Element f(QStringLiteral("field"), ns::DataForms);
    f.setAttribute(QStringLiteral("var"), var);
    f.appendChild(Element(QStringLiteral("value"), ns::DataForms).setText(value));
    return f;
}

QString isoUtc(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODate);
}

}  // namespace

struct MamExtension::Pending {
    QPromise<Result<MamPage>> promise;
    Jid archive;  // results must come from here
    MamPage page;
};

MamExtension::MamExtension(QObject* parent) : ClientExtension(parent) {}

MamExtension::~MamExtension() {
    for (auto& [id, p] : m_pending) {
        p->promise.addResult(Result<MamPage>(
            Error::make(ErrorCode::ConnectionLost, tr("The archive query was abandoned."))));
        p->promise.finish();
    }
}

Element MamExtension::queryIq(const MamQuery& q, const QString& queryId) {
    Element form(QStringLiteral("x"), ns::DataForms);
    form.setAttribute(QStringLiteral("type"), QStringLiteral("submit"));
    Element formType = field(QStringLiteral("FORM_TYPE"), ns::Mam);
    formType.setAttribute(QStringLiteral("type"), QStringLiteral("hidden"));
    form.appendChild(formType);
    if (!q.with.isEmpty()) {
        form.appendChild(field(QStringLiteral("with"), q.with.toString()));
    }
    if (q.start.isValid()) {
        form.appendChild(field(QStringLiteral("start"), isoUtc(q.start)));
    }
    if (q.end.isValid()) {
        form.appendChild(field(QStringLiteral("end"), isoUtc(q.end)));
    }

    Element set(QStringLiteral("set"), ns::Rsm);
    set.appendChild(Element(QStringLiteral("max"), ns::Rsm).setText(QString::number(q.max)));
    if (!q.after.isEmpty()) {
        set.appendChild(Element(QStringLiteral("after"), ns::Rsm).setText(q.after));
    } else if (!q.before.isEmpty() || q.lastPage) {
        set.appendChild(Element(QStringLiteral("before"), ns::Rsm).setText(q.before));
    }

    Element query(QStringLiteral("query"), ns::Mam);
    query.setAttribute(QStringLiteral("queryid"), queryId);
    query.appendChild(form);
    query.appendChild(set);

    Element iq(QStringLiteral("iq"), ns::Client);
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("set"));
    iq.setAttribute(QStringLiteral("id"), queryId);
    if (!q.archive.isEmpty()) {
        iq.setAttribute(QStringLiteral("to"), q.archive.toString());
    }
    iq.appendChild(query);
    return iq;
}

QFuture<Result<MamPage>> MamExtension::query(const MamQuery& q, int timeoutMs) {
    const QString queryId = Client::makeId();
    auto pending = std::make_unique<Pending>();
    pending->promise.start();
    pending->archive = q.archive.isEmpty() ? client()->settings().jid.bare() : q.archive.bare();
    QFuture<Result<MamPage>> future = pending->promise.future();
    m_pending[queryId] = std::move(pending);

    QPointer<MamExtension> self(this);
    onFinished(client()->sendIq(queryIq(q, queryId), timeoutMs), this,
               [self, queryId](const IqResult& reply) {
                   if (self) {
                       self->finish(queryId, reply);
                   }
               });
    return future;
}

void MamExtension::handleMessage(const Element& message, const MessageContext& context) {
    const Element result = message.firstChild(u"result", ns::Mam);
    if (result.isNull() || context.isCarbon()) {
        return;
    }
    auto it = m_pending.find(result.attribute(u"queryid"));
    if (it == m_pending.end()) {
        qCWarning(lcXmpp) << "ignoring an archive result for a query we did not make";
        return;
    }
    Pending& p = *it->second;
    // Only the archive we asked may answer; the server stamps no from for our own.
    const Jid from(message.attribute(u"from"));
    if (!from.isEmpty() && from != p.archive) {
        qCWarning(lcXmpp) << "ignoring an archive result from" << from.toString()
                          << "for a query to" << p.archive.toString();
        return;
    }
    MamMessage m = parseResult(result);
    if (m.message.isNull()) {
        return;
    }
    p.page.messages.append(std::move(m));
}

MamMessage MamExtension::parseResult(const Element& result) {
    const Element forwarded = result.firstChild(u"forwarded", ns::Forward);
    MamMessage m;
    m.message = forwarded.firstChild(u"message", ns::Client);
    if (m.message.isNull()) {
        return m;
    }
    m.archiveId = result.attribute(u"id");
    m.stamp = parseXmppDateTime(forwarded.firstChild(u"delay", ns::Delay).attribute(u"stamp"));
    if (!m.stamp.isValid()) {
        m.stamp = QDateTime::currentDateTimeUtc();
    }
    return m;
}

void MamExtension::finish(const QString& queryId, const Result<Element>& reply) {
    auto it = m_pending.find(queryId);
    if (it == m_pending.end()) {
        return;
    }
    std::unique_ptr<Pending> p = std::move(it->second);
    m_pending.erase(it);
    if (!reply.ok()) {
        p->promise.addResult(Result<MamPage>(reply.error()));
        p->promise.finish();
        return;
    }
    const Element fin = reply.value().firstChild(u"fin", ns::Mam);
    const Element set = fin.firstChild(u"set", ns::Rsm);
    p->page.complete = fin.attribute(u"complete") == u"true" || fin.attribute(u"complete") == u"1";
    p->page.first = set.childText(u"first", ns::Rsm);
    p->page.last = set.childText(u"last", ns::Rsm);
    bool ok = false;
    const int count = set.childText(u"count", ns::Rsm).toInt(&ok);
    p->page.count = ok ? count : -1;
    p->promise.addResult(Result<MamPage>(std::move(p->page)));
    p->promise.finish();
}
}  // namespace rapport::xmpp
