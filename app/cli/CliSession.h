// One signed-in session for a CLI command: finds the endpoint, connects with the
// features a command needs, and ends the process with the documented exit code.
#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <functional>

#include "account/Account.h"
#include "cli/CliOptions.h"
#include "xmpp/Client.h"

namespace rapport::cli {

enum ExitCode {
    ExitOk = 0,
    ExitInternal = 1,
    ExitUsage = 2,
    ExitAuthFailed = 3,
    ExitUnreachable = 4,
    ExitTimeout = 5,
};

int exitCodeFor(const Error& error);

class CliSession : public QObject {
    Q_OBJECT
public:
    CliSession(const CliOptions& options, Account& account, QObject* parent = nullptr);

    Account& account() { return m_account; }
    xmpp::Client& client() { return m_client; }
    const CliOptions& options() const { return m_options; }

    // Connects; calls onOnline once the session is up. Any failure before that ends the
    // process with its exit code. Once online, a dropped connection is resumed by itself.
    // Only an `available` session announces presence: one that does not is never sent
    // messages meant for the user's clients, nor takes their offline messages.
    enum class Presence { Available, Invisible };
    void start(std::function<void()> onOnline, Presence presence = Presence::Invisible);
    // Ends the session cleanly, then the process with `code`.
    void finish(int code);
    // Prints the error and ends with its exit code.
    void fail(const Error& error);
    // Decides about a failure to reach the server before the session was up: return true
    // if the command handled it (e.g. `send` keeps the message queued and succeeds).
    void setOfflineHandler(std::function<bool(const Error&)> handler) {
        m_offlineHandler = std::move(handler);
    }

private:
    void connectTo(const QUrl& url);

    CliOptions m_options;
    Account& m_account;
    xmpp::Client& m_client;
    std::function<bool(const Error&)> m_offlineHandler;
    QNetworkAccessManager m_nam;
    std::function<void()> m_onOnline;
    bool m_online = false;
    bool m_finishing = false;
};

}  // namespace rapport::cli
