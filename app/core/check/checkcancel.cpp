#include "check/checkcancel.h"

#include <QCoreApplication>

namespace nt {

CheckCancel::CheckCancel()
    : m_state(std::make_shared<State>()) {}

void CheckCancel::State::wake() {
    // Taking the lock orders the notify after a waiter's check of its condition, so no wake-up
    // falls between the check and the wait.
    { std::lock_guard lock(mutex); }
    cv.notify_all();
}

void CheckCancel::cancel() {
    m_state->canceled = true;
    m_state->wake();
}

bool CheckCancel::isCanceled() const {
    return m_state->canceled;
}

void CheckCancel::waitUntil(const std::function<bool()> &done,
                            std::optional<std::chrono::steady_clock::time_point> deadline) const {
    // Re-checked at least every 100 ms: a future that is cancelled or abandoned never wakes us.
    constexpr auto kRecheck = std::chrono::milliseconds(100);
    std::unique_lock lock(m_state->mutex);
    while (!m_state->canceled && !done()) {
        auto until = std::chrono::steady_clock::now() + kRecheck;
        if (deadline) {
            if (std::chrono::steady_clock::now() >= *deadline)
                return;
            until = std::min(until, *deadline);
        }
        m_state->cv.wait_until(lock, until);
    }
}

bool CheckCancel::sleepUntil(std::chrono::steady_clock::time_point deadline) const {
    waitUntil([] { return false; }, deadline);
    return !isCanceled();
}

KubeResponse canceledResponse() {
    KubeResponse r;
    r.error = KubeErrorKind::Canceled;
    r.errorMessage = QCoreApplication::translate("CheckRunner", "The check was cancelled.");
    return r;
}

} // namespace nt
