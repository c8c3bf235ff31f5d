#pragma once
// Opens the TCP connection to the first hop ourselves (rather than letting ssh_connect do it) so
// that the connect is non-blocking, bounded by our timeout and interruptible by the cancel
// token, and so that we own the socket the cancel token shuts down.
#include "ssh/sshtypes.h"

namespace nt {

class CancelToken;

class TcpConnector {
public:
    // A connected, non-blocking socket with TCP_NODELAY, or -1 with `status` saying why.
    // Name resolution (getaddrinfo) is the one step that cannot be interrupted.
    static int connect(const QString &host, int port, int timeoutMs, CancelToken &cancel,
                       SshStatus &status);
};

} // namespace nt
