#pragma once
// One session channel on the target: a command (exec) or an interactive shell on a PTY. Data,
// EOF, exit status and close arrive through libssh's channel callbacks while the worker polls;
// nothing here blocks except the short requests that open the channel.
#include "ssh/sshtypes.h"

#include <functional>
#include <libssh/callbacks.h>
#include <libssh/libssh.h>

namespace nt {

class SshChannelRunner {
public:
    explicit SshChannelRunner(ssh_session session);
    ~SshChannelRunner(); // closes the channel if still open and frees it
    SshChannelRunner(const SshChannelRunner &) = delete;
    SshChannelRunner &operator=(const SshChannelRunner &) = delete;

    SshStatus startExec(const QString &command, const SshExecOptions &options);
    SshStatus startShell(const QString &term, SshPtySize size);
    SshStatus write(const QByteArray &data);
    SshStatus resize(SshPtySize size);

    // The server closed the channel (after the exit status, if it sent one).
    bool finished() const { return m_closed; }

    int exitStatus() const { return m_exitStatus; }
    QString exitSignal() const { return m_exitSignal; }

    // Called (from SshSession::processInput) for each chunk of output.
    std::function<void(const QByteArray &data, bool isStderr)> onData;

private:
    SshStatus openChannel(const QString &what);
    SshStatus requestFailed(const QString &what) const;

    static int dataCallback(ssh_session, ssh_channel, void *data, uint32_t length, int isStderr,
                            void *userdata);
    static void closeCallback(ssh_session, ssh_channel, void *userdata);
    static void exitStatusCallback(ssh_session, ssh_channel, int status, void *userdata);
    static void exitSignalCallback(ssh_session, ssh_channel, const char *signal, int core,
                                   const char *message, const char *language, void *userdata);

    ssh_session m_session;
    ssh_channel m_channel = nullptr;
    ssh_channel_callbacks_struct m_callbacks{};
    bool m_closed = false;
    int m_exitStatus = -1;
    QString m_exitSignal;
};

} // namespace nt
