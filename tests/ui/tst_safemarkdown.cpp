// Markdown from customers and colleagues never loads anything: images become links with
// their alt text, remote and local URLs alike, and chat text keeps its line breaks.
#include <QTextBlock>
#include <QtTest>

#include "common/SafeMarkdown.h"

using namespace rapport::ui;

class TestSafeMarkdown : public QObject {
    Q_OBJECT

private slots:
    void imagesBecomeLinks_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        QTest::newRow("remote") << "See ![the chart](https://x.example/c.png)."
                                << QStringLiteral(
                                       "See [\U0001F5BC the chart](https://x.example/c.png).");
        QTest::newRow("local file") << "![](file:///etc/passwd)"
                                    << QStringLiteral("[\U0001F5BC image](file:///etc/passwd)");
        QTest::newRow("with a title") << "![logo](https://x/l.png \"Logo\")"
                                      << QStringLiteral("[\U0001F5BC logo](https://x/l.png)");
        QTest::newRow("a plain link stays") << "[docs](https://x/d)"
                                            << "[docs](https://x/d)";
    }
    void imagesBecomeLinks() {
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        QCOMPARE(imagesAsLinks(markdown), expected);
    }

    void nothingIsLoaded() {
        InertTextDocument doc;
        setSafeMarkdown(&doc, QStringLiteral("![x](file:///etc/hostname) and **bold**"));
        // No image in the document, only text and a link.
        QVERIFY(!doc.toHtml().contains(QStringLiteral("<img")));
        QVERIFY(doc.toPlainText().contains(QStringLiteral("x and bold")));
        QVERIFY(doc.resource(QTextDocument::ImageResource, QUrl("file:///etc/hostname")).isNull());
    }

    void chatLineBreaksAreKept() {
        QTextDocument doc;
        setSafeMarkdown(&doc, QStringLiteral("first line\nsecond line"), true);
        QVERIFY(doc.toPlainText().contains(QChar(QChar::LineSeparator)) || doc.blockCount() == 2);
        QTextDocument joined;
        setSafeMarkdown(&joined, QStringLiteral("first line\nsecond line"), false);
        QCOMPARE(joined.toPlainText(), QStringLiteral("first line second line"));
    }
};

QTEST_MAIN(TestSafeMarkdown)
#include "tst_safemarkdown.moc"
