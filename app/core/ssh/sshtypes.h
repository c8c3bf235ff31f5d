#pragma once
// Value types shared by the SSH engine, its facade and its callers. No libssh type appears here:
// callers (the CLI, later the console and the node-side checks) never see libssh.
#include <functional>
#include <optional>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace nt {

// "[user@]host[:port]" as written in ProxyJump, -J and on the command line.
struct SshEndpoint {
    QString user; // empty: from the config, else the local user
    QString host;
    int port = 0; // 0: from the config, else 22

    // "user@host:port" (IPv6 hosts in brackets), for messages.
    QString display() const;
};

// Parses "[user@]host[:port]", "[user@][v6addr]:port" and "ssh://[user@]host[:port]".
// Returns nullopt for an empty host, a bad port or spaces.
std::optional<SshEndpoint> parseSshEndpoint(const QString &text);

// One hop fully resolved (config and command line applied): what the engine connects to.
struct SshHostSettings {
    QString host; // HostName: the address we connect to and look up in known_hosts
    QString user;
    int port = 22;
    QStringList identityFiles; // absolute paths, in the order to try

    QString display() const; // "user@host:port"
};

// What to do with a host key that known_hosts does not know. A *changed* key is never a policy
// question: it is always refused, before authentication.
enum class UnknownHostKeyPolicy {
    Refuse,        // the command line's default
    Ask,           // call SshCallbacks::unknownHostKey (the GUI)
    AcceptAndSave, // --accept-new-host-key, StrictHostKeyChecking accept-new/no
    AcceptOnce,
};

enum class HostKeyDecision { Refuse, TrustAndSave, TrustOnce };

struct HostKeyQuestion {
    QString host;
    int port = 22;
    QString keyType;     // "ssh-ed25519"
    QString fingerprint; // "SHA256:..." as OpenSSH prints it
    QString knownHostsFile;
};

struct KbdInteractiveQuestion {
    QString name;
    QString instruction;
    QStringList prompts;
    QList<bool> echo;
    int attempt = 0; // > 0: the previous round's answers were refused (a mistyped password)
};

// Called on the engine's worker thread; they may block (a GUI answers through a blocking queued
// call). Returning nullopt means "the user declined".
struct SshCallbacks {
    std::function<HostKeyDecision(const HostKeyQuestion &)> unknownHostKey;
    std::function<std::optional<QByteArray>(const QString &keyFile, int attempt)> passphrase;
    // attempt > 0: the previous password was refused (up to three are asked, as OpenSSH does).
    std::function<std::optional<QByteArray>(const QString &prompt, int attempt)> password;
    std::function<std::optional<QList<QByteArray>>(const KbdInteractiveQuestion &)>
        keyboardInteractive;
    // Told before each authentication method is tried ("publickey", "password", ...): lets a
    // transcript (and the tests) see that nothing was attempted before the host key was checked.
    std::function<void(const QString &method)> authAttempt;
};

struct SshConnectOptions {
    SshHostSettings target;
    QList<SshHostSettings> jumps; // ProxyJump chain, first hop first
    QString knownHostsFile;       // user known_hosts; also where accepted keys are saved
    QString globalKnownHostsFile; // read only; empty: none
    UnknownHostKeyPolicy unknownHostKey = UnknownHostKeyPolicy::Refuse;
    bool useAgent = true;            // SSH_AUTH_SOCK, when set
    int timeoutMs = 15000;           // TCP connect, and each blocking protocol step
    int keepaliveIntervalMs = 30000; // 0: none
    SshCallbacks callbacks;
};

enum class SshErrorKind {
    None,
    Canceled,
    Resolve,
    Connect,
    Timeout,
    Protocol,
    HostKeyUnknown,
    HostKeyChanged,
    HostKeyError,
    Auth,
    KeyFile,
    Channel,
    ConnectionLost,
    NotConnected,
};

struct SshStatus {
    SshErrorKind kind = SshErrorKind::None;
    QString message; // one translated sentence naming what and where; never a secret
    bool ok() const { return kind == SshErrorKind::None; }
    static SshStatus success() { return {}; }
};

struct SshExecOptions {
    // Streaming sinks, called on the worker thread as data arrives. When set, that stream is
    // not accumulated in SshExecResult.
    std::function<void(const QByteArray &)> onStdout;
    std::function<void(const QByteArray &)> onStderr;
    QByteArray stdinData; // sent, then EOF
    bool requestPty = false;
};

struct SshExecResult {
    SshStatus status;    // !ok(): the command could not run to its end
    int exitStatus = -1; // -1: none received (killed by a signal, or the connection failed)
    QString exitSignal;  // "TERM", "KILL" when killed by a signal
    QByteArray stdOut;
    QByteArray stdErr;
    bool ok() const { return status.ok(); }
};

struct SshPtySize {
    int columns = 80;
    int rows = 24;
};

} // namespace nt
