// rapport-cli's command line, parsed and checked. The password never comes from
// the command line (it would show in `ps`): RAPPORT_PASSWORD or --password-file.
#pragma once

#include <QStringList>
#include <QUrl>
#include <optional>

#include "common/Jid.h"
#include "common/Result.h"

namespace rapport::cli {

struct CliOptions {
    QString profileDir;
    QUrl server;  // empty: discover (XEP-0156)
    Jid jid;
    QString password;
    QString resource;
    bool allowInsecure = false;
    QString command;
    QStringList args;
    std::optional<int> count;
    std::optional<double> timeoutSeconds;
    std::optional<int> limit;
    std::optional<int> fetchOlder;  // history: first fetch up to N older from the archive
    Jid service;                    // --service: the team's pubsub service
    QStringList members;            // team init --members A,B
    std::optional<QString> title;   // answers add/edit
    std::optional<QString> bodyFile;
    std::optional<qint64> fromMessage;  // answers add --from-message ROW
    std::optional<QStringList> tags;    // --tag, repeated; set once one is given
    std::optional<QString> name;        // roster set --name
    QStringList groups;                 // roster set --group, repeated
};

// Parses argv. --help and --version are answered by the caller before this.
Result<CliOptions> parseCliOptions(const QStringList& arguments);
// Checks that an explicit server URL may be used: ws:// only to loopback or with
// --allow-insecure.
Result<void> checkServerUrl(const QUrl& url, bool allowInsecure);
QString cliUsage();

}  // namespace rapport::cli
