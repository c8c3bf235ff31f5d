#include "ssh/hostkeyverifier.h"

#include "ssh/knownhostsfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace nt {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Ssh)
};

struct KeyGuard {
    ssh_key key = nullptr;
    ~KeyGuard() { ssh_key_free(key); }
};

QString hostPort(const SshHostSettings &hop) {
    return hop.host + QLatin1Char(':') + QString::number(hop.port);
}

SshStatus changedKey(const SshHostSettings &hop, const SshConnectOptions &options,
                     const QString &keyType, const QString &fp) {
    QList<KnownHostsLine> lines = KnownHostsFile::find(options.knownHostsFile, hop.host, hop.port);
    if (!options.globalKnownHostsFile.isEmpty())
        lines += KnownHostsFile::find(options.globalKnownHostsFile, hop.host, hop.port);
    // Name the line holding a key of the server's type if there is one: that is the key that
    // changed; otherwise the first line for the host (the server now offers another type).
    const KnownHostsLine *line = lines.isEmpty() ? nullptr : &lines.first();
    for (const KnownHostsLine &candidate : lines) {
        if (candidate.keyType == keyType) {
            line = &candidate;
            break;
        }
    }
    const QString where =
        line ? line->file + QLatin1Char(':') + QString::number(line->line) : options.knownHostsFile;
    return {
        SshErrorKind::HostKeyChanged,
        Tr::tr("WARNING: the host key of %1 has CHANGED and does not match %2; the server now "
               "offers %3 %4. Someone may be intercepting the connection, or the host was "
               "rebuilt: confirm the new fingerprint with its owner, then remove that line "
               "(ssh-keygen -R '%5'). Refused before authenticating.")
            .arg(hostPort(hop), where, keyType, fp, KnownHostsFile::hostName(hop.host, hop.port))};
}

} // namespace

QString HostKeyVerifier::fingerprint(ssh_key key) {
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != SSH_OK)
        return {};
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    const QString result = QString::fromLatin1(text);
    ssh_string_free_char(text);
    ssh_clean_pubkey_hash(&hash);
    return result;
}

SshStatus HostKeyVerifier::verify(ssh_session session, const SshHostSettings &hop,
                                  const SshConnectOptions &options) {
    KeyGuard key;
    if (ssh_get_server_publickey(session, &key.key) != SSH_OK)
        return {SshErrorKind::HostKeyError,
                Tr::tr("%1 sent no usable host key: %2")
                    .arg(hostPort(hop), QString::fromUtf8(ssh_get_error(session)))};
    const QString keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.key)));
    const QString fp = fingerprint(key.key);

    switch (ssh_session_is_known_server(session)) {
    case SSH_KNOWN_HOSTS_OK:
        return SshStatus::success();
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER: // a key of another type is known: treat it as changed, as ssh does
        return changedKey(hop, options, keyType, fp);
    case SSH_KNOWN_HOSTS_ERROR:
        return {SshErrorKind::HostKeyError, Tr::tr("Cannot check the host key of %1 against %2: %3")
                                                .arg(hostPort(hop), options.knownHostsFile,
                                                     QString::fromUtf8(ssh_get_error(session)))};
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        break;
    }

    HostKeyDecision decision = HostKeyDecision::Refuse;
    switch (options.unknownHostKey) {
    case UnknownHostKeyPolicy::Refuse:
        break;
    case UnknownHostKeyPolicy::Ask:
        if (options.callbacks.unknownHostKey)
            decision = options.callbacks.unknownHostKey(
                HostKeyQuestion{hop.host, hop.port, keyType, fp, options.knownHostsFile});
        break;
    case UnknownHostKeyPolicy::AcceptAndSave:
        decision = HostKeyDecision::TrustAndSave;
        break;
    case UnknownHostKeyPolicy::AcceptOnce:
        decision = HostKeyDecision::TrustOnce;
        break;
    }

    switch (decision) {
    case HostKeyDecision::TrustOnce:
        return SshStatus::success();
    case HostKeyDecision::TrustAndSave:
        QDir().mkpath(QFileInfo(options.knownHostsFile).absolutePath());
        if (ssh_session_update_known_hosts(session) != SSH_OK)
            return {SshErrorKind::HostKeyError,
                    Tr::tr("Cannot save the host key of %1 to %2: %3")
                        .arg(hostPort(hop), options.knownHostsFile,
                             QString::fromUtf8(ssh_get_error(session)))};
        return SshStatus::success();
    case HostKeyDecision::Refuse:
        break;
    }
    return {SshErrorKind::HostKeyUnknown,
            Tr::tr("The host %1 is not in %2; its %3 key fingerprint is %4. Refused: check the "
                   "fingerprint, then trust it (nodetriage ssh --accept-new-host-key).")
                .arg(hostPort(hop), options.knownHostsFile, keyType, fp)};
}

} // namespace nt
