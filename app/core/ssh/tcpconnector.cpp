#include "ssh/tcpconnector.h"

#include "ssh/canceltoken.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <sys/socket.h>
#include <unistd.h>

namespace nt {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Ssh)
};

// How often a pending connect looks at the cancel flag.
constexpr int kCancelSliceMs = 25;

} // namespace

int TcpConnector::connect(const QString &host, int port, int timeoutMs, CancelToken &cancel,
                          SshStatus &status) {
    const QString where = host + QLatin1Char(':') + QString::number(port);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *addresses = nullptr;
    const QByteArray service = QByteArray::number(port);
    const int rc =
        ::getaddrinfo(host.toUtf8().constData(), service.constData(), &hints, &addresses);
    if (rc != 0) {
        status = {
            SshErrorKind::Resolve,
            Tr::tr("Cannot resolve %1: %2").arg(host, QString::fromLocal8Bit(gai_strerror(rc)))};
        return -1;
    }
    const QDeadlineTimer deadline(timeoutMs);
    int lastError = ECONNREFUSED;
    int result = -1;
    for (addrinfo *ai = addresses; ai && result < 0; ai = ai->ai_next) {
        const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                                ai->ai_protocol);
        if (fd < 0) {
            lastError = errno;
            continue;
        }
        if (::connect(fd, ai->ai_addr, ai->ai_addrlen) < 0 && errno != EINPROGRESS) {
            lastError = errno;
            ::close(fd);
            continue;
        }
        pollfd pfd{fd, POLLOUT, 0};
        int ready = 0;
        while (ready == 0 && !cancel.isCanceled() && !deadline.hasExpired()) {
            const int slice = int(std::min<qint64>(kCancelSliceMs, deadline.remainingTime()));
            ready = ::poll(&pfd, 1, slice);
            if (ready < 0 && errno == EINTR)
                ready = 0;
        }
        if (ready > 0) {
            int soError = 0;
            socklen_t len = sizeof(soError);
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len);
            if (soError == 0) {
                const int one = 1;
                ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
                result = fd;
                break;
            }
            lastError = soError;
        } else {
            lastError = cancel.isCanceled() ? ECANCELED : ETIMEDOUT;
        }
        ::close(fd);
        if (cancel.isCanceled() || deadline.hasExpired())
            break;
    }
    ::freeaddrinfo(addresses);
    if (result >= 0)
        return result;
    if (cancel.isCanceled())
        status = {SshErrorKind::Canceled, Tr::tr("Connecting to %1 was canceled").arg(where)};
    else if (lastError == ETIMEDOUT)
        status = {SshErrorKind::Timeout,
                  Tr::tr("Connecting to %1 timed out after %2 ms").arg(where).arg(timeoutMs)};
    else
        status = {SshErrorKind::Connect,
                  Tr::tr("Cannot connect to %1: %2")
                      .arg(where, QString::fromLocal8Bit(std::strerror(lastError)))};
    return -1;
}

} // namespace nt
