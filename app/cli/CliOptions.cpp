#include "cli/CliOptions.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QProcessEnvironment>

namespace rapport::cli {

namespace {

Error usage(const QString& message) {
    return Error::make(ErrorCode::Usage, message);
}

// Options that take a value, and flags.
const QStringList kValueOptions = {
    QStringLiteral("--profile"),      QStringLiteral("--server"),
    QStringLiteral("--jid"),          QStringLiteral("--password-file"),
    QStringLiteral("--resource"),     QStringLiteral("--count"),
    QStringLiteral("--timeout"),      QStringLiteral("--limit"),
    QStringLiteral("--fetch-older"),  QStringLiteral("--service"),
    QStringLiteral("--members"),      QStringLiteral("--title"),
    QStringLiteral("--body-file"),    QStringLiteral("--tag"),
    QStringLiteral("--from-message"), QStringLiteral("--name"),
    QStringLiteral("--group")};

QString tr(const char* text) {
    return QCoreApplication::translate("rapport-cli", text);
}

}  // namespace

QString cliUsage() {
    return tr(
        "Usage: rapport-cli [--profile DIR] [--server URL] [--allow-insecure] --jid JID "
        "COMMAND ...\n"
        "\n"
        "The password comes from $RAPPORT_PASSWORD or --password-file FILE.\n"
        "\n"
        "Commands:\n"
        "  send JID TEXT                      send a chat message; exit once the server "
        "has it\n"
        "  listen [--count N] [--timeout S]   print incoming messages as JSON lines\n"
        "  roster                             print the roster as JSON lines\n"
        "  roster set JID [--name N] [--group G]...\n"
        "                                     add or change a contact: its name and roster\n"
        "                                     groups (\"Team\" for colleagues); prints it\n"
        "  profile [JID]                      the name in a profile (ours without JID)\n"
        "  profile set-name NAME              set our name, as the team sees it\n"
        "  sync                               catch up with the server's archive\n"
        "  history JID [--limit N] [--fetch-older N]\n"
        "                                     stored messages with JID, oldest first; with\n"
        "                                     --fetch-older, first fetches up to N older\n"
        "                                     ones from the server's archive\n"
        "  search QUERY [--limit N]           search stored chats, answers and tips\n"
        "  team init --service S --members JID,JID...\n"
        "                                     (an admin of the pubsub service) create the\n"
        "                                     team's library and add its members\n"
        "  team add-member JID | team remove-member JID [--service S]\n"
        "  answers list | show ID             the answer library, from the local store\n"
        "  answers add --title T --body-file F [--tag X]...\n"
        "  answers add --from-message ROW [--title T] [--tag X]...\n"
        "                                     save a chat message (its row, as history and\n"
        "                                     search print it) as an answer\n"
        "  answers edit ID [--title T] [--body-file F] [--tag X]...\n"
        "  answers delete ID                  change the library; published at once when\n"
        "                                     the server can be reached, else queued\n"
        "                                     (\"state\": \"pending\")\n"
        "  answers import FILE                add or update answers from FILE (*.json, *.csv,\n"
        "                                     or a folder of *.md); rows already there are\n"
        "                                     skipped, so running it twice changes nothing\n"
        "  answers export FILE                write the library to FILE (*.json, *.csv, or a\n"
        "                                     folder: an existing one, or a path ending in /)\n"
        "  suggest TEXT [--limit N]           the answers that best fit a customer's message\n"
        "                                     (3 unless --limit), from the local store\n"
        "  tips list [--limit N] | show ID    the team's tips feed, from the local store\n"
        "  tips post --body-file F [--tag X]...\n"
        "  tips comment ID TEXT | tips like ID | tips unlike ID\n"
        "                                     change the feed; published at once when the\n"
        "                                     server can be reached, else queued\n"
        "\n"
        "Exit codes: 0 success, 2 usage error, 3 authentication failed,\n"
        "            4 server unreachable or connection lost, 5 timeout.\n");
}

Result<void> checkServerUrl(const QUrl& url, bool allowInsecure) {
    if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss") ||
        url.host().isEmpty()) {
        return usage(
            tr("--server must be a ws:// or wss:// URL, e.g. "
               "wss://chat.example.com:5281/xmpp-websocket"));
    }
    if (url.scheme() == u"ws" && !allowInsecure) {
        const QHostAddress address(url.host());
        const bool loopback =
            url.host() == u"localhost" || (!address.isNull() && address.isLoopback());
        if (!loopback) {
            return usage(tr("Refusing unencrypted ws:// to %1: use wss://, or pass "
                            "--allow-insecure if you really mean it.")
                             .arg(url.host()));
        }
    }
    return Ok{};
}

