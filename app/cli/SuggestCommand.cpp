#include "cli/SuggestCommand.h"

#include <QJsonObject>

#include "cli/CliSession.h"
#include "cli/JsonOutput.h"
#include "library/ReplySuggestions.h"
#include "search/SearchService.h"
#include "store/Database.h"

namespace rapport::cli {

int runSuggest(const CliOptions& options, Account& account) {
    if (options.args.isEmpty() || options.limit.value_or(1) < 1) {
        printErrorLine(QObject::tr("usage: rapport-cli --jid JID suggest TEXT [--limit N]"));
        return ExitUsage;
    }
    const QString text = options.args.join(u' ');
    const int limit = options.limit.value_or(library::ReplySuggestions::Count);
    search::SearchOptions searchOptions;
    searchOptions.highlightOpen = QStringLiteral("[");
    searchOptions.highlightClose = QStringLiteral("]");
    QString error;
    const QList<search::SearchHit> hits =
        account.database()
            .run([text, limit, searchOptions, &error](QSqlDatabase& db) {
                return search::SearchService::suggestAnswers(db, text, limit, searchOptions,
                                                             &error);
            })
            .result();
    if (!error.isEmpty()) {
        printErrorLine(error);
        return ExitInternal;
    }
    for (const search::SearchHit& hit : hits) {
        printJsonLine({{QStringLiteral("id"), hit.id},
                       {QStringLiteral("title"), hit.title},
                       {QStringLiteral("score"), hit.score},
                       {QStringLiteral("snippet"), hit.snippet}});
    }
    return ExitOk;
}

}  // namespace rapport::cli
