#pragma once
// One ProxyJump hop: a direct-tcpip channel on the jump host's session, bridged to one end of a
// socketpair whose other end is the next session's socket. libssh 0.10 has no native ProxyJump
// (its config parser turns it into a ProxyCommand running `ssh -W`), which would bypass our
// known_hosts, host key policy and callbacks on the jump hosts; this keeps every hop in our
// engine. The pump runs on its own thread because the next session blocks in libssh on the
// worker thread while it talks through us; the jump session is used by this thread alone from
// start() until the destructor has joined it.
#include <atomic>
#include <libssh/libssh.h>
#include <mutex>
#include <QString>
#include <thread>

namespace nt {

class JumpForwarder {
public:
    // Takes ownership of `channel` (an open direct-tcpip channel) and of `localFd`.
    JumpForwarder(ssh_session session, ssh_channel channel, int localFd, QString description);
    ~JumpForwarder(); // stops and joins the pump, frees the channel, closes localFd
    JumpForwarder(const JumpForwarder &) = delete;
    JumpForwarder &operator=(const JumpForwarder &) = delete;

    void start();
    // Why the hop stopped carrying data, if it failed ("" while it works).
    QString error() const;

private:
    void run();
    void fail(const QString &message);

    ssh_session m_session;
    ssh_channel m_channel;
    int m_localFd;
    int m_wake[2] = {-1, -1};
    QString m_description;
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex;
    QString m_error;
    std::thread m_thread;
};

} // namespace nt
