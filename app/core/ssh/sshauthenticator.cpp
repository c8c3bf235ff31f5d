#include "ssh/sshauthenticator.h"

#include "ssh/canceltoken.h"

#include <cstring>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace nt {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Ssh)
};

void wipe(QByteArray &secret) {
    secret.fill('\0');
    secret.clear();
}

// libssh asks for a key's passphrase through a C callback; this carries our callback to it.
struct PassphraseRequest {
    const SshCallbacks *callbacks = nullptr;
    QString path;
    int attempt = 0;
    bool asked = false;
    bool declined = false;
};

int passphraseCallback(const char *, char *buffer, size_t length, int, int, void *userdata) {
    auto *request = static_cast<PassphraseRequest *>(userdata);
    request->asked = true;
    if (!request->callbacks->passphrase || length == 0) {
        request->declined = true;
        return -1;
    }
    std::optional<QByteArray> answer =
        request->callbacks->passphrase(request->path, request->attempt);
    if (!answer) {
        request->declined = true;
        return -1;
    }
    const size_t n = std::min(size_t(answer->size()), length - 1);
    std::memcpy(buffer, answer->constData(), n);
    buffer[n] = '\0';
    wipe(*answer);
    return 0;
}

constexpr int kPassphraseAttempts = 3;
constexpr int kPasswordAttempts = 3; // OpenSSH's NumberOfPasswordPrompts

} // namespace

SshAuthenticator::SshAuthenticator(ssh_session session, const SshHostSettings &hop,
                                   const SshConnectOptions &options, const CancelToken &cancel)
    : m_session(session)
    , m_hop(hop)
    , m_options(options)
    , m_cancel(cancel) {}

void SshAuthenticator::attempt(const QString &method) const {
    if (m_options.callbacks.authAttempt)
        m_options.callbacks.authAttempt(method);
}

SshAuthenticator::Outcome SshAuthenticator::check(int rc) {
    switch (rc) {
    case SSH_AUTH_SUCCESS:
        return Outcome::Success;
    case SSH_AUTH_PARTIAL:
        return Outcome::Partial;
    case SSH_AUTH_DENIED:
        return Outcome::Denied;
    default:
        return Outcome::Failed; // socket or protocol error: stop trying
    }
}

