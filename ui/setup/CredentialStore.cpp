#include "setup/CredentialStore.h"

#include <qt6keychain/keychain.h>

namespace rapport::ui {

namespace {

const QString kService = QStringLiteral("Rapport");

Error keychainError(const QKeychain::Job& job) {
    return Error::make(
        job.error() == QKeychain::EntryNotFound ? ErrorCode::NotFound : ErrorCode::Io,
        CredentialStore::tr("The system keychain says: %1").arg(job.errorString()));
}

}  // namespace

void KeychainCredentialStore::readPassword(const QString& bareJid, ReadDone done) {
    auto* job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(bareJid);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(j);
        if (read->error() != QKeychain::NoError) {
            done(keychainError(*read));
            return;
        }
        done(read->textData());
    });
    job->start();
}

void KeychainCredentialStore::writePassword(const QString& bareJid, const QString& password,
                                            WriteDone done) {
    auto* job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(bareJid);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError) {
            done(keychainError(*j));
            return;
        }
        done(Ok{});
    });
    job->start();
}

void KeychainCredentialStore::forgetPassword(const QString& bareJid, WriteDone done) {
    auto* job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(bareJid);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            done(keychainError(*j));
            return;
        }
        done(Ok{});
    });
    job->start();
}

void MemoryCredentialStore::readPassword(const QString& bareJid, ReadDone done) {
    if (!m_passwords.contains(bareJid)) {
        done(Error::make(ErrorCode::NotFound, tr("No password is stored for %1.").arg(bareJid)));
        return;
    }
    done(m_passwords.value(bareJid));
}

void MemoryCredentialStore::writePassword(const QString& bareJid, const QString& password,
                                          WriteDone done) {
    m_passwords.insert(bareJid, password);
    done(Ok{});
}

void MemoryCredentialStore::forgetPassword(const QString& bareJid, WriteDone done) {
    m_passwords.remove(bareJid);
    done(Ok{});
}

}  // namespace rapport::ui
