// Checks that ProsodyFixture gives every integration suite the server it
// promises: reachable endpoints, both SCRAM variants, accounts, offline storage,
// the components, and a clean crash/restart/stop life cycle. Talks raw XMPP over
// TCP on purpose, so a bug in core's client cannot hide a broken fixture.
#include "ProsodyFixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <signal.h>
#include <cerrno>

using rapport::test::ProsodyFixture;

namespace {

const QString kAlicePassword = QStringLiteral("pässwörd€密码");
const QString kAdmin = QStringLiteral("admin@localhost");

// Our own raw GET, independent of the fixture's readiness probe. 0 = no answer.
int httpGetStatus(quint16 port, const QByteArray& path) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(1000))
        return 0;
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    while (!reply.contains("\r\n") && socket.waitForReadyRead(2000))
        reply += socket.readAll();
    static const QRegularExpression statusLine(QStringLiteral("^HTTP/1\\.[01] (\\d{3}) "));
    const auto match = statusLine.match(QString::fromLatin1(reply));
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

// kill(pid, 0) also succeeds for an unreaped zombie, which counts as "still there".
bool processExists(qint64 pid) {
    return ::kill(pid_t(pid), 0) == 0 || errno != ESRCH;
}

// Every process whose command line mentions `needle`, e.g. a config path.
QList<qint64> processesMentioning(const QString& needle) {
    QList<qint64> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!isPid || !cmdline.open(QIODevice::ReadOnly))
            continue;
        if (QString::fromUtf8(cmdline.readAll().replace('\0', ' ')).contains(needle))
            found << pid;
    }
    return found;
}

// Just enough of a c2s client to probe the server: stream header, PLAIN, bind.
class RawC2s {
public:
    bool connectTo(quint16 port) {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return m_socket.waitForConnected(2000);
    }

    void send(const QByteArray& xml) {
        m_socket.write(xml);
        m_socket.flush();
    }

    // Everything received up to and including the first of `needles`; empty on timeout.
    QByteArray waitFor(const QList<QByteArray>& needles, int timeoutMs = 5000) {
        const QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            qsizetype end = -1;
            for (const QByteArray& needle : needles) {
                const qsizetype at = m_buffer.indexOf(needle);
                if (at >= 0 && (end < 0 || at + needle.size() < end))
                    end = at + needle.size();
            }
            if (end >= 0) {
                const QByteArray chunk = m_buffer.left(end);
                m_buffer.remove(0, end);
                return chunk;
            }
            if (deadline.hasExpired() || !m_socket.waitForReadyRead(deadline.remainingTime()))
                return {};
            m_buffer += m_socket.readAll();
        }
    }

    // The whole stanza carrying id='ID' (self-closing or up to its </iq>).
    QByteArray waitForIq(const QByteArray& id, int timeoutMs = 5000) {
        const QByteArray marker = "id='" + id + "'";
        const QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            const qsizetype at = m_buffer.indexOf(marker);
            const qsizetype tagEnd = at < 0 ? -1 : m_buffer.indexOf('>', at);
            if (tagEnd > 0) {
                const qsizetype start = m_buffer.lastIndexOf('<', at);
                const qsizetype close = m_buffer.indexOf("</iq>", tagEnd);
                const qsizetype end = m_buffer.at(tagEnd - 1) == '/' ? tagEnd + 1
                                      : close >= 0                   ? close + 5
                                                                     : -1;
                if (end > 0) {
                    const QByteArray stanza = m_buffer.mid(start, end - start);
                    m_buffer.remove(0, end);
                    return stanza;
                }
            }
            if (deadline.hasExpired() || !m_socket.waitForReadyRead(deadline.remainingTime()))
                return {};
            m_buffer += m_socket.readAll();
        }
    }

    QByteArray openStream(const QString& host) {
        send("<?xml version='1.0'?><stream:stream to='" + host.toUtf8() +
             "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
             "version='1.0'>");
        return waitFor({"</stream:features>"});
    }

    // PLAIN over plaintext is allowed by the fixture's config; good enough to
    // prove that an account and its (non-ASCII) password exist.
    bool login(quint16 port, const QString& user, const QString& host, const QString& password) {
        if (!connectTo(port) || openStream(host).isEmpty())
            return false;
        const QByteArray credentials = '\0' + user.toUtf8() + '\0' + password.toUtf8();
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" +
             credentials.toBase64() + "</auth>");
        if (!waitFor({"<success", "</failure>"}).contains("<success"))
            return false;
        if (!openStream(host).contains("urn:ietf:params:xml:ns:xmpp-bind"))
            return false;
        send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
        return waitForIq("bind1").contains("type='result'");
    }

    void close() {
        send("</stream:stream>");
        waitFor({"</stream:stream>"}, 2000);
        m_socket.disconnectFromHost();
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

}  // namespace

