#pragma once
// What changes in the simulated cluster as scenario time passes, written into the stored
// objects the way the kubelet and controllers would: pressure conditions (with their taints and
// events) when a node's timeline crosses the kubelet's eviction thresholds, the readiness flap
// and events of a kubelet in a restart loop, and the phases of DNS probe pods.
#include "cluster.h"

#include <QObject>
#include <QTimer>
#include <vector>

namespace nt::sim {

class Dynamics : public QObject {
    Q_OBJECT
public:
    explicit Dynamics(SimCluster &cluster, QObject *parent = nullptr);

    // Brings the objects to the current scenario time (replaying from scenario time 0 so a
    // start offset finds pressure that began earlier with its real transition time), then ticks.
    void start(int intervalMs = 250);
    void tick();

private:
    struct Watched {
        size_t node;
        bool pressure[3] = {false, false, false}; // memory, disk, pid
        double lastAbove[3] = {-1e18, -1e18, -1e18};
        bool watchPressure = false;
        bool restartLoop = false;
        double lastRestart = -1e18; // scenario time
        bool notReady = false;
    };

    void evaluate(Watched &w, double scenarioSeconds, bool catchingUp);
    void setPressure(Watched &w, int kind, bool on, double scenarioSeconds);
    void restartKubelet(Watched &w, double restartAt, double now);
    void setReady(const NodeModel &node, bool ready, int64_t wallSecs);
    void advanceProbes();

    SimCluster &m_cluster;
    std::vector<Watched> m_watched;
    QTimer m_timer;
};

} // namespace nt::sim
