// The Library section's answer list over a real account store (no network): every answer,
// the most recently updated first, with what a row shows; search-as-you-type in the query
// language narrows it (answers only); the tag filter narrows it, with or without a query;
// the selection stays on its answer when an edit moves it to the top; a conflict copy is
// listed as such; changes from the team's node (LibrarySync::answersChanged) are picked up.
// QAbstractItemModelTester watches throughout.
#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "Await.h"
#include "account/Account.h"
#include "library/AnswerStore.h"
#include "library/LibrarySync.h"
#include "models/AnswerListModel.h"

using namespace rapport;
using library::Answer;
using models::AnswerListModel;

using rapport::test::await;

namespace {

const QString Me = QStringLiteral("me@example.com");
const QDateTime kStart(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

QStringList titles(const AnswerListModel& model) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        out << model.index(row).data(AnswerListModel::TitleRole).toString();
    }
    return out;
}

}  // namespace

class TestAnswerListModel : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<Account> account;
    int n = 0;
    QList<Answer> made;  // in creation order: oldest first

    Answer create(const QString& title, const QString& body, const QStringList& tags, int hour) {
        Answer a;
        a.title = title;
        a.body = body;
        a.tags = tags;
        a.author = Me;
        a.created = a.updated = kStart.addSecs(qint64(hour) * 3600);
        const auto r = await(account->answers().create(a));
        if (!r.ok()) {
            qWarning() << r.error().message;
            return {};
        }
        return r.value();
    }

    // Reloads and waits for the read to be applied.
    static void reloaded(AnswerListModel& model) {
        QSignalSpy loaded(&model, &AnswerListModel::loaded);
        model.reload();
        QTRY_VERIFY(!loaded.isEmpty());
    }

    // Types a query and waits for its result.
    static void query(AnswerListModel& model, const QString& text) {
        QSignalSpy loaded(&model, &AnswerListModel::loaded);
        model.setQuery(text);
        QTRY_VERIFY(!loaded.isEmpty());
    }

