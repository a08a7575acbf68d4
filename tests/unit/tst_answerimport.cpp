// Answer import and export with a real SQLite store: the CSV reader's edge cases (quotes,
// line breaks in a field, CRLF, a byte order mark, a missing column), JSON files and
// Markdown folders, rows that break a rule reported and skipped, 5,000 rows imported twice
// without duplicates, and export then import changing nothing.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include "Await.h"
#include "library/AnswerExport.h"
#include "library/AnswerImport.h"
#include "library/AnswerPayload.h"
#include "library/AnswerStore.h"
#include "library/CsvTable.h"
#include "library/MarkdownAnswer.h"
#include "store/Database.h"

using namespace rapport;
using namespace rapport::library;

using rapport::test::await;

namespace {

const QString Alice = QStringLiteral("alice@example.com");

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QStringList fieldsOf(const Result<QList<CsvTable::Record>>& r, int i) {
    return r.ok() ? r.value().value(i).fields : QStringList();
}

// What `answers import` reports: the counts, and each problem as "row N: why" or "file: why".
struct Report {
    int created = -1;
    int updated = -1;
    int skipped = -1;
    QStringList problems;
};

}  // namespace

class TestAnswerImport : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<AnswerStore> answers;
    int n = 0;

    QString path(const QString& name) {
        return dir.filePath(QStringLiteral("%1-%2").arg(n).arg(name));
    }

    Report import(const QString& file) {
        Report report;
        const Result<ImportFile> read = AnswerImport::read(file);
        if (!read.ok()) {
            report.problems << read.error().message;
            return report;
        }
        QList<Answer> rows;
        for (const ImportRow& row : read.value().rows) {
            rows << row.answer;
        }
        const auto applied = await(answers->importAnswers(rows, Alice));
        if (!applied.ok()) {
            report.problems << applied.error().message;
            return report;
        }
        auto where = [](const ImportPlace& p) {
            return p.file.isEmpty() ? QStringLiteral("row %1").arg(p.row) : p.file;
        };
        for (const ImportProblem& p : read.value().problems) {
            report.problems << where(p.place) + QStringLiteral(": ") + p.reason;
        }
        for (const ImportOutcome::Refusal& r : applied.value().refused) {
            report.problems << where(read.value().rows[r.row].place) + QStringLiteral(": ") +
                                   r.reason;
        }
        report.created = applied.value().created;
        report.updated = applied.value().updated;
        report.skipped = applied.value().skipped;
        return report;
    }
    QList<Answer> all() { return await(answers->list()).value(); }
    Answer byTitle(const QString& title) {
        for (const Answer& a : all()) {
            if (a.title == title) {
                return a;
            }
        }
        return {};
    }

