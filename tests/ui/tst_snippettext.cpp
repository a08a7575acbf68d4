// One line of a search result or a suggestion: the words of a Markdown snippet without its
// marks (the match marks and placeholders stay), and list times as the conversation list
// and the search palette show them.
#include <QtTest>

#include "common/SnippetText.h"
#include "common/TimeText.h"

using namespace rapport::ui;

class TestSnippetText : public QObject {
    Q_OBJECT

private slots:
    void plainSnippet_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        const QChar on(0x0002);
        const QChar off(0x0003);
        QTest::newRow("strong, code, match marks")
            << QStringLiteral("Click **%1Export%2** and choose `CSV`").arg(on).arg(off)
            << QStringLiteral("Click %1Export%2 and choose CSV").arg(on).arg(off);
        QTest::newRow("emphasis") << "Open *Settings → Billing* now"
                                  << QStringLiteral("Open Settings → Billing now");
        QTest::newRow("emphasis around a match")
            << QStringLiteral("an *%1export%2*").arg(on).arg(off)
            << QStringLiteral("an %1export%2").arg(on).arg(off);
        QTest::newRow("links") << "see [the guide](https://x/g) or <https://status.example.com>"
                               << "see the guide or https://status.example.com";
        QTest::newRow("heading and bullets") << "## Steps\n- one\n* two\n1. three"
                                             << "Steps one two 1. three";
        QTest::newRow("placeholders and names stay")
            << "Hi {{customer.name|there}}, ticket {{ticket_id}}, snake_case, 2 * 3"
            << "Hi {{customer.name|there}}, ticket {{ticket_id}}, snake_case, 2 * 3";
        QTest::newRow("code fence") << "```\ncurl -H \"A: b\" https://x\n```"
                                    << "curl -H \"A: b\" https://x";
    }
    void plainSnippet() {
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        QCOMPARE(rapport::ui::plainSnippet(markdown), expected);
    }

    void listTime() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(listTimeText(now, now), shortTimeText(now.toLocalTime().time()));
        const QDateTime lastWeek = now.addDays(-3);
        QCOMPARE(
            listTimeText(lastWeek, now),
            QLocale().dayName(lastWeek.toLocalTime().date().dayOfWeek(), QLocale::ShortFormat));
        const QDateTime old = now.addDays(-40);
        QCOMPARE(listTimeText(old, now),
                 QLocale().toString(old.toLocalTime().date(), QLocale::ShortFormat));
        QVERIFY(listTimeText(QDateTime(), now).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSnippetText)
#include "tst_snippettext.moc"
