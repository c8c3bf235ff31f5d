#pragma once
// Checks the server's host key against known_hosts right after the key exchange, before any
// authentication. Unknown keys follow the policy (refuse / ask / trust and save / trust once);
// a changed key is always refused, naming the known_hosts line that holds the old one.
#include "ssh/sshtypes.h"

#include <libssh/libssh.h>

namespace nt {

class HostKeyVerifier {
public:
    static SshStatus verify(ssh_session session, const SshHostSettings &hop,
                            const SshConnectOptions &options);
    // "SHA256:<base64, no padding>", exactly as `ssh-keygen -l` and ssh print it.
    static QString fingerprint(ssh_key key);
};

} // namespace nt
