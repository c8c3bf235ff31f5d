#pragma once
// The SSH engine proper: lives on SshClient's worker thread and owns every libssh object of one
// connection (the jump sessions and their forwarders, the target session, its channels). The
// connect is a sequence of blocking libssh calls (bounded and cancellable, see CancelToken);
// once connected, channels are driven by a socket notifier, so the thread's event loop stays
// free for input, resizes and new commands while output streams back.
#include "ssh/sshtypes.h"

#include <functional>
#include <map>
#include <memory>
#include <QObject>
#include <vector>

class QSocketNotifier;
class QTimer;

namespace nt {

class CancelToken;
class JumpForwarder;
class SshChannelRunner;
class SshSession;

class SshWorker : public QObject {
    Q_OBJECT
public:
    explicit SshWorker(std::shared_ptr<CancelToken> cancel);
    ~SshWorker() override;

    SshStatus connectToHost(const SshConnectOptions &options);
    void disconnectFromHost();
    bool isConnected() const;

    using ExecDone = std::function<void(SshExecResult)>;
    void exec(const QString &command, const SshExecOptions &options, ExecDone done);

    // The channel id, or -1 with `status` saying why.
    int openShell(const QString &term, SshPtySize size, SshStatus &status);
    void writeShell(int id, const QByteArray &data);
    void resizeShell(int id, SshPtySize size);
    void closeShell(int id);

Q_SIGNALS:
    void shellOutput(int id, const QByteArray &data);
    void shellClosed(int id, int exitStatus, const QString &error);
    void connectionLost(const QString &message);

private:
    struct Channel;
    SshStatus connectChain();
    void pump();
    void finishChannel(int id);
    void loseConnection(const QString &reason);
    void sendKeepalive();
    void teardown();
    void updateNotifier();
    QString lostReason() const;
    QString where() const;

    std::shared_ptr<CancelToken> m_cancel;
    SshConnectOptions m_options;
    std::vector<std::unique_ptr<SshSession>> m_jumpSessions;
    std::vector<std::unique_ptr<JumpForwarder>> m_forwarders;
    std::unique_ptr<SshSession> m_target;
    std::map<int, std::unique_ptr<Channel>> m_channels;
    int m_nextChannelId = 1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_keepalive = nullptr;
    bool m_pumping = false;
};

} // namespace nt
