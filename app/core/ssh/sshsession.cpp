#include "ssh/sshsession.h"

#include "ssh/canceltoken.h"
#include "ssh/hostkeyverifier.h"
#include "ssh/sshauthenticator.h"

#include <QCoreApplication>
#include <QFile>
#include <unistd.h>

namespace nt {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Ssh)
};
} // namespace

SshSession::SshSession(SshHostSettings hop, const SshConnectOptions &options, CancelToken &cancel)
    : m_hop(std::move(hop))
    , m_options(options)
    , m_cancel(cancel) {}

SshSession::~SshSession() {
    if (m_session) {
        if (ssh_is_connected(m_session)) {
            // libssh writes a packet straight away only if a poll saw the socket writable since
            // its last write; otherwise it queues it, and ssh_disconnect closes the socket with
            // the goodbye still queued. One poll first makes the disconnect message go out.
            pollOnce();
            ssh_disconnect(m_session);
        }
        ssh_free(m_session);
    }
    if (m_fd >= 0) {
        m_cancel.unregisterSocket(m_fd);
        ::close(m_fd);
    }
}

void SshSession::pollOnce() {
    // A temporary event: a session left in an ssh_event would make later blocking calls
    // poll the event's context instead of its own.
    ssh_event event = ssh_event_new();
    if (!event)
        return;
    if (ssh_event_add_session(event, m_session) == SSH_OK) {
        ssh_event_dopoll(event, 0);
        ssh_event_remove_session(event, m_session);
    }
    ssh_event_free(event);
}

bool SshSession::processInput() {
    if (!isConnected())
        return false;
    pollOnce();
    return isConnected();
}

bool SshSession::isConnected() const {
    return m_session && ssh_is_connected(m_session);
}

QString SshSession::lastError() const {
    return m_session ? QString::fromUtf8(ssh_get_error(m_session)) : QString();
}

SshStatus SshSession::setOptions() {
    const QByteArray host = m_hop.host.toUtf8();
    const QByteArray user = m_hop.user.toUtf8();
    const QByteArray knownHosts = QFile::encodeName(m_options.knownHostsFile);
    // An empty global file would make libssh read /etc/ssh/ssh_known_hosts behind our back.
    const QByteArray globalKnownHosts = m_options.globalKnownHostsFile.isEmpty()
                                            ? QByteArrayLiteral("/dev/null")
                                            : QFile::encodeName(m_options.globalKnownHostsFile);
    const unsigned int port = unsigned(m_hop.port);
    const long seconds = m_options.timeoutMs / 1000;
    const long micros = (m_options.timeoutMs % 1000) * 1000L;
    const int verbosity = SSH_LOG_NOLOG;
    // We read ~/.ssh/config ourselves (SshConfig); libssh must not apply it a second time.
    const bool processConfig = false;
    const int dupFd = ::dup(m_fd);
    const bool ok =
        ssh_options_set(m_session, SSH_OPTIONS_LOG_VERBOSITY, &verbosity) == 0 &&
        ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig) == 0 &&
        ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData()) == 0 &&
        ssh_options_set(m_session, SSH_OPTIONS_PORT, &port) == 0 &&
        ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData()) == 0 &&
        ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData()) == 0 &&
        ssh_options_set(m_session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, globalKnownHosts.constData()) ==
            0 &&
        ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &seconds) == 0 &&
        ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT_USEC, &micros) == 0 && dupFd >= 0 &&
        ssh_options_set(m_session, SSH_OPTIONS_FD, &dupFd) == 0;
    if (!ok) {
        if (dupFd >= 0)
            ::close(dupFd);
        return {
            SshErrorKind::Protocol,
            Tr::tr("Cannot set up the SSH session to %1: %2").arg(m_hop.display(), lastError())};
    }
    return SshStatus::success();
}

SshStatus SshSession::open(int fd) {
    m_fd = fd;
    m_cancel.registerSocket(m_fd);
    m_session = ssh_new();
    if (!m_session)
        return {SshErrorKind::Protocol, Tr::tr("Cannot create an SSH session")};
    if (SshStatus status = setOptions(); !status.ok())
        return status;

    if (ssh_connect(m_session) != SSH_OK) {
        if (m_cancel.isCanceled())
            return {SshErrorKind::Canceled,
                    Tr::tr("Connecting to %1 was canceled").arg(m_hop.display())};
        const QString error = lastError();
        const bool timeout = error.contains(QStringLiteral("imeout"));
        return {timeout ? SshErrorKind::Timeout : SshErrorKind::Protocol,
                Tr::tr("SSH handshake with %1 failed: %2").arg(m_hop.display(), error)};
    }
    if (SshStatus status = HostKeyVerifier::verify(m_session, m_hop, m_options); !status.ok())
        return status;
    return SshAuthenticator(m_session, m_hop, m_options, m_cancel).authenticate();
}

} // namespace nt