Result<CliOptions> parseCliOptions(const QStringList& arguments) {
    CliOptions o;
    QString passwordFile;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    o.profileDir = env.value(QStringLiteral("RAPPORT_PROFILE"));

    QStringList positional;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString arg = arguments[i];
        QString value;
        bool hasInlineValue = false;
        if (arg.startsWith(u"--") && arg.contains(u'=')) {
            value = arg.mid(arg.indexOf(u'=') + 1);
            arg = arg.left(arg.indexOf(u'='));
            hasInlineValue = true;
        }
        if (arg == u"--") {
            positional += arguments.mid(i + 1);
            break;
        }
        if (kValueOptions.contains(arg)) {
            if (!hasInlineValue) {
                if (i + 1 >= arguments.size()) {
                    return usage(tr("%1 needs a value.").arg(arg));
                }
                value = arguments[++i];
            }
            bool ok = true;
            if (arg == u"--profile") {
                o.profileDir = value;
            } else if (arg == u"--server") {
                o.server = QUrl(value);
            } else if (arg == u"--jid") {
                if (!Jid::isValid(value) || Jid(value).local().isEmpty()) {
                    return usage(
                        tr("\"%1\" is not a valid account address (user@domain).").arg(value));
                }
                o.jid = Jid(value);
            } else if (arg == u"--password-file") {
                passwordFile = value;
            } else if (arg == u"--resource") {
                o.resource = value;
            } else if (arg == u"--count") {
                o.count = value.toInt(&ok);
                ok = ok && *o.count > 0;
            } else if (arg == u"--timeout") {
                o.timeoutSeconds = value.toDouble(&ok);
                ok = ok && *o.timeoutSeconds > 0;
            } else if (arg == u"--limit") {
                o.limit = value.toInt(&ok);
                ok = ok && *o.limit > 0;
            } else if (arg == u"--fetch-older") {
                o.fetchOlder = value.toInt(&ok);
                ok = ok && *o.fetchOlder > 0;
            } else if (arg == u"--service") {
                if (!Jid::isValid(value)) {
                    return usage(tr("\"%1\" is not a service address (e.g. pubsub.example.com).")
                                     .arg(value));
                }
                o.service = Jid(value);
            } else if (arg == u"--members") {
                for (const QString& m : value.split(u',', Qt::SkipEmptyParts)) {
                    const QString jid = m.trimmed();
                    if (!Jid::isValid(jid) || Jid(jid).local().isEmpty()) {
                        return usage(
                            tr("\"%1\" is not an account address (user@domain).").arg(jid));
                    }
                    o.members << Jid(jid).bareString();
                }
            } else if (arg == u"--title") {
                o.title = value;
            } else if (arg == u"--body-file") {
                o.bodyFile = value;
            } else if (arg == u"--from-message") {
                o.fromMessage = value.toLongLong(&ok);
                ok = ok && *o.fromMessage > 0;
            } else if (arg == u"--name") {
                o.name = value;
            } else if (arg == u"--group") {
                if (!value.trimmed().isEmpty()) {
                    o.groups << value.trimmed();
                }
            } else if (arg == u"--tag") {
                if (!o.tags) {
                    o.tags = QStringList();
                }
                *o.tags << value;
            }
            if (!ok) {
                return usage(tr("%1 needs a positive number, not \"%2\".").arg(arg, value));
            }
        } else if (arg == u"--allow-insecure") {
            o.allowInsecure = true;
        } else if (arg == u"--password") {
            return usage(
                tr("Passwords are not accepted on the command line (other users can "
                   "see them); use $RAPPORT_PASSWORD or --password-file."));
        } else if (arg.startsWith(u"-") && arg.size() > 1) {
            return usage(tr("Unknown option %1.").arg(arg));
        } else {
            positional << arguments[i];
        }
    }

    if (positional.isEmpty()) {
        return usage(tr("No command given."));
    }
    o.command = positional.takeFirst();
    o.args = positional;
    if (o.jid.isEmpty()) {
        return usage(tr("--jid is required."));
    }
    if (!o.server.isEmpty()) {
        Result<void> urlOk = checkServerUrl(o.server, o.allowInsecure);
        if (!urlOk.ok()) {
            return urlOk.error();
        }
    }

    if (!passwordFile.isEmpty()) {
        QFile f(passwordFile);
        if (!f.open(QIODevice::ReadOnly)) {
            return usage(
                tr("Cannot read the password file %1: %2").arg(passwordFile, f.errorString()));
        }
        o.password = QString::fromUtf8(f.readAll());
        // A trailing newline from `echo pw > file` is not part of the password.
        while (o.password.endsWith(u'\n') || o.password.endsWith(u'\r')) {
            o.password.chop(1);
        }
    } else {
        o.password = env.value(QStringLiteral("RAPPORT_PASSWORD"));
    }
    // Reading the local store needs no account password; talking to the server does.
    const bool offlineCommand =
        (o.command == u"history" && !o.fetchOlder) || o.command == u"search" ||
        o.command == u"suggest" ||
        (o.command == u"answers" && !o.args.isEmpty() &&
         (o.args.first() == u"list" || o.args.first() == u"show" || o.args.first() == u"export")) ||
        (o.command == u"tips" && !o.args.isEmpty() &&
         (o.args.first() == u"list" || o.args.first() == u"show"));
    if (o.password.isEmpty() && !offlineCommand) {
        return usage(tr("No password: set RAPPORT_PASSWORD or pass --password-file FILE."));
    }
    return o;
}

}  // namespace rapport::cli
