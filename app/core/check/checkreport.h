#pragma once
// Everything one `nodetriage check` run found, and its JSON form (schema nodetriage.report/v1,
// CONTRACT.md). The PDF/HTML reports and the UI read the same struct.
#include "check/checksteps.h"
#include "check/finding.h"
#include "kube/types.h"

#include <nlohmann/json_fwd.hpp>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace nt {

struct ClusterInfo {
    QString context;
    QString server;  // as configured; toJson() drops any user info and query from it
    QString version; // gitVersion from /version, "" when it could not be read
    // The API server's name when the server URL is an address (step 3 finds it in the serving
    // certificate, --fqdn or the konnectivity agent's log); "" = the URL's host.
    QString apiFqdn;
    QString fqdn() const;
    // AKS private clusters' API server names live in privatelink.<region>.azmk8s.io.
    bool isPrivate() const;
};

struct SampleWindow {
    QDateTime start;
    QDateTime end;
    int intervalSeconds = 0;
    int samples = 0;
};

struct CheckReport {
    static constexpr const char *kSchema = "nodetriage.report/v1";

    QDateTime generatedAt;
    ClusterInfo cluster;
    SampleWindow window;
    QList<StepResult> steps;
    QList<Finding> findings;
    QList<Node> nodes;
    // Per node name, the newest sampled values by metric key (cpuPercent...): only what a
    // source reported, never a 0 nobody measured.
    QHash<QString, QMap<QString, double>> latest;
    // CheckRunner::cancel() cut the run short: the steps it did not finish are Skipped. Not in
    // the JSON (a cancelled check writes no report).
    bool canceled = false;

    // Keys in the order CONTRACT.md lists them, so the file reads top-down like the schema.
    nlohmann::ordered_json toJson() const;
    // 2 with a critical finding, 1 with a warning, else 0 (CONTRACT.md exit status).
    int exitCode() const;
};

} // namespace nt
