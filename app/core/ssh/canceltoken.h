#pragma once
// Makes the engine's blocking libssh calls interruptible. libssh blocks in poll() on the
// session's socket; cancel() sets a flag and shuts the registered sockets down, so that poll
// returns at once on the worker thread and the call fails; the engine then reports "canceled"
// rather than the socket error. shutdown() (not close) keeps the descriptors valid: they are
// closed only by their owner on the worker thread, after unregistering, so a number reused by
// another open can never be shut down by mistake.
#include <atomic>
#include <mutex>
#include <vector>

namespace nt {

class CancelToken {
public:
    void cancel();
    void reset(); // before a new operation, on the caller's thread
    bool isCanceled() const { return m_canceled.load(); }

    void registerSocket(int fd);
    void unregisterSocket(int fd);

private:
    std::atomic<bool> m_canceled{false};
    std::mutex m_mutex;
    std::vector<int> m_sockets;
};

} // namespace nt
