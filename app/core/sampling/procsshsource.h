#pragma once
// /proc read over SSH (SamplingConfig::procOverSsh): for nodes the user can reach with SSH (the
// console's connection settings), one exec per round and node of a fixed command that prints
// /proc/stat, /proc/meminfo, /proc/diskstats, /proc/loadavg, /proc/sys/kernel/pid_max and
// /proc/pressure/{cpu,memory,io}, each line prefixed with its file (grep's multi-file output).
// Figures as the node-mixin computes them from node_exporter, which reads the same files:
// CPU % and iowait % from the /proc/stat counters, memory % from MemAvailable, PIDs as the
// kubelet counts them (the task count of /proc/loadavg) against pid_max, disk IOPS, MB/s,
// utilisation and queue depth of the whole disks (DiskRates), PSI avg10 as the kernel gives it.
//
// One SshClient (its own thread) per node, connected on the node's first round and again after a
// lost connection; the engine's per-node backoff paces the retries of a node that cannot be
// reached. The command is a constant: nothing from the cluster or the user is in it.
#include "sampling/diskrates.h"
#include "sampling/samplesource.h"
#include "ssh/sshtypes.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace nt {

class ProcSshSource final : public SampleSource {
public:
    ProcSshSource(QHash<QString, SshConnectOptions> nodes, int timeoutMs);
    ~ProcSshSource() override;
    SourceKind kind() const override { return SourceKind::ProcOverSsh; }
    bool perNode() const override { return true; }
    bool covers(const SamplingTarget &target) const override {
        return m_options.contains(target.name);
    }
    Fetch fetch(const SamplingTarget *target, const QList<SamplingTarget> &targets) override;
    QString decode(const SamplingTarget *target, const QList<SamplingTarget> &targets,
                   const FetchResult &result, qint64 nowMs, NodeGauges &out) override;
    void forget(const QString &node) override;

    struct NodeState {
        CounterRate total, idle, iowait; // /proc/stat "cpu" line, in USER_HZ ticks
        DiskRates disks;
    };
    // The command run on the node (a constant).
    static QString command();
    // The mapping alone, for tests: the command's output at nowMs into gauges.
    static QString decodeProc(const QByteArray &text, const QString &node, qint64 nowMs,
                              NodeState &state, std::vector<Gauge> &out);

private:
    struct Connection;
    std::shared_ptr<Connection> connection(const QString &node);
    QObject *context(); // on the engine's thread: where the SSH futures' continuations run

    QHash<QString, SshConnectOptions> m_options;
    int m_timeoutMs;
    QHash<QString, std::shared_ptr<Connection>> m_connections;
    QHash<QString, NodeState> m_nodes;
    QObject *m_context = nullptr;
};

} // namespace nt
