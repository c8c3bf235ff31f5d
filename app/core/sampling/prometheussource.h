#pragma once
// The Prometheus HTTP API (a cluster's own Prometheus, or Azure Monitor managed Prometheus with
// a bearer token): one instant query per round for every node, and a query_range over the last
// hour when sampling starts, so the charts have history from the first second.
//
// All figures come in ONE request: each node-mixin / USE-method expression is tagged with
// label_replace(..., "nt_metric", "<metric key>", "", "") and the expressions are joined with
// `or`, plus node_uname_info (tagged "uname") to map instances to node names.
#include "sampling/samplesource.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace nt {

struct TimedGauge {
    qint64 timeMs = 0;
    Gauge gauge;
};
using NodeHistory = QHash<QString, std::vector<TimedGauge>>;

class PrometheusSource final : public SampleSource {
public:
    PrometheusSource(QNetworkAccessManager *network, QUrl url, QString bearerToken, int timeoutMs,
                     int intervalMs, int stepSeconds = 0);
    SourceKind kind() const override { return SourceKind::Prometheus; }
    bool perNode() const override { return false; }
    Fetch fetch(const SamplingTarget *target, const QList<SamplingTarget> &targets) override;
    QString decode(const SamplingTarget *target, const QList<SamplingTarget> &targets,
                   const FetchResult &result, qint64 nowMs, NodeGauges &out) override;

    // The last `seconds` before endMs, one point per step.
    Fetch fetchRange(qint64 endMs, int seconds);
    QString decodeRange(const QList<SamplingTarget> &targets, const FetchResult &result,
                        NodeHistory &out);

    // The PromQL sent (tests and docs show it).
    QString query() const;
    int stepSeconds() const;

private:
    QNetworkAccessManager *m_network;
    QUrl m_url;
    QString m_token; // only ever in the Authorization header
    int m_timeoutMs;
    int m_intervalMs;
    int m_stepSeconds;
};

} // namespace nt
