#pragma once
// Authenticates one session, trying what OpenSSH tries, in its order: the agent, each identity
// file (asking the server about the public key first, so no passphrase is requested for a key
// it would refuse), keyboard-interactive, then password. Secrets pass through the callbacks
// straight into libssh and are wiped from our buffers; none reaches a message or a log.
#include "ssh/sshtypes.h"

#include <libssh/libssh.h>

namespace nt {

class CancelToken;

class SshAuthenticator {
public:
    SshAuthenticator(ssh_session session, const SshHostSettings &hop,
                     const SshConnectOptions &options, const CancelToken &cancel);
    SshStatus authenticate();

private:
    enum class Outcome { Success, Denied, Partial, Failed };
    Outcome check(int rc);
    Outcome tryAgent();
    Outcome tryKeyFile(const QString &path);
    Outcome tryKeyboardInteractive();
    Outcome tryPassword();
    SshStatus failure(const QString &reason) const;
    void attempt(const QString &method) const;

    ssh_session m_session;
    const SshHostSettings &m_hop;
    const SshConnectOptions &m_options;
    const CancelToken &m_cancel;
    QStringList m_notes; // what was tried and why it did not work, for the final message
    bool m_keyProblem = false;
};

} // namespace nt
