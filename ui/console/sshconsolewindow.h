#pragma once
// "SSH console": a terminal on one node with the node-side checks beside it. Filled in from the
// node table (InternalIP, the configured user and jump host); connects through the SSH engine on
// its worker thread, asks host-key and passphrase questions in non-blocking dialogs, and keeps
// the session's transcript (secrets never recorded).
#include "ssh/nodechecks.h"
#include "ssh/sshtypes.h"

#include <functional>
#include <memory>
#include <mutex>
#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace nt {
class SshClient;
class SshTranscript;
} // namespace nt

namespace nt::ui {

class ConsoleView;
class TerminalWidget;

struct ConsoleTarget {
    QString host; // the node's InternalIP (or an alias from ~/.ssh/config)
    QString user;
    int port = 0; // 0: from the config, else 22
    QString jump; // ProxyJump chain, "[user@]host[:port][,...]"
    QString identityFile;
    QString knownHostsFile; // empty: from the config, else ~/.ssh/known_hosts
    QString sshConfigFile;  // empty: ~/.ssh/config
    QString nodeName;
    QString apiServerFqdn;
    bool useAgent = true;
};

struct NodeCheckRecord {
    QString checkId;
    QString command; // exactly what ran
    NodeCheckVerdict verdict;
};

class SshConsoleWindow : public QWidget {
    Q_OBJECT
public:
    explicit SshConsoleWindow(QWidget *parent = nullptr);
    ~SshConsoleWindow() override;

    void setTarget(const ConsoleTarget &target);
    ConsoleTarget target() const;

    void connectToNode();
    void disconnectFromNode();
    void cancel();
    bool isConnected() const { return m_shellId >= 0; }
    // Renders and runs one node-side check; false (with the reason in the status line) if it
    // cannot run.
    bool runCheck(const QString &checkId);

    TerminalWidget *terminal() const { return m_terminal; }
    SshTranscript *transcript() const { return m_transcript; }
    QString statusText() const;
    const QList<NodeCheckRecord> &checkRecords() const { return m_records; }

Q_SIGNALS:
    void connected();
    void disconnected(const QString &reason);
    void checkFinished(const QString &checkId, bool problem, const QString &verdict);
    void statusChanged(const QString &text);

private:
    void buildUi();
    void setStatus(const QString &text, bool error = false);
    void setBusy(bool busy);
    void onConnected();
    void onConnectFailed(const SshStatus &status);
    void onShellClosed(int id, int exitStatus, const QString &error);
    void appendResult(const QString &text);
    void saveTranscript();
    SshCallbacks makeCallbacks();
    void declinePendingQuestions();

    std::unique_ptr<SshClient> m_client;
    SshTranscript *m_transcript;
    TerminalWidget *m_terminal = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_user = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_jump = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_fqdn = nullptr;
    QLineEdit *m_since = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_disconnect = nullptr;
    QPushButton *m_cancel = nullptr;
    QList<QPushButton *> m_checkButtons;
    QPlainTextEdit *m_results = nullptr;
    QLabel *m_status = nullptr;
    ConsoleTarget m_target;
    QString m_session;
    int m_shellId = -1;
    QSize m_requestedSize;
    bool m_connecting = false;
    QString m_tunnelContainer;
    QString m_tunnelRuntime;
    QList<NodeCheckRecord> m_records;

    // Questions the worker thread is waiting on: answered "declined" on cancel and on close.
    std::mutex m_pendingMutex;
    QList<std::function<void()>> m_pending;
    QList<QPointer<QWidget>> m_openDialogs;
};

} // namespace nt::ui
