#pragma once
// The SSH console's engine, for callers: one connection (through its ProxyJump chain) on its
// own worker thread. Every method is thread-safe and returns at once; results come back as
// QFutures (continue with .then(context, ...) in the GUI, block on result() in the CLI) and
// shell output as signals. cancel() interrupts whatever is in flight, connect included.
#include "ssh/sshtypes.h"

#include <memory>
#include <QFuture>
#include <QObject>

namespace nt {

class CancelToken;
class SshWorker;

struct SshShellResult {
    SshStatus status;
    int channelId = -1;
};

class SshClient : public QObject {
    Q_OBJECT
public:
    explicit SshClient(QObject *parent = nullptr);
    ~SshClient() override; // cancels what is in flight, drops the connection, joins the thread

    // Connects (again, after a loss or a disconnect) and authenticates. The callbacks in
    // `options` run on the worker thread.
    QFuture<SshStatus> connectToHost(SshConnectOptions options);
    // Sends a clean SSH disconnect on every hop.
    QFuture<SshStatus> disconnectFromHost();
    // Runs one command. Node-side checks must build `command` with CommandTemplate; this takes
    // it as given (the command line runs what its user typed, as ssh does).
    QFuture<SshExecResult> exec(const QString &command, SshExecOptions options = {});
    // A login shell on a PTY (TERM xterm-256color unless told otherwise).
    QFuture<SshShellResult> openShell(SshPtySize size,
                                      const QString &term = QStringLiteral("xterm-256color"));
    void writeShell(int channelId, const QByteArray &data);
    void resizeShell(int channelId, SshPtySize size);
    void closeShell(int channelId);

    // Interrupts the connect or command in flight; the connection is dropped.
    void cancel();

Q_SIGNALS:
    void shellOutput(int channelId, const QByteArray &data);
    void shellClosed(int channelId, int exitStatus, const QString &error);
    void connectionLost(const QString &message);

private:
    class Thread;
    std::shared_ptr<CancelToken> m_cancel;
    std::unique_ptr<Thread> m_thread;
    SshWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
};

} // namespace nt
