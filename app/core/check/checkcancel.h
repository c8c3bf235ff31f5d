#pragma once
// Cancelling a running check from another thread (the wizard's Cancel button), and the waits of
// the check that a cancel cuts short: a future of the client, a pause between sampling rounds.
// Copies share one state, so a gather holding a copy sees the runner's cancel().
#include "kube/kubeclient.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <QFuture>

namespace nt {

class CheckCancel {
public:
    CheckCancel();

    // Any thread, any number of times. Every wait below returns at once, now and later.
    void cancel();
    bool isCanceled() const;

    // The future's result, or nothing when cancel() came first (the request itself runs on and
    // its answer is dropped). Blocks the calling thread: never call it on the GUI thread.
    template <typename T> std::optional<T> await(QFuture<T> future) const {
        if (!future.isFinished()) {
            // Wake the waiter as the answer arrives; the periodic re-check covers a future that
            // is cancelled (then() continuations do not run for those).
            wakeOn(future);
            waitUntil([&future] { return future.isFinished(); }, std::nullopt);
        }
        if (isCanceled() && !future.isFinished())
            return std::nullopt;
        if (future.isCanceled() || future.resultCount() == 0)
            return std::nullopt;
        return future.result();
    }
    // Wakes the waits below when the future finishes. Attach once per future: it takes the
    // future's one continuation.
    template <typename T> void wakeOn(QFuture<T> future) const {
        future.then(QtFuture::Launch::Sync,
                    [state = m_state](const QFuture<T> &) { state->wake(); });
    }
    // Waits until done() (re-checked on every wake and at least every 100 ms), `deadline` or
    // cancel(); returns done().
    bool waitFor(const std::function<bool()> &done,
                 std::chrono::steady_clock::time_point deadline) const {
        waitUntil(done, deadline);
        return done();
    }
    // Waits until `deadline`; false when cancelled first.
    bool sleepUntil(std::chrono::steady_clock::time_point deadline) const;

private:
    struct State {
        std::mutex mutex;
        std::condition_variable cv;
        std::atomic<bool> canceled{false};
        void wake();
    };
    // Waits until done() or cancel() or the deadline.
    void waitUntil(const std::function<bool()> &done,
                   std::optional<std::chrono::steady_clock::time_point> deadline) const;
    std::shared_ptr<State> m_state;
};

// A failed response standing for a request whose answer a cancel made the check stop waiting for.
KubeResponse canceledResponse();

} // namespace nt
