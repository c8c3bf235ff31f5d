#pragma once
// Starts the demo cluster: nodetriage-sim on a free loopback port writing a kubeconfig into a
// temporary folder. Waits for its "listening on" line through signals (the GUI never blocks)
// and stops it when the launcher goes away.
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>

namespace nt::ui {

class DemoLauncher : public QObject {
    Q_OBJECT
public:
    explicit DemoLauncher(QObject *parent = nullptr);
    ~DemoLauncher() override; // stop()

    static QString defaultScenario() { return QStringLiteral("notready-unreachable"); }
    // nodetriage-sim next to our own executable.
    static QString defaultSimulatorPath();
    void setSimulatorPath(const QString &path) { m_simulatorPath = path; }
    QString simulatorPath() const { return m_simulatorPath; }
    void setStartTimeout(int ms) { m_timeout.setInterval(ms); }

    // Emits ready() or failed() later, never from inside start().
    void start(const QString &scenario);
    // Terminates the simulator and waits briefly for it; kills it if it does not go.
    void stop();
    bool isRunning() const;
    QString scenario() const { return m_scenario; }
    QString kubeconfigPath() const;
    QString serverUrl() const { return m_url; }

Q_SIGNALS:
    void ready(const QString &kubeconfigPath);
    void failed(const QString &message);

private:
    void readOutput();
    void fail(const QString &message);

    QString m_simulatorPath;
    QString m_scenario;
    QString m_url;
    QByteArray m_stdout;
    QByteArray m_stderrTail;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QTimer m_timeout;
    bool m_settled = false; // ready() or failed() was emitted for this start
};

} // namespace nt::ui