class TestProsodyFixture : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_server.setAdmins({kAdmin});
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY(m_server.isRunning());
        QVERIFY(m_server.pid() > 0);
    }

    void cleanup() {
        if (QTest::currentTestFailed())
            qWarning().noquote() << "prosody log tail:\n" << m_server.logTail();
    }

    void cleanupTestCase() { m_server.stop(); }

    void portsAreDistinctLoopbackPorts() {
        QVERIFY(m_server.c2sPort() > 0);
        QVERIFY(m_server.httpPort() > 0);
        QVERIFY(m_server.c2sPort() != m_server.httpPort());
    }

    // A module that fails to load only says so in the log; the server still starts.
    void startupLogHasNoErrorsOrWarnings() {
        QFile log(m_server.logPath());
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(m_server.logPath()));
        const QString text = QString::fromUtf8(log.readAll());
        QVERIFY2(text.contains(QStringLiteral("Hello and welcome to Prosody")),
                 "the log does not capture Prosody's console output");
        static const QRegularExpression problem(QStringLiteral(R"(^\S+\s+(error|warn)\s.*$)"),
                                                QRegularExpression::MultilineOption);
        const auto match = problem.match(text);
        QVERIFY2(!match.hasMatch(), qPrintable(match.captured(0)));
    }

    void websocketEndpointAnswers200() {
        QCOMPARE(m_server.websocketUrl(),
                 QUrl(QStringLiteral("ws://127.0.0.1:%1/xmpp-websocket").arg(m_server.httpPort())));
        QCOMPARE(httpGetStatus(m_server.httpPort(), "/xmpp-websocket"), 200);
        // The probe can tell endpoints apart, so the 200 above means something.
        QCOMPARE(httpGetStatus(m_server.httpPort(), "/no-such-endpoint"), 404);
    }

    void registerUserCreatesAccountWithNonAsciiPassword() {
        QString error;
        QVERIFY2(m_server.registerUser(QStringLiteral("alice"), ProsodyFixture::sha256Host(),
                                       kAlicePassword, &error),
                 qPrintable(error));
        QVERIFY(
            QFile::exists(m_server.dataDir() + QStringLiteral("/localhost/accounts/alice.dat")));

        RawC2s good;
        QVERIFY(good.login(m_server.c2sPort(), QStringLiteral("alice"),
                           ProsodyFixture::sha256Host(), kAlicePassword));
        good.close();
        RawC2s wrong;
        QVERIFY(!wrong.login(m_server.c2sPort(), QStringLiteral("alice"),
                             ProsodyFixture::sha256Host(), QStringLiteral("passwoerd")));
    }

    void registerUserOnSha1Host() {
        QString error;
        QVERIFY2(m_server.registerUser(QStringLiteral("alice"), ProsodyFixture::sha1Host(),
                                       QStringLiteral("secret"), &error),
                 qPrintable(error));
        // Prosody escapes '.' in host directory names.
        QVERIFY(QFile::exists(m_server.dataDir() +
                              QStringLiteral("/sha1%2elocalhost/accounts/alice.dat")));
        RawC2s client;
        QVERIFY(client.login(m_server.c2sPort(), QStringLiteral("alice"),
                             ProsodyFixture::sha1Host(), QStringLiteral("secret")));
        client.close();
    }

    void registerUserReportsFailure() {
        QString error;
        QVERIFY(!m_server.registerUser(QStringLiteral("alice"), QStringLiteral("nohost.invalid"),
                                       QStringLiteral("secret"), &error));
        QVERIFY(!error.isEmpty());
    }

    void c2sOffersOneScramVariantPerHost_data() {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QByteArray>("offered");
        QTest::addColumn<QByteArray>("absent");
        QTest::newRow("localhost")
            << ProsodyFixture::sha256Host() << QByteArray("<mechanism>SCRAM-SHA-256</mechanism>")
            << QByteArray("<mechanism>SCRAM-SHA-1</mechanism>");
        QTest::newRow("sha1.localhost")
            << ProsodyFixture::sha1Host() << QByteArray("<mechanism>SCRAM-SHA-1</mechanism>")
            << QByteArray("<mechanism>SCRAM-SHA-256</mechanism>");
    }

    void c2sOffersOneScramVariantPerHost() {
        QFETCH(QString, host);
        QFETCH(QByteArray, offered);
        QFETCH(QByteArray, absent);
        RawC2s client;
        QVERIFY(client.connectTo(m_server.c2sPort()));
        const QByteArray features = client.openStream(host);
        QVERIFY2(features.contains("from='" + host.toUtf8() + "'"), features.constData());
        QVERIFY2(features.contains(offered), features.constData());
        QVERIFY2(!features.contains(absent), features.constData());
    }

    void offlineMessageIsStoredAndDelivered() {
        QString error;
        QVERIFY2(m_server.registerUser(QStringLiteral("bob"), ProsodyFixture::sha256Host(),
                                       QStringLiteral("secret"), &error),
                 qPrintable(error));
        RawC2s alice;
        QVERIFY(alice.login(m_server.c2sPort(), QStringLiteral("alice"),
                            ProsodyFixture::sha256Host(), kAlicePassword));
        alice.send(
            "<message to='bob@localhost' type='chat' id='off1'>"
            "<body>kept while offline</body></message>");
        // A ping answered after the message proves the server has processed it.
        alice.send("<iq type='get' id='ping1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
        QVERIFY(!alice.waitForIq("ping1").isEmpty());
        alice.close();

        RawC2s bob;
        QVERIFY(bob.login(m_server.c2sPort(), QStringLiteral("bob"), ProsodyFixture::sha256Host(),
                          QStringLiteral("secret")));
        bob.send("<presence/>");  // offline messages are flushed on initial presence
        const QByteArray delivered = bob.waitFor({"kept while offline"});
        QVERIFY2(!delivered.isEmpty(), "the offline message was not delivered");
        QVERIFY(bob.waitFor({"urn:xmpp:delay"}).size() > 0);
        bob.close();
    }

    void pubsubNodeCreationNeedsAdmin() {
        QString error;
        for (const QString& user : {QStringLiteral("admin"), QStringLiteral("carol")})
            QVERIFY2(m_server.registerUser(user, ProsodyFixture::sha256Host(),
                                           QStringLiteral("secret"), &error),
                     qPrintable(error));
        const QByteArray create =
            "<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
            "<create node='fixture-node'/></pubsub></iq>";
        const QByteArray to = "to='" + m_server.pubsubService().toUtf8() + "'";

        RawC2s carol;
        QVERIFY(carol.login(m_server.c2sPort(), QStringLiteral("carol"),
                            ProsodyFixture::sha256Host(), QStringLiteral("secret")));
        carol.send("<iq type='set' id='c1' " + to + ">" + create);
        const QByteArray refused = carol.waitForIq("c1");
        QVERIFY2(refused.contains("type='error'") && refused.contains("forbidden"),
                 refused.constData());
        carol.close();

        RawC2s admin;
        QVERIFY(admin.login(m_server.c2sPort(), QStringLiteral("admin"),
                            ProsodyFixture::sha256Host(), QStringLiteral("secret")));
        admin.send("<iq type='set' id='a1' " + to + ">" + create);
        const QByteArray created = admin.waitForIq("a1");
        QVERIFY2(created.contains("type='result'"), created.constData());
        admin.close();
    }

    void uploadSlotPointsAtLoopbackHttpPort() {
        RawC2s alice;
        QVERIFY(alice.login(m_server.c2sPort(), QStringLiteral("alice"),
                            ProsodyFixture::sha256Host(), kAlicePassword));
        alice.send("<iq type='get' id='u1' to='" + m_server.uploadService().toUtf8() +
                   "'><request xmlns='urn:xmpp:http:upload:0' filename='a.txt' size='5' "
                   "content-type='text/plain'/></iq>");
        const QByteArray slot = alice.waitForIq("u1");
        const QByteArray base = "http://127.0.0.1:" + QByteArray::number(m_server.httpPort()) + "/";
        QVERIFY2(slot.contains("<put url='" + base), slot.constData());
        QVERIFY2(slot.contains("<get url='" + base), slot.constData());
        alice.close();
    }

    void mucServiceAnswersDisco() {
        RawC2s alice;
        QVERIFY(alice.login(m_server.c2sPort(), QStringLiteral("alice"),
                            ProsodyFixture::sha256Host(), kAlicePassword));
        alice.send("<iq type='get' id='d1' to='" + m_server.mucService().toUtf8() +
                   "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        const QByteArray info = alice.waitForIq("d1");
        QVERIFY2(info.contains("category='conference'"), info.constData());
        QVERIFY2(info.contains("urn:xmpp:mam:2"), info.constData());  // muc_mam loaded
        alice.close();
    }

    void killThenRestartKeepsPortsAndData() {
        const qint64 oldPid = m_server.pid();
        const quint16 c2sPort = m_server.c2sPort();
        const quint16 httpPort = m_server.httpPort();
        QVERIFY(oldPid > 0);

        m_server.kill();
        QVERIFY(!m_server.isRunning());
        QVERIFY(!processExists(oldPid));
        QCOMPARE(httpGetStatus(httpPort, "/xmpp-websocket"), 0);

        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        QVERIFY(m_server.isRunning());
        QVERIFY(m_server.pid() != oldPid);
        QCOMPARE(m_server.c2sPort(), c2sPort);
        QCOMPARE(m_server.httpPort(), httpPort);
        QCOMPARE(httpGetStatus(httpPort, "/xmpp-websocket"), 200);

        RawC2s alice;  // the account made before the crash still works
        QVERIFY(alice.login(c2sPort, QStringLiteral("alice"), ProsodyFixture::sha256Host(),
                            kAlicePassword));
        alice.close();
    }

    void stopLeavesNoProsodyProcess() {
        const qint64 pid = m_server.pid();
        QVERIFY(pid > 0);
        QVERIFY(processesMentioning(m_server.configPath()).contains(pid));

        m_server.stop();
        QVERIFY(!m_server.isRunning());
        QCOMPARE(m_server.pid(), 0);
        QVERIFY(!processExists(pid));
        QVERIFY(processesMentioning(m_server.configPath()).isEmpty());
        QCOMPARE(httpGetStatus(m_server.httpPort(), "/xmpp-websocket"), 0);
        m_server.stop();  // idempotent
        QVERIFY(!m_server.isRunning());
    }

    void registerUserWorksWhileStopped() {
        QVERIFY(!m_server.isRunning());
        QString error;
        QVERIFY2(m_server.registerUser(QStringLiteral("dave"), ProsodyFixture::sha256Host(),
                                       QStringLiteral("secret"), &error),
                 qPrintable(error));
        QVERIFY2(m_server.start(&error), qPrintable(error));
        RawC2s dave;
        QVERIFY(dave.login(m_server.c2sPort(), QStringLiteral("dave"), ProsodyFixture::sha256Host(),
                           QStringLiteral("secret")));
        dave.close();
    }

    void destructorStopsServer() {
        qint64 pid = 0;
        QString configPath;
        {
            ProsodyFixture server;
            QString error;
            QVERIFY2(server.start(&error), qPrintable(error));
            pid = server.pid();
            configPath = server.configPath();
            QVERIFY(processExists(pid));
        }
        QVERIFY(!processExists(pid));
        QVERIFY(processesMentioning(configPath).isEmpty());
    }

    void startFailureReportsLogTail() {
        ProsodyFixture server;
        server.setExtraConfig(QStringLiteral("this is not lua ("));
        QString error;
        QDeadlineTimer deadline(10000);
        QVERIFY(!server.start(&error));
        QVERIFY2(!deadline.hasExpired(), "an early exit was not noticed");
        QVERIFY2(error.contains(QStringLiteral("exited early")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("prosody.cfg.lua")), qPrintable(error));
        QVERIFY(!server.isRunning());
    }

private:
    ProsodyFixture m_server;
};

QTEST_GUILESS_MAIN(TestProsodyFixture)
#include "tst_prosodyfixture.moc"
