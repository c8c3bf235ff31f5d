#pragma once
// Runs the selected steps of `nodetriage check` against a cluster: lists nodes (every interval
// for the sampling window, to observe readiness), leases and the version, then judges. Blocking:
// the CLI's thread has nothing else to do, and KubeClient works on its own thread.
#include "check/checkoptions.h"
#include "check/checkreport.h"
#include "check/stepone.h"
#include "util/result.h"

#include <nlohmann/json.hpp>
#include <QStringList>
#include <vector>

namespace nt {

class KubeClient;

class CheckRunner {
public:
    CheckRunner(KubeClient &client, const CheckOptions &options, const QString &contextName);

    // The report, or the one-sentence reason the check could not run (exit status 3).
    Result<CheckReport> run();
    // Things worth telling the user on stderr that are not findings (a failed re-list...).
    const QStringList &warnings() const { return m_warnings; }

private:
    // One LIST of the nodes: keeps them (typed) and adds a readiness sample per node.
    Result<bool> sampleNodes();
    void waitUntil(qint64 msSinceStart);

    KubeClient &m_client;
    CheckOptions m_options;
    QString m_context;
    std::vector<Node> m_lastNodes;
    QDateTime m_serverNow; // from the last node list's Date header, else invalid
    ReadinessHistory m_readiness;
    QStringList m_warnings;
    qint64 m_startMs = 0;
};

} // namespace nt
