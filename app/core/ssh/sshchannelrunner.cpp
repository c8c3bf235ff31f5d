#include "ssh/sshchannelrunner.h"

#include <QCoreApplication>

namespace nt {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Ssh)
};
} // namespace

SshChannelRunner::SshChannelRunner(ssh_session session)
    : m_session(session) {
    m_callbacks.userdata = this;
    m_callbacks.channel_data_function = &SshChannelRunner::dataCallback;
    m_callbacks.channel_close_function = &SshChannelRunner::closeCallback;
    m_callbacks.channel_exit_status_function = &SshChannelRunner::exitStatusCallback;
    m_callbacks.channel_exit_signal_function = &SshChannelRunner::exitSignalCallback;
    ssh_callbacks_init(&m_callbacks);
}

SshChannelRunner::~SshChannelRunner() {
    if (!m_channel)
        return;
    if (ssh_is_connected(m_session) && !ssh_channel_is_closed(m_channel))
        ssh_channel_close(m_channel);
    ssh_channel_free(m_channel);
}

SshStatus SshChannelRunner::requestFailed(const QString &what) const {
    const bool lost = !ssh_is_connected(m_session);
    return {lost ? SshErrorKind::ConnectionLost : SshErrorKind::Channel,
            Tr::tr("%1 failed: %2").arg(what, QString::fromUtf8(ssh_get_error(m_session)))};
}

SshStatus SshChannelRunner::openChannel(const QString &what) {
    m_channel = ssh_channel_new(m_session);
    if (!m_channel || ssh_channel_open_session(m_channel) != SSH_OK)
        return requestFailed(what);
    ssh_set_channel_callbacks(m_channel, &m_callbacks);
    return SshStatus::success();
}

SshStatus SshChannelRunner::startExec(const QString &command, const SshExecOptions &options) {
    const QString what = Tr::tr("Running '%1'").arg(command);
    if (SshStatus status = openChannel(what); !status.ok())
        return status;
    if (options.requestPty && ssh_channel_request_pty(m_channel) != SSH_OK)
        return requestFailed(what);
    if (ssh_channel_request_exec(m_channel, command.toUtf8().constData()) != SSH_OK)
        return requestFailed(what);
    if (!options.stdinData.isEmpty() && write(options.stdinData).kind != SshErrorKind::None)
        return requestFailed(what);
    // Like `ssh host cmd </dev/null`: the command sees the end of its input.
    ssh_channel_send_eof(m_channel);
    return SshStatus::success();
}

SshStatus SshChannelRunner::startShell(const QString &term, SshPtySize size) {
    const QString what = Tr::tr("Opening a shell");
    if (SshStatus status = openChannel(what); !status.ok())
        return status;
    if (ssh_channel_request_pty_size(m_channel, term.toUtf8().constData(), size.columns,
                                     size.rows) != SSH_OK ||
        ssh_channel_request_shell(m_channel) != SSH_OK)
        return requestFailed(what);
    return SshStatus::success();
}

SshStatus SshChannelRunner::write(const QByteArray &data) {
    qsizetype done = 0;
    while (done < data.size()) {
        const int n =
            ssh_channel_write(m_channel, data.constData() + done, uint32_t(data.size() - done));
        if (n == SSH_ERROR)
            return requestFailed(Tr::tr("Sending input"));
        done += n;
    }
    return SshStatus::success();
}

SshStatus SshChannelRunner::resize(SshPtySize size) {
    if (ssh_channel_change_pty_size(m_channel, size.columns, size.rows) != SSH_OK)
        return requestFailed(Tr::tr("Resizing the terminal"));
    return SshStatus::success();
}

int SshChannelRunner::dataCallback(ssh_session, ssh_channel, void *data, uint32_t length,
                                   int isStderr, void *userdata) {
    auto *self = static_cast<SshChannelRunner *>(userdata);
    if (self->onData)
        self->onData(QByteArray(static_cast<const char *>(data), qsizetype(length)), isStderr != 0);
    return int(length);
}

void SshChannelRunner::closeCallback(ssh_session, ssh_channel, void *userdata) {
    static_cast<SshChannelRunner *>(userdata)->m_closed = true;
}

void SshChannelRunner::exitStatusCallback(ssh_session, ssh_channel, int status, void *userdata) {
    static_cast<SshChannelRunner *>(userdata)->m_exitStatus = status;
}

void SshChannelRunner::exitSignalCallback(ssh_session, ssh_channel, const char *signal, int,
                                          const char *, const char *, void *userdata) {
    static_cast<SshChannelRunner *>(userdata)->m_exitSignal = QString::fromUtf8(signal);
}

} // namespace nt
