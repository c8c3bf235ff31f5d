#include "ssh/sshworker.h"

#include "ssh/canceltoken.h"
#include "ssh/jumpforwarder.h"
#include "ssh/sshchannelrunner.h"
#include "ssh/sshsession.h"
#include "ssh/tcpconnector.h"

#include <libssh/server.h> // ssh_send_keepalive, a client call despite the header
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>
#include <sys/socket.h>
#include <unistd.h>

namespace nt {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Ssh)
};
} // namespace

struct SshWorker::Channel {
    std::unique_ptr<SshChannelRunner> runner;
    bool shell = false;
    QString command;
    SshExecOptions options;
    ExecDone done;
    SshExecResult result;
};

SshWorker::SshWorker(std::shared_ptr<CancelToken> cancel)
    : m_cancel(std::move(cancel)) {}

SshWorker::~SshWorker() {
    teardown();
}

bool SshWorker::isConnected() const {
    return m_target && m_target->isConnected();
}

QString SshWorker::where() const {
    return m_options.target.host + QLatin1Char(':') + QString::number(m_options.target.port);
}

SshStatus SshWorker::connectToHost(const SshConnectOptions &options) {
    teardown(); // a reconnect starts from nothing
    m_options = options;
    SshStatus status = connectChain();
    if (!status.ok()) {
        teardown();
        return status;
    }
    if (m_options.keepaliveIntervalMs > 0) {
        m_keepalive = new QTimer(this);
        connect(m_keepalive, &QTimer::timeout, this, &SshWorker::sendKeepalive);
        m_keepalive->start(m_options.keepaliveIntervalMs);
    }
    m_notifier = new QSocketNotifier(m_target->socket(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SshWorker::pump);
    updateNotifier();
    return status;
}

SshStatus SshWorker::connectChain() {
    QList<SshHostSettings> hops = m_options.jumps;
    hops.append(m_options.target);
    SshStatus status;
    int fd = TcpConnector::connect(hops.first().host, hops.first().port, m_options.timeoutMs,
                                   *m_cancel, status);
    if (fd < 0)
        return status;
    for (qsizetype i = 0; i < hops.size(); ++i) {
        auto session = std::make_unique<SshSession>(hops[i], m_options, *m_cancel);
        status = session->open(fd);
        if (!status.ok()) {
            // A hop behind a jump host may fail because that jump host failed: say so.
            if (i > 0 && !m_forwarders.back()->error().isEmpty())
                status.message +=
                    QLatin1Char(' ') + Tr::tr("(%1)").arg(m_forwarders.back()->error());
            return status;
        }
        if (i + 1 == hops.size()) {
            m_target = std::move(session);
            break;
        }
        const SshHostSettings &next = hops[i + 1];
        ssh_channel channel = ssh_channel_new(session->handle());
        if (!channel || ssh_channel_open_forward(channel, next.host.toUtf8().constData(), next.port,
                                                 "127.0.0.1", 0) != SSH_OK) {
            status = {m_cancel->isCanceled() ? SshErrorKind::Canceled : SshErrorKind::Connect,
                      Tr::tr("The jump host %1 cannot open a connection to %2:%3: %4")
                          .arg(hops[i].display(), next.host)
                          .arg(next.port)
                          .arg(session->lastError())};
            ssh_channel_free(channel);
            return status;
        }
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair) != 0) {
            ssh_channel_free(channel);
            return {
                SshErrorKind::Connect,
                Tr::tr("Cannot create a socket pair for the jump host %1").arg(hops[i].display())};
        }
        m_jumpSessions.push_back(std::move(session));
        m_forwarders.push_back(std::make_unique<JumpForwarder>(
            m_jumpSessions.back()->handle(), channel, pair[0], hops[i].display()));
        m_forwarders.back()->start();
        fd = pair[1];
    }
    return status;
}

void SshWorker::teardown() {
    delete m_notifier;
    m_notifier = nullptr;
    delete m_keepalive;
    m_keepalive = nullptr;
    m_channels.clear();
    m_target.reset();
    // Each forwarder uses its jump session: stop it before freeing that session, innermost first.
    while (!m_jumpSessions.empty()) {
        m_forwarders.pop_back();
        m_jumpSessions.pop_back();
    }
    m_forwarders.clear();
}

void SshWorker::disconnectFromHost() {
    for (auto &[id, channel] : m_channels) {
        if (channel->shell) {
            Q_EMIT shellClosed(id, -1, {});
        } else if (channel->done) {
            channel->result.status = {
                SshErrorKind::Canceled,
                Tr::tr("Disconnected from %1 while running '%2'").arg(where(), channel->command)};
            channel->done(std::move(channel->result));
        }
    }
    teardown();
}

void SshWorker::updateNotifier() {
    // Only while a channel is open: an idle dead socket would otherwise fire forever, and an
    // idle connection is checked by the keepalive.
    if (m_notifier)
        m_notifier->setEnabled(!m_channels.empty());
}

QString SshWorker::lostReason() const {
    for (const auto &forwarder : m_forwarders) {
        if (!forwarder->error().isEmpty())
            return forwarder->error();
    }
    const QString error = m_target ? m_target->lastError() : QString();
    return error.isEmpty() ? Tr::tr("the server closed the connection") : error;
}

