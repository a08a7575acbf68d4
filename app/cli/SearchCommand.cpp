#include "cli/SearchCommand.h"

#include <QDateTime>
#include <QJsonObject>

#include "cli/CliSession.h"
#include "cli/JsonOutput.h"
#include "search/SearchService.h"
#include "store/Database.h"

namespace rapport::cli {

int runSearch(const CliOptions& options, Account& account) {
    if (options.args.isEmpty()) {
        printErrorLine(QObject::tr("usage: rapport-cli --jid JID search QUERY [--limit N]"));
        return ExitUsage;
    }
    const QString text = options.args.join(u' ');
    const int limit = options.limit.value_or(20);
    search::SearchOptions searchOptions;
    // Scripts read plain text: mark matches with brackets rather than control characters.
    searchOptions.highlightOpen = QStringLiteral("[");
    searchOptions.highlightClose = QStringLiteral("]");
    const QList<search::SearchHit> hits =
        account.database()
            .run([text, limit, searchOptions](QSqlDatabase& db) {
                return search::SearchService::search(db, text, limit, nullptr, searchOptions);
            })
            .result();
    for (const search::SearchHit& hit : hits) {
        QJsonObject line{{QStringLiteral("kind"), hit.kind},
                         {QStringLiteral("id"), hit.id},
                         {QStringLiteral("snippet"), hit.snippet},
                         {QStringLiteral("score"), hit.score}};
        if (!hit.title.isEmpty()) {
            line.insert(QStringLiteral("title"), hit.title);
        }
        if (hit.kind == u"message") {
            line.insert(QStringLiteral("conversation"), hit.conversation);
            line.insert(
                QStringLiteral("timestamp"),
                QDateTime::fromMSecsSinceEpoch(hit.timestamp, Qt::UTC).toString(Qt::ISODateWithMs));
        }
        printJsonLine(line);
    }
    return ExitOk;
}

}  // namespace rapport::cli
