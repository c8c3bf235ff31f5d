#include "ssh/jumpforwarder.h"

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <QByteArray>
#include <QCoreApplication>
#include <sys/socket.h>
#include <unistd.h>

namespace nt {

namespace {
// Bytes buffered per direction before we stop reading that side (back-pressure).
constexpr qsizetype kMaxBuffered = 256 * 1024;
constexpr int kChunk = 32 * 1024;
} // namespace

JumpForwarder::JumpForwarder(ssh_session session, ssh_channel channel, int localFd,
                             QString description)
    : m_session(session)
    , m_channel(channel)
    , m_localFd(localFd)
    , m_description(std::move(description)) {
    if (::pipe2(m_wake, O_CLOEXEC | O_NONBLOCK) != 0)
        m_wake[0] = m_wake[1] = -1;
}

JumpForwarder::~JumpForwarder() {
    m_stop = true;
    if (m_wake[1] >= 0) {
        const char byte = 1;
        [[maybe_unused]] const auto written = ::write(m_wake[1], &byte, 1);
    }
    if (m_thread.joinable())
        m_thread.join();
    ssh_channel_free(m_channel);
    ::close(m_localFd);
    for (int fd : m_wake) {
        if (fd >= 0)
            ::close(fd);
    }
}

void JumpForwarder::start() {
    m_thread = std::thread([this] { run(); });
}

QString JumpForwarder::error() const {
    std::lock_guard lock(m_mutex);
    return m_error;
}

void JumpForwarder::fail(const QString &message) {
    {
        std::lock_guard lock(m_mutex);
        if (m_error.isEmpty())
            m_error = message;
    }
    // The next session sees the end of its socket and reports the connection lost.
    ::shutdown(m_localFd, SHUT_RDWR);
}

void JumpForwarder::run() {
    QByteArray toLocal;   // from the channel, for the next session
    QByteArray toChannel; // from the next session, for the channel
    char buffer[kChunk];
    bool localEof = false;
    bool progress = true;
    while (!m_stop) {
        if (!progress) {
            pollfd fds[3] = {
                {m_localFd,
                 short((localEof || toChannel.size() >= kMaxBuffered ? 0 : POLLIN) |
                       (toLocal.isEmpty() ? 0 : POLLOUT)),
                 0},
                // Not while our buffer for the next session is full: nothing would read it.
                {ssh_get_fd(m_session),
                 short(toLocal.size() < kMaxBuffered || !toChannel.isEmpty() ? POLLIN : 0), 0},
                {m_wake[0], POLLIN, 0},
            };
            if (::poll(fds, 3, 1000) < 0 && errno != EINTR)
                break;
            if (fds[2].revents != 0)
                break;
        }
        progress = false;

        while (toLocal.size() < kMaxBuffered) {
            const int n = ssh_channel_read_nonblocking(m_channel, buffer, sizeof buffer, 0);
            if (n > 0) {
                toLocal.append(buffer, n);
                progress = true;
                continue;
            }
            if (n < 0 || ssh_channel_is_eof(m_channel)) {
                if (!toLocal.isEmpty())
                    break; // deliver what we have first
                if (n == SSH_ERROR || !ssh_is_connected(m_session))
                    fail(QCoreApplication::translate("Ssh",
                                                     "the jump host %1 closed the connection: %2")
                             .arg(m_description, QString::fromUtf8(ssh_get_error(m_session))));
                else
                    ::shutdown(m_localFd, SHUT_WR);
                return;
            }
            break;
        }
        if (!toLocal.isEmpty()) {
            const ssize_t n = ::send(m_localFd, toLocal.constData(), size_t(toLocal.size()),
                                     MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                toLocal.remove(0, n);
                progress = true;
            } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                break; // the next session is gone
            }
        }
        while (!localEof && toChannel.size() < kMaxBuffered) {
            const ssize_t n = ::recv(m_localFd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n > 0) {
                toChannel.append(buffer, int(n));
                progress = true;
            } else {
                if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
                    localEof = true;
                break;
            }
        }
        while (!toChannel.isEmpty()) {
            const qsizetype window = qsizetype(ssh_channel_window_size(m_channel));
            if (window == 0)
                break; // a window adjust will arrive on the session socket
            const int n = ssh_channel_write(m_channel, toChannel.constData(),
                                            uint32_t(std::min(window, toChannel.size())));
            if (n == SSH_ERROR) {
                fail(
                    QCoreApplication::translate("Ssh", "the jump host %1 closed the connection: %2")
                        .arg(m_description, QString::fromUtf8(ssh_get_error(m_session))));
                return;
            }
            toChannel.remove(0, n);
            progress = progress || n > 0;
            if (n == 0)
                break;
        }
        if (localEof && toChannel.isEmpty()) {
            ssh_channel_send_eof(m_channel);
            return;
        }
    }
}

} // namespace nt
