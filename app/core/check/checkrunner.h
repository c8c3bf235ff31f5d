#pragma once
// Runs the selected steps of `nodetriage check` against a cluster: lists nodes (every interval
// for the sampling window, to observe readiness), leases and the version, then judges. Blocking:
// the CLI's thread has nothing else to do, and KubeClient works on its own thread.
#include "check/checkoptions.h"
#include "check/checkreport.h"
#include "check/stepcommon.h"
#include "check/stepone.h"
#include "metrics/metricstore.h"
#include "util/result.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <QStringList>
#include <vector>

namespace nt {

class KubeClient;
class CheckSampler;

class CheckRunner {
public:
    CheckRunner(KubeClient &client, const CheckOptions &options, const QString &contextName);
    ~CheckRunner();

    // The report, or the one-sentence reason the check could not run (exit status 3).
    Result<CheckReport> run();
    // Things worth telling the user on stderr that are not findings (a failed re-list...).
    const QStringList &warnings() const { return m_warnings; }
    // The samples of the window the judges read; the reports draw their charts from it.
    std::shared_ptr<const MetricStore> store() const { return m_store; }

private:
    // One LIST of the nodes: keeps them (typed) and adds a readiness sample per node.
    Result<bool> sampleNodes();
    void waitUntil(qint64 msSinceStart);
    // Steps 1-6 each on their own: a gather that fails makes that step "error", never the run.
    StepOutcome runStepOne(const CheckReport &report, int samples);
    StepOutcome runStep(int number, CheckReport &report);
    std::optional<QList<Event>> nodeEvents(QString *error);
    void fillLatest(CheckReport &report) const;

    KubeClient &m_client;
    CheckOptions m_options;
    QString m_context;
    std::vector<Node> m_lastNodes;
    QDateTime m_serverNow; // from the last node list's Date header, else invalid
    ReadinessHistory m_readiness;
    QStringList m_warnings;
    qint64 m_startMs = 0;
    std::shared_ptr<MetricStore> m_store;
    std::unique_ptr<CheckSampler> m_sampler;
    qint64 m_windowFromMs = 0, m_windowToMs = 0;
    std::optional<std::optional<QList<Event>>> m_events; // listed once, for steps 4 and 5
    QString m_eventsError;
};

} // namespace nt
