#include "ssh/canceltoken.h"

#include <algorithm>
#include <sys/socket.h>

namespace nt {

void CancelToken::cancel() {
    m_canceled = true;
    std::lock_guard lock(m_mutex);
    for (int fd : m_sockets)
        ::shutdown(fd, SHUT_RDWR);
}

void CancelToken::reset() {
    m_canceled = false;
}

void CancelToken::registerSocket(int fd) {
    std::lock_guard lock(m_mutex);
    m_sockets.push_back(fd);
    if (m_canceled)
        ::shutdown(fd, SHUT_RDWR); // canceled while it was being opened
}

void CancelToken::unregisterSocket(int fd) {
    std::lock_guard lock(m_mutex);
    m_sockets.erase(std::remove(m_sockets.begin(), m_sockets.end(), fd), m_sockets.end());
}

} // namespace nt