SshAuthenticator::Outcome SshAuthenticator::tryAgent() {
    if (!m_options.useAgent || qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
        return Outcome::Denied;
    attempt(QStringLiteral("publickey (agent)"));
    const Outcome outcome = check(ssh_userauth_agent(m_session, nullptr));
    if (outcome == Outcome::Denied)
        m_notes << Tr::tr("no key in the agent was accepted");
    return outcome;
}

SshAuthenticator::Outcome SshAuthenticator::tryKeyFile(const QString &path) {
    if (!QFileInfo::exists(path))
        return Outcome::Denied;
    const QByteArray localPath = QFile::encodeName(path);
    const QByteArray pubPath = localPath + ".pub";
    ssh_key publicKey = nullptr;
    if (QFileInfo::exists(QFile::decodeName(pubPath)) &&
        ssh_pki_import_pubkey_file(pubPath.constData(), &publicKey) == SSH_OK) {
        // Ask first whether the server would take this key: no passphrase prompt for nothing.
        attempt(QStringLiteral("publickey (query)"));
        const Outcome offered = check(ssh_userauth_try_publickey(m_session, nullptr, publicKey));
        ssh_key_free(publicKey);
        if (offered != Outcome::Success) {
            if (offered == Outcome::Denied)
                m_notes << Tr::tr("the key %1 is not accepted").arg(path);
            return offered;
        }
    }

    ssh_key privateKey = nullptr;
    PassphraseRequest request{&m_options.callbacks, path, 0, false, false};
    for (int tries = 0; tries < kPassphraseAttempts && !privateKey; ++tries) {
        request.attempt = tries;
        request.asked = false;
        if (ssh_pki_import_privkey_file(localPath.constData(), nullptr, passphraseCallback,
                                        &request, &privateKey) == SSH_OK)
            break;
        privateKey = nullptr;
        if (!request.asked || request.declined)
            break;
    }
    if (!privateKey) {
        m_keyProblem = true;
        if (request.declined)
            m_notes << Tr::tr("no passphrase was given for the key %1").arg(path);
        else if (request.asked)
            m_notes << Tr::tr("wrong passphrase for the key %1").arg(path);
        else
            m_notes
                << Tr::tr("cannot read the key %1 (not an OpenSSH or PEM private key?)").arg(path);
        return Outcome::Denied;
    }
    attempt(QStringLiteral("publickey"));
    const Outcome outcome = check(ssh_userauth_publickey(m_session, nullptr, privateKey));
    ssh_key_free(privateKey);
    if (outcome == Outcome::Denied)
        m_notes << Tr::tr("the key %1 is not accepted").arg(path);
    return outcome;
}

SshAuthenticator::Outcome SshAuthenticator::tryKeyboardInteractive() {
    if (!m_options.callbacks.keyboardInteractive)
        return Outcome::Denied;
    // As OpenSSH's NumberOfPasswordPrompts: a refused answer (a mistyped password) starts a new
    // round, up to three, each telling the user that the last answer was refused.
    for (int round = 0; round < kPasswordAttempts; ++round) {
        if (m_cancel.isCanceled())
            return Outcome::Failed;
        attempt(QStringLiteral("keyboard-interactive"));
        bool asked = false;
        int rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
        while (rc == SSH_AUTH_INFO) {
            KbdInteractiveQuestion question;
            question.name = QString::fromUtf8(ssh_userauth_kbdint_getname(m_session));
            question.instruction = QString::fromUtf8(ssh_userauth_kbdint_getinstruction(m_session));
            question.attempt = round;
            const int count = ssh_userauth_kbdint_getnprompts(m_session);
            for (int i = 0; i < count; ++i) {
                char echo = 0;
                question.prompts << QString::fromUtf8(
                    ssh_userauth_kbdint_getprompt(m_session, unsigned(i), &echo));
                question.echo << (echo != 0);
            }
            // A round may hold no prompt at all (OpenSSH sends an empty one last): answer it
            // without asking anybody.
            std::optional<QList<QByteArray>> answers;
            if (count == 0)
                answers.emplace();
            else
                answers = m_options.callbacks.keyboardInteractive(question);
            asked = asked || count > 0;
            if (!answers || answers->size() != count) {
                m_notes << (round > 0 ? Tr::tr("the keyboard-interactive answers were refused")
                                      : Tr::tr("keyboard-interactive authentication was declined"));
                return Outcome::Denied;
            }
            for (int i = 0; i < count; ++i) {
                ssh_userauth_kbdint_setanswer(m_session, unsigned(i), (*answers)[i].constData());
                wipe((*answers)[i]);
            }
            rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
        }
        const Outcome outcome = check(rc);
        if (outcome != Outcome::Denied || !asked) {
            if (outcome == Outcome::Denied)
                m_notes << Tr::tr("keyboard-interactive authentication was refused");
            return outcome;
        }
    }
    m_notes
        << Tr::tr("the keyboard-interactive answers were refused %1 times").arg(kPasswordAttempts);
    return Outcome::Denied;
}

SshAuthenticator::Outcome SshAuthenticator::tryPassword() {
    if (!m_options.callbacks.password)
        return Outcome::Denied;
    for (int round = 0; round < kPasswordAttempts; ++round) {
        if (m_cancel.isCanceled())
            return Outcome::Failed;
        std::optional<QByteArray> password =
            m_options.callbacks.password(Tr::tr("Password for %1:").arg(m_hop.display()), round);
        if (!password) {
            if (round > 0)
                m_notes << Tr::tr("the password was refused");
            return Outcome::Denied;
        }
        attempt(QStringLiteral("password"));
        const Outcome outcome =
            check(ssh_userauth_password(m_session, nullptr, password->constData()));
        wipe(*password);
        if (outcome != Outcome::Denied)
            return outcome;
    }
    m_notes << Tr::tr("the password was refused %1 times").arg(kPasswordAttempts);
    return Outcome::Denied;
}

SshStatus SshAuthenticator::failure(const QString &reason) const {
    if (m_cancel.isCanceled())
        return {SshErrorKind::Canceled,
                Tr::tr("Connecting to %1 was canceled").arg(m_hop.display())};
    return {SshErrorKind::ConnectionLost,
            Tr::tr("Connection to %1 lost during authentication: %2").arg(m_hop.display(), reason)};
}

SshStatus SshAuthenticator::authenticate() {
    attempt(QStringLiteral("none"));
    Outcome outcome = check(ssh_userauth_none(m_session, nullptr));
    for (int round = 0; round < 4 && outcome != Outcome::Success; ++round) {
        if (outcome == Outcome::Failed)
            return failure(QString::fromUtf8(ssh_get_error(m_session)));
        const int methods = ssh_userauth_list(m_session, nullptr);
        outcome = Outcome::Denied;
        if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
            outcome = tryAgent();
            for (const QString &file : m_hop.identityFiles) {
                if (outcome != Outcome::Denied)
                    break;
                outcome = tryKeyFile(file);
            }
        }
        if (outcome == Outcome::Denied && (methods & SSH_AUTH_METHOD_INTERACTIVE))
            outcome = tryKeyboardInteractive();
        if (outcome == Outcome::Denied && (methods & SSH_AUTH_METHOD_PASSWORD))
            outcome = tryPassword();
        if (outcome == Outcome::Denied) {
            QStringList offered;
            if (methods & SSH_AUTH_METHOD_PUBLICKEY)
                offered << QStringLiteral("publickey");
            if (methods & SSH_AUTH_METHOD_INTERACTIVE)
                offered << QStringLiteral("keyboard-interactive");
            if (methods & SSH_AUTH_METHOD_PASSWORD)
                offered << QStringLiteral("password");
            const QString tried = m_notes.isEmpty() ? Tr::tr("no key or password to offer")
                                                    : m_notes.join(QStringLiteral("; "));
            return {m_keyProblem ? SshErrorKind::KeyFile : SshErrorKind::Auth,
                    Tr::tr("Permission denied for %1 (the server accepts: %2): %3")
                        .arg(m_hop.display(), offered.join(QStringLiteral(", ")), tried)};
        }
    }
    if (outcome == Outcome::Failed)
        return failure(QString::fromUtf8(ssh_get_error(m_session)));
    return outcome == Outcome::Success
               ? SshStatus::success()
               : SshStatus{SshErrorKind::Auth,
                           Tr::tr("Permission denied for %1: more authentication was required than "
                                  "we can give")
                               .arg(m_hop.display())};
}

} // namespace nt
