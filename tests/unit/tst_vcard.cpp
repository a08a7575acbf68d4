// Profile names (vcard-temp, XEP-0054) on a fake transport: what is asked and how the
// answer reads (full name, else nickname; no profile is no name), and that setting our
// name keeps the rest of the profile.
#include <QtTest>

#include "OnlineClient.h"
#include "common/FutureUtils.h"
#include "xmpp/ext/vcard/VCardExtension.h"

using namespace rapport;
using namespace rapport::xmpp;

class TestVCard : public QObject {
    Q_OBJECT
    std::unique_ptr<test::OnlineClient> c;
    VCardExtension* vcards = nullptr;

    // The one stanza sent since the last call, with its id replaced by %1.
    QString takeOne(QString* id) {
        const QStringList sent = c->takeStanzas();
        if (sent.size() != 1) {
            return QStringLiteral("%1 stanzas").arg(sent.size());
        }
        *id = test::OnlineClient::idOf(sent.first());
        return QString(sent.first()).replace(*id, QStringLiteral("%1"));
    }
    template <class T>
    static T result(const QFuture<T>& f) {
        return f.isFinished() ? f.result() : T(Error::make(ErrorCode::Timeout, {}));
    }

private slots:
    void init() {
        c = std::make_unique<test::OnlineClient>();
        vcards = c->client->addExtension<VCardExtension>();
        c->login();
    }
    void cleanup() { c.reset(); }

    void fetchNameReadsFullNameElseNickname_data() {
        QTest::addColumn<QString>("vcard");
        QTest::addColumn<QString>("name");
        QTest::newRow("full name") << "<vCard xmlns='vcard-temp'><NICKNAME>tb</NICKNAME>"
                                      "<FN> Tom\n Becker </FN></vCard>"
                                   << "Tom Becker";
        QTest::newRow("nickname only")
            << "<vCard xmlns='vcard-temp'><NICKNAME>tb</NICKNAME></vCard>"
            << "tb";
        QTest::newRow("empty profile") << "<vCard xmlns='vcard-temp'/>"
                                       << "";
        QTest::newRow("no payload") << ""
                                    << "";
    }
    void fetchNameReadsFullNameElseNickname() {
        QFETCH(QString, vcard);
        QFETCH(QString, name);
        const QFuture<Result<QString>> f =
            vcards->fetchName(Jid(QStringLiteral("tom@example.com")));
        QString id;
        QCOMPARE(takeOne(&id),
                 QStringLiteral("<iq xmlns='jabber:client' type='get' to='tom@example.com' "
                                "id='%1'><vCard xmlns='vcard-temp'/></iq>"));
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1' "
                                  "from='tom@example.com'>%2</iq>")
                       .arg(id, vcard));
        const Result<QString> r = result(f);
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r.value(), name);
    }

    void noProfileIsNoNameOtherErrorsAreErrors() {
        QFuture<Result<QString>> f = vcards->fetchName(Jid(QStringLiteral("tom@example.com")));
        QString id;
        takeOne(&id);
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='error' id='%1' "
                                  "from='tom@example.com'><error type='cancel'><item-not-found "
                                  "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                       .arg(id));
        QVERIFY(result(f).ok());
        QCOMPARE(result(f).value(), QString());

        f = vcards->fetchName(Jid(QStringLiteral("tom@example.com")));
        takeOne(&id);
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='error' id='%1' "
                                  "from='tom@example.com'><error type='auth'><forbidden "
                                  "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                       .arg(id));
        QVERIFY(!result(f).ok());
        QCOMPARE(result(f).error().condition, QStringLiteral("forbidden"));
    }

    // A set replaces the whole profile: the photo and phone stay, only the name changes.
    void publishingOurNameKeepsTheRestOfTheProfile() {
        const QFuture<Result<void>> f = vcards->publishOwnName(QStringLiteral(" Juliet  Capulet "));
        QString id;
        QCOMPARE(takeOne(&id), QStringLiteral("<iq xmlns='jabber:client' type='get' id='%1'>"
                                              "<vCard xmlns='vcard-temp'/></iq>"));
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'>"
                                  "<vCard xmlns='vcard-temp'><FN>Jules</FN><TEL><NUMBER>555"
                                  "</NUMBER></TEL><PHOTO><TYPE>image/png</TYPE><BINVAL>iVBO"
                                  "</BINVAL></PHOTO></vCard></iq>")
                       .arg(id));
        QTRY_COMPARE(c->t->sent.size(), 1);
        const QString set = takeOne(&id);
        QCOMPARE(set, QStringLiteral("<iq xmlns='jabber:client' type='set' id='%1'>"
                                     "<vCard xmlns='vcard-temp'><TEL><NUMBER>555</NUMBER></TEL>"
                                     "<PHOTO><TYPE>image/png</TYPE><BINVAL>iVBO</BINVAL></PHOTO>"
                                     "<FN>Juliet Capulet</FN></vCard></iq>"));
        QVERIFY(!f.isFinished());
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'/>").arg(id));
        QTRY_VERIFY(f.isFinished());
        QVERIFY(f.result().ok());
    }

    void aRefusedSetIsAnError() {
        const QFuture<Result<void>> f = vcards->publishOwnName(QStringLiteral("Juliet"));
        QString id;
        takeOne(&id);
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='error' id='%1'><error "
                                  "type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:"
                                  "xmpp-stanzas'/></error></iq>")
                       .arg(id));
        QTRY_COMPARE(c->t->sent.size(), 1);
        QCOMPARE(takeOne(&id), QStringLiteral("<iq xmlns='jabber:client' type='set' id='%1'>"
                                              "<vCard xmlns='vcard-temp'><FN>Juliet</FN></vCard>"
                                              "</iq>"));
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='error' id='%1'><error "
                                  "type='auth'><not-allowed xmlns='urn:ietf:params:xml:ns:"
                                  "xmpp-stanzas'/></error></iq>")
                       .arg(id));
        QTRY_VERIFY(f.isFinished());
        QVERIFY(!f.result().ok());
        QCOMPARE(f.result().error().condition, QStringLiteral("not-allowed"));
    }
};

QTEST_GUILESS_MAIN(TestVCard)
#include "tst_vcard.moc"