private slots:
    void init() {
        auto opened = store::Database::open(dir.filePath(QStringLiteral("p%1.sqlite").arg(++n)));
        QVERIFY(opened.ok());
        db = std::move(opened).value();
        answers = std::make_unique<AnswerStore>(*db);
    }
    void cleanup() {
        answers.reset();
        db.reset();
    }

    void csvReaderEdgeCases() {
        // A byte order mark, CRLF, a quoted comma, doubled quotes, line breaks (LF and CRLF)
        // inside a field, a blank line, a trailing comma, and no line end at the end.
        const QByteArray text =
            "\xEF\xBB\xBFtitle,body,tags\r\n"
            "\"Printer, office\",\"Say \"\"hi\"\"\nthen\r\nrestart\",a b\r\n"
            "\r\n"
            "Plain,x,\r\n"
            "Last,\"\",c";
        const auto r = CsvTable::read(text);
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r.value().size(), 4);
        QCOMPARE(fieldsOf(r, 0), (QStringList{QStringLiteral("title"), QStringLiteral("body"),
                                              QStringLiteral("tags")}));
        QCOMPARE(fieldsOf(r, 1), (QStringList{QStringLiteral("Printer, office"),
                                              QStringLiteral("Say \"hi\"\nthen\r\nrestart"),
                                              QStringLiteral("a b")}));
        QCOMPARE(r.value()[1].number, 2);
        QCOMPARE(fieldsOf(r, 2),
                 (QStringList{QStringLiteral("Plain"), QStringLiteral("x"), QString()}));
        QCOMPARE(r.value()[2].number, 3);  // the blank line is not a row
        QCOMPARE(fieldsOf(r, 3),
                 (QStringList{QStringLiteral("Last"), QString(), QStringLiteral("c")}));
        for (const CsvTable::Record& record : r.value()) {
            QVERIFY(record.problem.isEmpty());
        }

        // LF only, and a lone CR (old Mac files) end records too.
        QCOMPARE(CsvTable::read("a,b\nc,d\re,f").value().size(), 3);

        // An unclosed quote swallows the rest: that record is flagged, not silently kept.
        const auto open = CsvTable::read("title\nok\n\"never closed\nmore");
        QCOMPARE(open.value().size(), 3);
        QVERIFY(open.value()[1].problem.isEmpty());
        QVERIFY(open.value()[2].problem.contains(QStringLiteral("line 3")));

        QVERIFY(!CsvTable::read("title\n\xC3\x28\n").ok());  // not UTF-8

        // What the writer writes, the reader reads back unchanged.
        const QList<QStringList> tricky{
            {QStringLiteral("a,b"), QStringLiteral("\"quoted\""), QStringLiteral("line\nbreak")},
            {QStringLiteral(" padded "), QString(), QStringLiteral("crlf\r\ninside")},
            {QStringLiteral("plain"), QStringLiteral("café ☕"), QStringLiteral("x")}};
        const QByteArray written = CsvTable::write(tricky);
        QVERIFY(written.endsWith("\r\n"));
        QVERIFY(written.startsWith("\"a,b\",\"\"\"quoted\"\"\",\"line\nbreak\"\r\n"));
        const auto back = CsvTable::read(written);
        QCOMPARE(back.value().size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(fieldsOf(back, i), tricky[i]);
        }
    }

    void csvColumns() {
        // Columns in any order and case; tags split at spaces and commas; unknown columns
        // ignored; a row with too few fields is reported, not guessed at.
        const auto file = AnswerImport::fromCsv(
            "Tags, TITLE ,notes,body,id\n"
            "\"printer, Wi Fi  firmware\",  Printer E1234  ,n,Restart it.,\n"
            "x,Short row\n"
            "a,Extra,n,b,,,\n");
        QVERIFY2(file.ok(), qPrintable(file.error().message));
        QCOMPARE(file.value().rows.size(), 2);
        const Answer a = file.value().rows[0].answer;
        QCOMPARE(a.title, QStringLiteral("Printer E1234"));
        QCOMPARE(a.body, QStringLiteral("Restart it."));
        QCOMPARE(a.tags, (QStringList{QStringLiteral("printer"), QStringLiteral("Wi"),
                                      QStringLiteral("Fi"), QStringLiteral("firmware")}));
        QCOMPARE(file.value().rows[0].place.row, 2);
        QCOMPARE(file.value().rows[1].answer.title, QStringLiteral("Extra"));  // empty extras
        QCOMPARE(file.value().problems.size(), 1);
        QCOMPARE(file.value().problems[0].place.row, 3);
        QVERIFY(file.value().problems[0].reason.contains(QStringLiteral("2 fields")));

        // No title column, or nothing at all: the file cannot be imported.
        const auto noTitle = AnswerImport::fromCsv("name,body\nx,y\n");
        QVERIFY(!noTitle.ok());
        QCOMPARE(noTitle.error().code, ErrorCode::Usage);
        QVERIFY(noTitle.error().message.contains(QStringLiteral("title")));
        QVERIFY(!AnswerImport::fromCsv("\xEF\xBB\xBF").ok());
        // Only a title column is enough.
        QCOMPARE(AnswerImport::fromCsv("title\nJust a title\n").value().rows.size(), 1);
    }

    void jsonFiles() {
        const auto file = AnswerImport::fromJson(
            "\xEF\xBB\xBF[{\"title\": \" VPN \", \"body\": \"Lower the MTU.\", \"tags\": [\"vpn\"],"
            " \"id\": \"0B6F2A44-3F0E-4D56-9A52-0D8D3A2B7C11\", \"author\": \"x@y\","
            " \"created\": \"2026-01-02T03:04:05Z\", \"version\": 7, \"uses\": 3},"
            " 42,"
            " {\"title\": \"Tags wrong\", \"tags\": \"vpn\"},"
            " {\"body\": \"no title\"},"
            " {\"title\": \"Copy\", \"conflict_of\": \"0b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11\"},"
            " {\"title\": \"Bare\"}]");
        QVERIFY2(file.ok(), qPrintable(file.error().message));
        QCOMPARE(file.value().rows.size(), 2);
        const Answer a = file.value().rows[0].answer;
        QCOMPARE(a.title, QStringLiteral("VPN"));
        QCOMPARE(a.tags, QStringList{QStringLiteral("vpn")});
        QCOMPARE(a.created, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(file.value().rows[1].answer.title, QStringLiteral("Bare"));
        QCOMPARE(file.value().rows[1].place.row, 6);
        QList<int> problemRows;
        for (const ImportProblem& p : file.value().problems) {
            problemRows << p.place.row;
            QVERIFY(!p.reason.isEmpty());
        }
        QCOMPARE(problemRows, (QList<int>{2, 3, 4, 5}));

        QVERIFY(!AnswerImport::fromJson("{\"title\": \"not an array\"}").ok());
        QVERIFY(!AnswerImport::fromJson("[{\"title\": ").ok());

        // Into the store: an id in any case is the answer's id, created is kept.
        const QString json = path(QStringLiteral("a.json"));
        writeFile(json,
                  "[{\"title\": \"VPN\", \"id\": \"0B6F2A44-3F0E-4D56-9A52-0D8D3A2B7C11\","
                  " \"created\": \"2026-01-02T03:04:05Z\"}]");
        QCOMPARE(import(json).created, 1);
        const Answer stored =
            await(answers->get(QStringLiteral("0b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11"))).value();
        QCOMPARE(stored.title, QStringLiteral("VPN"));
        QCOMPARE(stored.created, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(stored.author, Alice);
    }

    void markdownFolders() {
        QDir folder(path(QStringLiteral("md")));
        QVERIFY(folder.mkpath(QStringLiteral(".")));
        writeFile(folder.filePath(QStringLiteral("a.md")),
                  "---\ntitle: Printer E1234\ntags: [printer, \"wi fi\"]\n"
                  "id: 1b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11\nauthor: ignored@x\n---\n"
                  "Hi {{customer.name|there}},\n\n---\n\nrestart it.\n");
        writeFile(
            folder.filePath(QStringLiteral("b.MD")),
            "\xEF\xBB\xBF---\r\ntitle: \"Quoted: \\\"yes\\\"\"\r\ntags: vpn, network\r\n---\r\n"
            "Body\r\n");
        writeFile(folder.filePath(QStringLiteral("c.md")),
                  "---\ntitle: 'It''s single'\ntags:\n  - one\n  - two\n---\n");
        writeFile(folder.filePath(QStringLiteral("d.md")), "# No front matter\nText\n");
        writeFile(folder.filePath(QStringLiteral("e.md")), "---\ntitle: Never closed\nText\n");
        writeFile(folder.filePath(QStringLiteral("f.md")), "---\ntags: [x]\n---\nNo title\n");
        writeFile(folder.filePath(QStringLiteral("notes.txt")), "not an answer");

        const auto file = AnswerImport::fromMarkdownFolder(folder.path());
        QVERIFY2(file.ok(), qPrintable(file.error().message));
        QCOMPARE(file.value().rows.size(), 4);
        const Answer a = file.value().rows[0].answer;
        QCOMPARE(a.title, QStringLiteral("Printer E1234"));
        QCOMPARE(a.tags, (QStringList{QStringLiteral("printer"), QStringLiteral("wi fi")}));
        QCOMPARE(a.id, QStringLiteral("1b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11"));
        QCOMPARE(a.body, QStringLiteral("Hi {{customer.name|there}},\n\n---\n\nrestart it.\n"));
        const Answer b = file.value().rows[1].answer;
        QCOMPARE(b.title, QStringLiteral("Quoted: \"yes\""));
        QCOMPARE(b.tags, (QStringList{QStringLiteral("vpn"), QStringLiteral("network")}));
        QCOMPARE(b.body, QStringLiteral("Body\r\n"));
        const Answer c = file.value().rows[2].answer;
        QCOMPARE(c.title, QStringLiteral("It's single"));
        QCOMPARE(c.tags, (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(c.body, QString());
        QCOMPARE(file.value().rows[3].place.file, QStringLiteral("f.md"));
        QCOMPARE(file.value().problems.size(), 2);
        QCOMPARE(file.value().problems[0].place.file, QStringLiteral("d.md"));
        QCOMPARE(file.value().problems[1].place.file, QStringLiteral("e.md"));

        // Twice into the store: the file without a title is refused each time, and the second
        // run creates nothing.
        const Report first = import(folder.path());
        QCOMPARE(first.created, 3);
        QCOMPARE(first.problems.size(), 3);
        QVERIFY(first.problems.contains(QStringLiteral("f.md: the title is empty")));
        const Report second = import(folder.path());
        QCOMPARE(second.created, 0);
        QCOMPARE(second.updated, 0);
        QCOMPARE(second.skipped, 3);
        QCOMPARE(all().size(), 3);
        QCOMPARE(await(answers->pendingActions()).value().size(), 3);
        QCOMPARE(byTitle(QStringLiteral("Printer E1234")).tags,
                 (QStringList{QStringLiteral("printer"), QStringLiteral("wi-fi")}));

        QVERIFY(!AnswerImport::read(path(QStringLiteral("missing")) + u'/').ok());
        QVERIFY(!AnswerImport::read(path(QStringLiteral("answers.txt"))).ok());
        QVERIFY(!AnswerImport::read(path(QStringLiteral("missing.csv"))).ok());
    }

    void badRowsReportedAndSkipped() {
        QString tooMany;
        for (int i = 0; i < AnswerLimits::Tags + 1; ++i) {
            tooMany += QStringLiteral("t%1 ").arg(i);
        }
        const QByteArray csv =
            "title,body,tags\n"
            "Good one,Fine.,ok\n"
            "  ,No title.,x\n" +
            QByteArray("Too big,") + QByteArray(AnswerLimits::BodyBytes + 1, 'x') +
            ",x\n"
            "Too many tags,x," +
            tooMany.toUtf8() + "\n" + "Long tag,x," + QByteArray(AnswerLimits::TagChars + 1, 'a') +
            "\n" + QByteArray(AnswerLimits::TitleChars + 1, 'T') + ",x,x\n" + "Good two,Fine.,\n";
        const QString file = path(QStringLiteral("bad.csv"));
        writeFile(file, csv);
        const Report report = import(file);
        QCOMPARE(report.created, 2);
        QCOMPARE(report.problems.size(), 5);
        QCOMPARE(report.problems[0], QStringLiteral("row 3: the title is empty"));
        QVERIFY(report.problems[1].startsWith(QStringLiteral("row 4: the text is larger")));
        QVERIFY(report.problems[2].startsWith(QStringLiteral("row 5: it has more than 20")));
        QVERIFY(report.problems[3].startsWith(QStringLiteral("row 6: the tag")));
        QVERIFY(report.problems[4].startsWith(QStringLiteral("row 7: the title is longer")));
        QCOMPARE(all().size(), 2);
        QCOMPARE(await(answers->pendingActions()).value().size(), 2);
    }

    // Matching: by id first, else by title (any case, trimmed), never a conflict copy; a
    // change is an edit (pending, queued once, based on the published version).
    void matchingAndUpdates() {
        Answer remote;
        remote.id = QStringLiteral("2b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11");
        remote.title = QStringLiteral("Reset the router");
        remote.body = QStringLiteral("Hold the button.");
        remote.author = QStringLiteral("bob@example.com");
        remote.created = remote.updated = QDateTime::currentDateTimeUtc().addDays(-1);
        remote.version = 4;
        QVERIFY(await(answers->applyRemote(remote)).value());
        QVERIFY(await(answers->countUse(remote.id)).ok());

        const QString csv = path(QStringLiteral("m.csv"));
        writeFile(csv,
                  "id,title,body,tags\n"
                  ",  RESET THE ROUTER ,Hold the button for 10 s.,net\n"              // by title
                  "2b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11,Router reset,Hold it.,net\n"  // by id
                  ",New one,a,\n"
                  ",new ONE,b,\n"  // the same title again: updates the row before
                  ",new ONE,b,\n"  // identical to what the rows before made
                  "3b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11,With its id,c,\n"
                  "not-a-uuid,No uuid,d,\n");
        const Report report = import(csv);
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(u'\n')));
        QCOMPARE(report.created, 3);
        QCOMPARE(report.updated, 3);
        QCOMPARE(report.skipped, 1);
        QCOMPARE(all().size(), 4);

        const Answer router = await(answers->get(remote.id)).value();
        QCOMPARE(router.title, QStringLiteral("Router reset"));
        QCOMPARE(router.body, QStringLiteral("Hold it."));
        QCOMPARE(router.state, Answer::State::Pending);
        QCOMPARE(router.version, 5);
        QCOMPARE(router.author, Alice);
        QCOMPARE(router.uses, 1);
        QCOMPARE(router.created, remote.created);
        QCOMPARE(byTitle(QStringLiteral("new ONE")).body, QStringLiteral("b"));
        QVERIFY(await(answers->get(QStringLiteral("3b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11"))).ok());
        QVERIFY(!QUuid::fromString(byTitle(QStringLiteral("No uuid")).id).isNull());

        const auto queued = await(answers->pendingActions()).value();
        QCOMPARE(queued.size(), 4);
        for (const LibraryAction& action : queued) {
            QCOMPARE(action.baseVersion, action.itemId == remote.id ? 4 : 0);
        }

        // A conflict copy is never matched by title: the row makes a new answer.
        Answer loser = router;
        loser.title = QStringLiteral("Only in the copy");
        QVERIFY(await(answers->keepConflict(router, true, 4, loser)).ok());
        const QString again = path(QStringLiteral("c.csv"));
        writeFile(again, "title,body\nOnly in the copy,x\n");
        QCOMPARE(import(again).created, 1);
        QCOMPARE(all().size(), 6);
    }

    // Issue 4, "Must show" 5: a 5,000-answer CSV imported twice creates no duplicates.
    void fiveThousandRowsTwice() {
        QList<QStringList> records{
            {QStringLiteral("title"), QStringLiteral("body"), QStringLiteral("tags")}};
        for (int i = 0; i < 5000; ++i) {
            records << QStringList{
                QStringLiteral("Answer %1, \"quoted\"").arg(i),
                QStringLiteral("Hi {{customer.name|there}},\nstep %1, then \"retry\".\r\n").arg(i),
                QStringLiteral("tag%1 common").arg(i % 50)};
        }
        const QString file = path(QStringLiteral("5000.csv"));
        writeFile(file, CsvTable::write(records));

        QElapsedTimer timer;
        timer.start();
        const Report first = import(file);
        const qint64 firstMs = timer.restart();
        QVERIFY2(first.problems.isEmpty(), qPrintable(first.problems.join(u'\n')));
        QCOMPARE(first.created, 5000);
        QCOMPARE(first.updated, 0);
        QCOMPARE(first.skipped, 0);
        const Report second = import(file);
        const qint64 secondMs = timer.elapsed();
        QCOMPARE(second.created, 0);
        QCOMPARE(second.updated, 0);
        QCOMPARE(second.skipped, 5000);
        QCOMPARE(all().size(), 5000);
        QCOMPARE(await(answers->pendingActions()).value().size(), 5000);
        qInfo("5,000-row CSV: first import %lld ms, second (all skipped) %lld ms", firstMs,
              secondMs);

        // Three rows edited in the file: three answers updated, the rest skipped.
        records[10][1] = QStringLiteral("changed body");
        records[2000][2] = QStringLiteral("new-tag");
        records[4999][0] = QStringLiteral("answer 4998, \"QUOTED\"");  // same title, other case
        writeFile(file, CsvTable::write(records));
        const Report third = import(file);
        QCOMPARE(third.created, 0);
        QCOMPARE(third.updated, 3);
        QCOMPARE(third.skipped, 4997);
        QCOMPARE(all().size(), 5000);
        QCOMPARE(byTitle(QStringLiteral("Answer 9, \"quoted\"")).body,
                 QStringLiteral("changed body"));
    }

    void exportThenImportChangesNothing() {
        Answer tricky;
        tricky.title = QStringLiteral("Quotes \"here\", commas: and #hash");
        tricky.body = QStringLiteral("Line one\n\n---\nline, \"two\"\r\nend\n");
        tricky.tags = {QStringLiteral("printer"), QStringLiteral("wi-fi")};
        tricky.author = Alice;
        QVERIFY(await(answers->create(tricky)).ok());
        Answer plain;
        plain.title = QStringLiteral("Café ☕ ünïcode");
        plain.author = Alice;
        const Answer created = await(answers->create(plain)).value();
        QVERIFY(await(answers->markPublished(created)).ok());
        Answer same = plain;  // a title that makes the same file name
        same.title = QStringLiteral("Cafe unicode!");
        QVERIFY(await(answers->create(same)).ok());
        const QList<Answer> before = all();
        QCOMPARE(before.size(), 3);

        for (const QString& name :
             {QStringLiteral("out.json"), QStringLiteral("out.csv"), QStringLiteral("out/")}) {
            const auto written = AnswerExport::write(path(name), before);
            QVERIFY2(written.ok(), qPrintable(written.error().message));
            const Report again = import(path(name));
            QVERIFY2(again.problems.isEmpty(), qPrintable(again.problems.join(u'\n')));
            QCOMPARE(again.skipped, 3);
            QCOMPARE(again.created + again.updated, 0);
        }
        QCOMPARE(all().size(), 3);
        QCOMPARE(QDir(path(QStringLiteral("out"))).entryList(QDir::Files).size(), 3);
        QVERIFY(QFile::exists(path(QStringLiteral("out")) + QStringLiteral("/cafe-unicode-") +
                              created.id.left(8) + QStringLiteral(".md")));

        // Names never collide, even for the same title and the same start of the id.
        Answer twin = created;
        twin.id.replace(9, 4, QStringLiteral("ffff"));
        const QString name = MarkdownAnswer::fileName(created, {});
        QCOMPARE(name,
                 QStringLiteral("cafe-unicode-") + created.id.left(8) + QStringLiteral(".md"));
        const QString other = MarkdownAnswer::fileName(twin, {name.toLower()});
        QVERIFY(other != name);
        QVERIFY(other.contains(QString(twin.id).remove(u'-')));
        twin.title = QStringLiteral("???");
        QVERIFY(MarkdownAnswer::fileName(twin, {}).startsWith(QStringLiteral("answer-")));

        // Into another profile: the same answers, with their ids.
        const QString json = path(QStringLiteral("out.json"));
        const QString folder = path(QStringLiteral("out"));
        cleanup();
        init();
        const Report fresh = import(json);
        QCOMPARE(fresh.created, 3);
        for (const Answer& a : before) {
            const auto copy = await(answers->get(a.id));
            QVERIFY(copy.ok());
            QCOMPARE(copy.value().title, a.title);
            QCOMPARE(copy.value().body, a.body);
            QCOMPARE(copy.value().tags, a.tags);
        }
        QCOMPARE(import(folder).skipped, 3);

        QVERIFY(!AnswerExport::write(path(QStringLiteral("out.txt")), before).ok());
        QVERIFY(!AnswerExport::write(QStringLiteral("/proc/nope/out.json"), before).ok());
    }
};

QTEST_GUILESS_MAIN(TestAnswerImport)
#include "tst_answerimport.moc"
