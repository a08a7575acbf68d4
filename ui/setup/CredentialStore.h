// Where the account's password lives between runs: the system keychain (qtkeychain: Secret
// Service, KWallet, macOS Keychain, Windows Credential Store), never the settings file.
// Asynchronous like the keychain itself; tests use the in-memory store.
#pragma once

#include <QHash>
#include <QObject>
#include <functional>

#include "common/Result.h"

namespace rapport::ui {

class CredentialStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    using ReadDone = std::function<void(const Result<QString>&)>;  // NotFound if none
    using WriteDone = std::function<void(const Result<void>&)>;

    virtual void readPassword(const QString& bareJid, ReadDone done) = 0;
    virtual void writePassword(const QString& bareJid, const QString& password, WriteDone done) = 0;
    virtual void forgetPassword(const QString& bareJid, WriteDone done) = 0;
};

// The system keychain, through qtkeychain. Each account is one entry of the service
// "Rapport", keyed by its bare JID.
class KeychainCredentialStore : public CredentialStore {
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;
    void readPassword(const QString& bareJid, ReadDone done) override;
    void writePassword(const QString& bareJid, const QString& password, WriteDone done) override;
    void forgetPassword(const QString& bareJid, WriteDone done) override;
};

// For tests and for a session without a keychain: remembered until the program ends.
class MemoryCredentialStore : public CredentialStore {
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;
    void readPassword(const QString& bareJid, ReadDone done) override;
    void writePassword(const QString& bareJid, const QString& password, WriteDone done) override;
    void forgetPassword(const QString& bareJid, WriteDone done) override;

private:
    QHash<QString, QString> m_passwords;
};

}  // namespace rapport::ui
