#pragma once
// nodetriage-sim as a child process of a test: a free port, a kubeconfig and a request record in
// a temporary directory, stopped with SIGTERM when the object goes away.
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

namespace nt::test {

class SimProcess
{
public:
    // extraArgs are appended to: --port 0 --kubeconfig-out <tmp>/kubeconfig --record <tmp>/requests.jsonl
    explicit SimProcess(QStringList extraArgs = {});
    ~SimProcess();
    SimProcess(const SimProcess &) = delete;
    SimProcess &operator=(const SimProcess &) = delete;

    // Starts the simulator and waits (on its output, no sleeping) for "listening on ...".
    // false with errorString() (including the simulator's stderr) on failure or timeout.
    bool start(int timeoutMs = 30000);
    QString errorString() const { return m_error; }

    QString kubeconfig() const;   // <tmp>/kubeconfig: contexts "sim" (cert, current) and "sim-token"
    QString url() const { return m_url; } // https://127.0.0.1:PORT
    quint16 port() const { return m_port; }
    QString recordFile() const;   // <tmp>/requests.jsonl, one JSON object per request
    std::vector<nlohmann::json> recordedRequests() const;
    QString tempDir() const { return m_dir.path(); }
    QByteArray stderrText() const; // what the simulator wrote to stderr so far

private:
    QStringList m_extraArgs;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_error, m_url;
    quint16 m_port = 0;
};

} // namespace nt::test
