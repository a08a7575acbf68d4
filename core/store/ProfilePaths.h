// Where a profile keeps its state: `--profile DIR`, else $RAPPORT_PROFILE, else the
// platform's app data folder. One folder per account inside, named after its bare JID.
#pragma once

#include <QString>

namespace rapport::store {

class ProfilePaths {
public:
    // The environment variable that moves all state (tests, several accounts side by side).
    static constexpr const char* EnvironmentVariable = "RAPPORT_PROFILE";

    // `commandLine` is the value of --profile, empty if not given. Absolute.
    static QString profileDir(const QString& commandLine = {});
    // <profile>/<sanitized bare JID>
    static QString accountDir(const QString& profileDir, const QString& bareJid);
    // <profile>/<sanitized bare JID>/rapport.sqlite
    static QString accountDatabase(const QString& profileDir, const QString& bareJid);

    // A folder name for a bare JID: lowercase, and every character outside [a-z0-9@._-]
    // percent-encoded, so distinct JIDs never share a folder and none escapes the profile
    // ("../x" becomes "..%2Fx"). Very long JIDs are shortened with a hash.
    static QString sanitize(const QString& bareJid);
};

}  // namespace rapport::store