void SshWorker::loseConnection(const QString &reason) {
    const QString message = m_cancel->isCanceled()
                                ? Tr::tr("The connection to %1 was canceled").arg(where())
                                : Tr::tr("Connection to %1 lost: %2").arg(where(), reason);
    for (auto &[id, channel] : m_channels) {
        if (channel->shell) {
            Q_EMIT shellClosed(id, -1, message);
        } else if (channel->done) {
            channel->result.status = {
                m_cancel->isCanceled() ? SshErrorKind::Canceled : SshErrorKind::ConnectionLost,
                m_cancel->isCanceled()
                    ? Tr::tr("Running '%1' on %2 was canceled").arg(channel->command, where())
                    : Tr::tr("Connection to %1 lost while running '%2': %3")
                          .arg(where(), channel->command, reason)};
            channel->done(std::move(channel->result));
            channel->done = nullptr;
        }
    }
    teardown();
    Q_EMIT connectionLost(message);
}

void SshWorker::pump() {
    if (m_pumping || !m_target)
        return;
    m_pumping = true;
    const bool alive = m_target->processInput(); // channel callbacks run in here
    m_pumping = false;
    if (!alive) {
        loseConnection(lostReason());
        return;
    }
    std::vector<int> finished;
    for (const auto &[id, channel] : m_channels) {
        if (channel->runner->finished())
            finished.push_back(id);
    }
    for (int id : finished)
        finishChannel(id);
}

void SshWorker::finishChannel(int id) {
    auto node = m_channels.extract(id);
    if (node.empty())
        return;
    Channel &channel = *node.mapped();
    if (channel.shell) {
        Q_EMIT shellClosed(id, channel.runner->exitStatus(), {});
    } else {
        channel.result.exitStatus = channel.runner->exitStatus();
        channel.result.exitSignal = channel.runner->exitSignal();
        if (channel.done)
            channel.done(std::move(channel.result));
    }
    updateNotifier();
}

void SshWorker::sendKeepalive() {
    if (!m_target)
        return;
    ssh_send_keepalive(m_target->handle());
    if (!m_target->isConnected())
        loseConnection(lostReason());
}

void SshWorker::exec(const QString &command, const SshExecOptions &options, ExecDone done) {
    if (!isConnected()) {
        SshExecResult result;
        result.status = {SshErrorKind::NotConnected,
                         Tr::tr("Not connected: cannot run '%1'").arg(command)};
        done(std::move(result));
        return;
    }
    auto channel = std::make_unique<Channel>();
    channel->runner = std::make_unique<SshChannelRunner>(m_target->handle());
    channel->command = command;
    channel->options = options;
    channel->done = std::move(done);
    Channel *raw = channel.get();
    raw->runner->onData = [raw](const QByteArray &data, bool isStderr) {
        const auto &sink = isStderr ? raw->options.onStderr : raw->options.onStdout;
        if (sink)
            sink(data);
        else
            (isStderr ? raw->result.stdErr : raw->result.stdOut) += data;
    };
    const SshStatus status = raw->runner->startExec(command, options);
    const int id = m_nextChannelId++;
    m_channels.emplace(id, std::move(channel));
    if (!status.ok()) {
        if (status.kind == SshErrorKind::ConnectionLost || !m_target->isConnected()) {
            loseConnection(lostReason());
            return;
        }
        auto node = m_channels.extract(id);
        node.mapped()->result.status = status;
        node.mapped()->done(std::move(node.mapped()->result));
        return;
    }
    updateNotifier();
    pump();
}

int SshWorker::openShell(const QString &term, SshPtySize size, SshStatus &status) {
    if (!isConnected()) {
        status = {SshErrorKind::NotConnected, Tr::tr("Not connected: cannot open a shell")};
        return -1;
    }
    const int id = m_nextChannelId++;
    auto channel = std::make_unique<Channel>();
    channel->shell = true;
    channel->runner = std::make_unique<SshChannelRunner>(m_target->handle());
    channel->runner->onData = [this, id](const QByteArray &data, bool) {
        Q_EMIT shellOutput(id, data);
    };
    status = channel->runner->startShell(term, size);
    if (!status.ok())
        return -1;
    m_channels.emplace(id, std::move(channel));
    updateNotifier();
    pump();
    return id;
}

void SshWorker::writeShell(int id, const QByteArray &data) {
    auto it = m_channels.find(id);
    if (it == m_channels.end())
        return;
    if (!it->second->runner->write(data).ok()) {
        loseConnection(lostReason());
        return;
    }
    pump();
}

void SshWorker::resizeShell(int id, SshPtySize size) {
    auto it = m_channels.find(id);
    if (it == m_channels.end())
        return;
    if (!it->second->runner->resize(size).ok()) {
        loseConnection(lostReason());
        return;
    }
    pump();
}

void SshWorker::closeShell(int id) {
    if (m_channels.erase(id) > 0) {
        Q_EMIT shellClosed(id, -1, {});
        updateNotifier();
    }
}

} // namespace nt
