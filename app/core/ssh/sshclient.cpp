#include "ssh/sshclient.h"

#include "ssh/canceltoken.h"
#include "ssh/sshworker.h"

#include <libssh/libssh.h>
#include <QPromise>
#include <QThread>

namespace nt {

// The worker thread; its destructor quits and joins (qBittorrent's graceful-deleter pattern).
class SshClient::Thread : public QThread {
public:
    ~Thread() override {
        quit();
        wait();
    }
};

namespace {

template <typename T> std::shared_ptr<QPromise<T>> startedPromise() {
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    return promise;
}

template <typename T> void fulfil(const std::shared_ptr<QPromise<T>> &promise, T value) {
    promise->addResult(std::move(value));
    promise->finish();
}

// libssh's global state (its crypto backend) must be set up once before sessions are made on
// several threads at the same time.
void initLibssh() {
    static const int once = ssh_init();
    Q_UNUSED(once);
}

// Queued even when called from the worker thread itself (a continuation of one of our futures
// may run there): the worker is never re-entered in the middle of a poll.
template <typename F> void onWorker(SshWorker *worker, F function) {
    QMetaObject::invokeMethod(worker, std::move(function), Qt::QueuedConnection);
}

} // namespace

SshClient::SshClient(QObject *parent)
    : QObject(parent)
    , m_cancel(std::make_shared<CancelToken>())
    , m_thread(std::make_unique<Thread>()) {
    initLibssh();
    m_thread->setObjectName(QStringLiteral("ssh"));
    m_worker = new SshWorker(m_cancel);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SshWorker::shellOutput, this, &SshClient::shellOutput);
    connect(m_worker, &SshWorker::shellClosed, this, &SshClient::shellClosed);
    connect(m_worker, &SshWorker::connectionLost, this, &SshClient::connectionLost);
    m_thread->start();
}

SshClient::~SshClient() {
    m_cancel->cancel();
    m_thread.reset();
}

QFuture<SshStatus> SshClient::connectToHost(SshConnectOptions options) {
    m_cancel->reset();
    auto promise = startedPromise<SshStatus>();
    onWorker(m_worker, [worker = m_worker, options = std::move(options), promise] {
        fulfil(promise, worker->connectToHost(options));
    });
    return promise->future();
}

QFuture<SshStatus> SshClient::disconnectFromHost() {
    auto promise = startedPromise<SshStatus>();
    onWorker(m_worker, [worker = m_worker, promise] {
        worker->disconnectFromHost();
        fulfil(promise, SshStatus::success());
    });
    return promise->future();
}

QFuture<SshExecResult> SshClient::exec(const QString &command, SshExecOptions options) {
    auto promise = startedPromise<SshExecResult>();
    onWorker(m_worker, [worker = m_worker, command, options = std::move(options), promise] {
        worker->exec(command, options,
                     [promise](SshExecResult result) { fulfil(promise, std::move(result)); });
    });
    return promise->future();
}

QFuture<SshShellResult> SshClient::openShell(SshPtySize size, const QString &term) {
    auto promise = startedPromise<SshShellResult>();
    onWorker(m_worker, [worker = m_worker, size, term, promise] {
        SshShellResult result;
        result.channelId = worker->openShell(term, size, result.status);
        fulfil(promise, std::move(result));
    });
    return promise->future();
}

void SshClient::writeShell(int channelId, const QByteArray &data) {
    onWorker(m_worker,
             [worker = m_worker, channelId, data] { worker->writeShell(channelId, data); });
}

void SshClient::resizeShell(int channelId, SshPtySize size) {
    onWorker(m_worker,
             [worker = m_worker, channelId, size] { worker->resizeShell(channelId, size); });
}

void SshClient::closeShell(int channelId) {
    onWorker(m_worker, [worker = m_worker, channelId] { worker->closeShell(channelId); });
}

void SshClient::cancel() {
    m_cancel->cancel();
}

} // namespace nt
