// Where a profile and an account's database live: --profile, $RAPPORT_PROFILE, app data;
// and folder names for JIDs that never collide or escape the profile.
#include <QStandardPaths>
#include <QtTest>

#include "store/ProfilePaths.h"

using namespace rapport::store;

class TestStorePaths : public QObject {
    Q_OBJECT

private slots:
    void init() { qunsetenv(ProfilePaths::EnvironmentVariable); }
    void cleanup() { qunsetenv(ProfilePaths::EnvironmentVariable); }

    void profileDirPrefersCommandLineThenEnvironment() {
        QCoreApplication::setApplicationName(QStringLiteral("rapport-test"));
        QCOMPARE(
            ProfilePaths::profileDir(),
            QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        qputenv(ProfilePaths::EnvironmentVariable, "/tmp/from-env/");
        QCOMPARE(ProfilePaths::profileDir(), QStringLiteral("/tmp/from-env"));
        QCOMPARE(ProfilePaths::profileDir(QStringLiteral("/tmp/from-option")),
                 QStringLiteral("/tmp/from-option"));
        // Relative paths become absolute.
        QVERIFY(QDir::isAbsolutePath(ProfilePaths::profileDir(QStringLiteral("relative"))));
    }

    void accountDatabaseIsOneFolderPerAccount() {
        QCOMPARE(ProfilePaths::accountDatabase(QStringLiteral("/p"),
                                               QStringLiteral("Juliet@Example.com")),
                 QStringLiteral("/p/juliet@example.com/rapport.sqlite"));
    }

    void sanitizeNeverEscapesOrCollides() {
        QCOMPARE(ProfilePaths::sanitize(QStringLiteral("a.b-c_d@x.org")),
                 QStringLiteral("a.b-c_d@x.org"));
        const QStringList jids = {QStringLiteral("../etc@x"), QStringLiteral("a/b@x"),
                                  QStringLiteral("a%2Fb@x"),  QStringLiteral(".hidden@x"),
                                  QStringLiteral("a\\b@x"),   QStringLiteral("ä@x"),
                                  QStringLiteral("a:b@x"),    QStringLiteral("a b@x")};
        QSet<QString> names;
        for (const QString& jid : jids) {
            const QString name = ProfilePaths::sanitize(jid);
            QVERIFY2(!name.contains(u'/') && !name.contains(u'\\') && !name.contains(u':') &&
                         !name.startsWith(u'.') && !name.contains(u' '),
                     qPrintable(name));
            names.insert(name);
        }
        QCOMPARE(names.size(), jids.size());
        QCOMPARE(ProfilePaths::sanitize(QStringLiteral("../etc@x")),
                 QStringLiteral("%2E.%2Fetc@x"));

        const QString longLocal(600, u'a');
        const QString a = ProfilePaths::sanitize(longLocal + QStringLiteral("@x"));
        const QString b = ProfilePaths::sanitize(longLocal + QStringLiteral("@y"));
        QVERIFY(a.size() <= 120);
        QVERIFY(a != b);
    }
};

QTEST_GUILESS_MAIN(TestStorePaths)
#include "tst_storepaths.moc"
