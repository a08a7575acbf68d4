// Stanzas parsed per second from a recorded stream: a mix shaped like a busy
// session (chat messages with receipts and markers, presence with caps, roster
// pushes, acks, MAM results). Prints figures; asserts nothing.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <cstdio>

#include "xmpp/ElementParser.h"

using namespace rapport::xmpp;

namespace {

QStringList recordedStream() {
    QStringList s;
    for (int i = 0; i < 1000; ++i) {
        s << QStringLiteral(
                 "<message xmlns='jabber:client' from='customer%1@example.com/phone' "
                 "to='engineer@example.com/desk' type='chat' id='m%1'><body>Hello, my printer "
                 "shows error E%1 again after the update, what should I do?</body>"
                 "<origin-id xmlns='urn:xmpp:sid:0' id='o%1'/><request xmlns='urn:xmpp:receipts'/>"
                 "<markable xmlns='urn:xmpp:chat-markers:0'/><active "
                 "xmlns='http://jabber.org/protocol/chatstates'/><stanza-id xmlns='urn:xmpp:sid:0' "
                 "by='engineer@example.com' id='s%1'/></message>")
                 .arg(i)
          << QStringLiteral(
                 "<presence xmlns='jabber:client' from='colleague%1@example.com/laptop'><show>away"
                 "</show><status>In a meeting</status><c xmlns='http://jabber.org/protocol/caps' "
                 "hash='sha-1' node='https://rapport.invalid/caps' ver='abc%1='/></presence>")
                 .arg(i)
          << QStringLiteral("<r xmlns='urn:xmpp:sm:3'/>")
          << QStringLiteral("<a xmlns='urn:xmpp:sm:3' h='%1'/>").arg(i)
          << QStringLiteral(
                 "<message xmlns='jabber:client' to='engineer@example.com/desk'><result "
                 "xmlns='urn:xmpp:mam:2' queryid='q1' id='arch%1'><forwarded "
                 "xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' "
                 "stamp='2026-03-01T10:00:00Z'/><message xmlns='jabber:client' "
                 "from='engineer@example.com/desk' to='customer@example.com' type='chat'><body>"
                 "Please try restarting the spooler &amp; clearing the queue.</body></message>"
                 "</forwarded></result></message>")
                 .arg(i);
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList stream = recordedStream();
    qint64 bytes = 0;
    for (const QString& m : stream) {
        bytes += m.toUtf8().size();
    }
    // Warm up, then measure a few rounds and report the best and the median.
    QList<double> rates;
    for (int round = 0; round < 7; ++round) {
        QElapsedTimer t;
        t.start();
        int ok = 0;
        for (int rep = 0; rep < 10; ++rep) {
            for (const QString& m : stream) {
                ok += parseElement(m).ok() ? 1 : 0;
            }
        }
        const double seconds = t.nsecsElapsed() / 1e9;
        if (ok != stream.size() * 10) {
            std::fprintf(stderr, "bench_parse: %d of %lld stanzas failed to parse\n",
                         int(stream.size() * 10 - ok), qlonglong(stream.size() * 10));
            return 1;
        }
        if (round > 0) {
            rates << stream.size() * 10 / seconds;
        }
    }
    std::sort(rates.begin(), rates.end());
    const double median = rates[rates.size() / 2];
    std::printf("bench_parse: %lld stanzas (%.1f KiB) per round\n", qlonglong(stream.size() * 10),
                bytes * 10 / 1024.0);
    std::printf("bench_parse: median %.0f stanzas/s, best %.0f stanzas/s, %.1f MiB/s\n", median,
                rates.last(), median * (bytes / double(stream.size())) / (1024.0 * 1024.0));
    return 0;
}
