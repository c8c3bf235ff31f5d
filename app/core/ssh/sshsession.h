#pragma once
// One libssh session to one hop (a jump host or the target), over a socket we opened: the TCP
// connection for the first hop, a socketpair bridged by a JumpForwarder for the others. Blocking
// libssh calls, on the worker thread only; bounded by the timeout and interruptible through the
// cancel token, which shuts our socket down.
#include "ssh/sshtypes.h"

#include <libssh/libssh.h>

namespace nt {

class CancelToken;

class SshSession {
public:
    SshSession(SshHostSettings hop, const SshConnectOptions &options, CancelToken &cancel);
    ~SshSession(); // sends a disconnect if still connected, frees the session, closes the socket
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    // Takes ownership of `fd`. Key exchange, host key check (before anything else is sent),
    // then authentication.
    SshStatus open(int fd);

    ssh_session handle() const { return m_session; }
    int socket() const { return m_fd; }
    const SshHostSettings &hop() const { return m_hop; }
    bool isConnected() const;
    QString lastError() const;
    // Reads and dispatches whatever the socket holds, without waiting (channel callbacks run
    // from here). ssh_channel_poll would not do: once a channel has seen EOF it stops reading
    // the socket, and the close that follows would sit there unread. false: connection gone.
    bool processInput();
    // One poll of the socket; see the destructor for why the disconnect needs it.
    void pollOnce();

private:
    SshStatus setOptions();

    SshHostSettings m_hop;
    const SshConnectOptions &m_options;
    CancelToken &m_cancel;
    ssh_session m_session = nullptr;
    int m_fd = -1; // ours; libssh gets (and closes) a dup of it
};

} // namespace nt