private slots:
    void init() {
        auto opened = Account::open(dir.filePath(QString::number(++n)), Jid(Me));
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        account = std::move(opened).value();
        made = {
            create(QStringLiteral("Printer shows E1234"),
                   QStringLiteral("The **firmware** update did not finish."),
                   {QStringLiteral("printer"), QStringLiteral("firmware")}, 1),
            create(QStringLiteral("Reset the router"),
                   QStringLiteral("Hold the reset button for ten seconds."),
                   {QStringLiteral("wifi"), QStringLiteral("router")}, 2),
            create(QStringLiteral("Paper jam in tray 2"),
                   QStringLiteral("Open tray 2 and pull the paper out gently."),
                   {QStringLiteral("printer")}, 3),
        };
        for (const Answer& a : made) {
            QVERIFY(!a.id.isEmpty());
        }
    }
    void cleanup() { account.reset(); }

    void listsEveryAnswerNewestFirst() {
        AnswerListModel model(*account);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(titles(model), (QStringList{QStringLiteral("Paper jam in tray 2"),
                                             QStringLiteral("Reset the router"),
                                             QStringLiteral("Printer shows E1234")}));
        const QModelIndex last = model.index(2);
        QCOMPARE(last.data(AnswerListModel::IdRole).toString(), made[0].id);
        QCOMPARE(last.data(AnswerListModel::TagsRole).toStringList(),
                 (QStringList{QStringLiteral("printer"), QStringLiteral("firmware")}));
        QCOMPARE(last.data(AnswerListModel::AuthorRole).toString(), Me);
        // No roster name for them: the address's user part, as the tips feed shows it.
        QCOMPARE(last.data(AnswerListModel::AuthorNameRole).toString(), QStringLiteral("me"));
        QCOMPARE(last.data(AnswerListModel::UpdatedRole).toDateTime(), made[0].updated);
        QCOMPARE(last.data(AnswerListModel::UsesRole).toInt(), 0);
        QCOMPARE(last.data(AnswerListModel::StateRole).toString(), QStringLiteral("pending"));
        QCOMPARE(last.data(AnswerListModel::ConflictOfRole).toString(), QString());
        QCOMPARE(last.data(AnswerListModel::BodyRole).toString(),
                 QStringLiteral("The **firmware** update did not finish."));
        QCOMPARE(last.data(Qt::DisplayRole).toString(), QStringLiteral("Printer shows E1234"));
        QCOMPARE(model.tags(), (QStringList{QStringLiteral("firmware"), QStringLiteral("printer"),
                                            QStringLiteral("router"), QStringLiteral("wifi")}));
        // A use is counted: the row updates in place.
        QVERIFY(await(account->answers().countUse(made[0].id)).ok());
        reloaded(model);
        QCOMPARE(model.index(2).data(AnswerListModel::UsesRole).toInt(), 1);
    }

    void searchNarrows() {
        AnswerListModel model(*account);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model.rowCount(), 3);
        // A word of a body.
        query(model, QStringLiteral("seconds"));
        QCOMPARE(titles(model), QStringList{QStringLiteral("Reset the router")});
        // A prefix while typing, two answers.
        query(model, QStringLiteral("tra*"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(titles(model), QStringList{QStringLiteral("Paper jam in tray 2")});
        query(model, QStringLiteral("pri*"));
        QCOMPARE(model.rowCount(), 2);
        // An exclusion and a filter of the query language.
        query(model, QStringLiteral("pri* -jam"));
        QCOMPARE(titles(model), QStringList{QStringLiteral("Printer shows E1234")});
        query(model, QStringLiteral("tag:wifi"));
        QCOMPARE(titles(model), QStringList{QStringLiteral("Reset the router")});
        // Nothing matches; then the whole library again.
        query(model, QStringLiteral("nosuchword"));
        QCOMPARE(model.rowCount(), 0);
        query(model, QStringLiteral("kind:tip printer"));  // tips only: no answer
        QCOMPARE(model.rowCount(), 0);
        query(model, QString());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.tags().size(), 4);  // the tags of the library, whatever the query
    }

    void tagFilterNarrows() {
        AnswerListModel model(*account);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model.rowCount(), 3);
        model.setTagFilter(QStringLiteral("printer"));
        QTRY_COMPARE(titles(model), (QStringList{QStringLiteral("Paper jam in tray 2"),
                                                 QStringLiteral("Printer shows E1234")}));
        // With a query: both apply.
        query(model, QStringLiteral("firmware"));
        QCOMPARE(titles(model), QStringList{QStringLiteral("Printer shows E1234")});
        query(model, QStringLiteral("router"));
        QCOMPARE(model.rowCount(), 0);
        query(model, QString());
        model.setTagFilter(QString());
        QTRY_COMPARE(model.rowCount(), 3);
    }

    void selectionSurvivesAnEdit() {
        AnswerListModel model(*account);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model.rowCount(), 3);
        QItemSelectionModel selection(&model);
        // The oldest answer (last row) is selected, then edited: it moves to the top.
        QCOMPARE(model.index(2).data(AnswerListModel::IdRole).toString(), made[0].id);
        selection.setCurrentIndex(model.index(2), QItemSelectionModel::ClearAndSelect);
        QSignalSpy moved(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const auto edited = await(account->answers().edit(
            made[0].id, {.title = QStringLiteral("Printer shows E1234 or E1235")}, Me));
        QVERIFY2(edited.ok(), qPrintable(edited.error().message));
        reloaded(model);
        QCOMPARE(moved.size(), 1);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(AnswerListModel::IdRole).toString(), made[0].id);
        QCOMPARE(selection.currentIndex().row(), 0);
        QCOMPARE(selection.currentIndex().data(AnswerListModel::TitleRole).toString(),
                 QStringLiteral("Printer shows E1234 or E1235"));
        QVERIFY(selection.isRowSelected(0));
        QCOMPARE(selection.selectedRows().size(), 1);

        // A removed answer leaves; the selection stays on its answer.
        QVERIFY(await(account->answers().remove(made[1].id)).ok());
        reloaded(model);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(made[1].id), -1);
        QCOMPARE(selection.currentIndex().data(AnswerListModel::IdRole).toString(), made[0].id);
    }

    void conflictCopyListed() {
        AnswerListModel model(*account);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model.rowCount(), 3);
        // Someone else's newer text won: ours is kept as a conflict copy.
        const Answer mine = made[1];
        Answer theirs = mine;
        theirs.body = QStringLiteral("Unplug it for a minute.");
        theirs.author = QStringLiteral("bob@example.com");
        theirs.version = 2;
        theirs.updated = mine.updated.addSecs(60);
        const auto copy = await(account->answers().keepConflict(theirs, false, 0, mine));
        QVERIFY2(copy.ok(), qPrintable(copy.error().message));
        // The team's node told us (as LibrarySync does): no explicit reload.
        emit account->library().answersChanged();
        QTRY_COMPARE(model.rowCount(), 4);
        const int row = model.rowOf(copy.value().id);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row).data(AnswerListModel::StateRole).toString(),
                 QStringLiteral("conflict"));
        QCOMPARE(model.index(row).data(AnswerListModel::ConflictOfRole).toString(), mine.id);
        QCOMPARE(model.index(row).data(AnswerListModel::BodyRole).toString(), mine.body);
        const int answerRow = model.rowOf(mine.id);
        QCOMPARE(model.index(answerRow).data(AnswerListModel::StateRole).toString(),
                 QStringLiteral("published"));
        QCOMPARE(model.index(answerRow).data(AnswerListModel::BodyRole).toString(), theirs.body);
        // Discarded: it goes.
        QVERIFY(await(account->answers().discardConflict(copy.value().id)).ok());
        reloaded(model);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(copy.value().id), -1);
    }
};

QTEST_MAIN(TestAnswerListModel)
#include "tst_answerlistmodel.moc"
