#pragma once
// ~/.ssh/config, read the way OpenSSH reads it, for the keywords the console needs: Host (with
// * ? and ! patterns), HostName (%h), User, Port, IdentityFile (several; ~ and %d %u %h %r %p),
// ProxyJump (a comma-separated chain, or none), UserKnownHostsFile and StrictHostKeyChecking.
//
// Why not libssh's ssh_options_parse_config: it applies the file straight to one session, so we
// could not show the resolved values, resolve each ProxyJump hop through the same file, or keep
// our own known_hosts and callbacks on the jump hosts (libssh 0.10 turns ProxyJump into a
// ProxyCommand running the `ssh` binary). Other keywords are ignored, as are Match blocks
// (except `Match all`) and Include.
#include "ssh/sshtypes.h"
#include "util/result.h"

#include <optional>
#include <QList>
#include <QString>
#include <QStringList>

namespace nt {

// What the file says for one host, first value wins, tokens not yet expanded.
struct SshHostConfig {
    QString hostName;
    QString user;
    std::optional<int> port;
    QStringList identityFiles;
    std::optional<QString> proxyJump; // "none" or a chain
    QStringList userKnownHostsFiles;
    QString strictHostKeyChecking; // lower-case: yes, no, accept-new, ask, off
};

// Command-line values; they beat the file (as ssh's -l -p -i -J do).
struct SshOverrides {
    QString user;
    int port = 0;
    QStringList identityFiles;
    std::optional<QString> proxyJump;
    QString knownHostsFile;
    bool acceptNewHostKey = false;
};

class SshConfig {
public:
    SshConfig() = default;
    // A missing file is an empty config; an unreadable or malformed one an error naming file:line.
    static Result<SshConfig> load(const QString &path);
    static Result<SshConfig> parse(const QByteArray &text, const QString &fileName);
    // ~/.ssh/config (an empty config when there is none).
    static QString defaultPath();

    SshHostConfig lookup(const QString &alias) const;

    // Everything needed to connect to `destination` ([user@]alias[:port]) with the jump chain,
    // known_hosts and host key policy resolved. Errors name the bad value.
    Result<SshConnectOptions> connectOptions(const SshEndpoint &destination,
                                             const SshOverrides &overrides = {}) const;

    // Shell-style glob with * and ?, case-insensitive, as Host patterns use.
    static bool globMatch(const QString &pattern, const QString &text);

private:
    struct Entry {
        QString keyword; // lower-case
        QString value;   // the rest of the line, unquoted
        int line = 0;
    };
    struct Block {
        QStringList patterns; // empty: before the first Host, applies to all
        QList<Entry> entries;
    };
    bool blockMatches(const Block &block, const QString &alias) const;
    Result<SshHostSettings> resolveHop(const SshEndpoint &endpoint,
                                       const SshOverrides *overrides) const;

    QString m_fileName;
    QList<Block> m_blocks;
};

} // namespace nt
