#pragma once
// client.authentication.k8s.io exec credential plugins (v1 and v1beta1), e.g. kubelogin.
#include "kube/kubeconfig.h"
#include "util/result.h"

#include <QDateTime>
#include <QObject>
#include <chrono>
#include <functional>

namespace nt {

struct Credential {
    QString token;
    QByteArray clientCertPem;
    QByteArray clientKeyPem;
    QDateTime expiresAt; // invalid = no expiry given: cached until a 401
};

// Runs the plugin asynchronously (QProcess, never blocks the thread it lives on) and caches the
// credential until expirationTimestamp. Lives on the API client's worker thread.
class ExecCredentialProvider : public QObject {
    Q_OBJECT
public:
    // `interactive`: whether a human can answer a prompt (the window: yes; `check`: only with a
    // TTY). Sent in KUBERNETES_EXEC_INFO and checked against interactiveMode.
    ExecCredentialProvider(ExecConfig config, QString server, QByteArray caPem, bool interactive,
                           QObject *parent = nullptr);
    // The same from a resolved context (`access.exec` must be set); this one also passes
    // tls-server-name, insecure-skip-tls-verify and proxy-url when provideClusterInfo is true.
    ExecCredentialProvider(const ClusterAccess &access, bool interactive, QObject *parent = nullptr);
    ~ExecCredentialProvider() override;

    // How long one run may take before it is killed; default 60 s, or 10 min when interactive
    // (a human may be signing in on another device).
    void setTimeout(std::chrono::milliseconds timeout);

    // Calls `done` (in this object's thread) with the cached credential if still valid and
    // !forceRefresh, else runs the plugin. Concurrent calls while a plugin runs share one run.
    // Errors: missing command -> message containing installHint; non-zero exit -> the plugin's
    // last stderr line; bad JSON / wrong apiVersion / kind -> what was wrong.
    // A cached credential is handed to `done` before fetch() returns; it is reused until 10 s
    // before its expirationTimestamp.
    void fetch(bool forceRefresh, std::function<void(Result<Credential>)> done);
    void cancel(); // kills a running plugin; pending callbacks get an error "cancelled"
    // Writes to the running plugin's standard input, which is kept open only for interactive runs
    // (answering a prompt). Does nothing when no interactive run is in progress.
    void writeInput(const QByteArray &bytes);
    bool isRunning() const;

    std::optional<Credential> cached() const;

Q_SIGNALS:
    // Text the plugin writes to stderr while it runs (kubelogin's device-code prompt), line by
    // line, so the window can show it instead of hanging.
    void prompt(const QString &text);

private:
    void start();
    void finish(const Result<Credential> &result);
    void readStandardError(bool flushPartialLine);
    void onFinished(int exitCode, bool crashed);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace nt
