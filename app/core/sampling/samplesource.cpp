#include "sampling/samplesource.h"

#include <QCoreApplication>

namespace nt {

namespace {

FetchResult toFetchResult(const KubeResponse &response) {
    FetchResult r;
    r.error = response.error;
    r.httpStatus = response.httpStatus;
    r.message = response.errorMessage;
    if (response.ok())
        r.body = response.body;
    return r;
}

} // namespace

Fetch kubeFetch(KubeClient *client, KubeRequest request) {
    request.retryable = false;
    QFuture<KubeResponse> response = client->send(std::move(request));
    Fetch fetch;
    fetch.result = response.then(&toFetchResult);
    fetch.cancel = [response]() mutable { response.cancel(); };
    return fetch;
}

Fetch nodeProxyFetch(KubeClient *client, const QString &node, const QString &subpath,
                     int timeoutMs) {
    KubeRequest r;
    r.path = QStringLiteral("/api/v1/nodes/%1/proxy/%2")
                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(node)), subpath);
    r.timeoutMs = timeoutMs;
    // The decoders check what they read (a Summary that is not JSON is named as such, with the
    // node): the client's whole-body JSON check would scan every Summary a second time.
    r.expectJson = false;
    r.accept = subpath.startsWith(QLatin1String("stats")) ? QByteArray("application/json")
                                                          : QByteArray("text/plain, */*");
    return kubeFetch(client, std::move(r));
}

QString sourceName(SourceKind kind) {
    switch (kind) {
    case SourceKind::KubeletSummary:
        return QCoreApplication::translate("Sampling", "kubelet summary");
    case SourceKind::KubeletMetrics:
        return QCoreApplication::translate("Sampling", "kubelet metrics");
    case SourceKind::KubeletCadvisor:
        return QCoreApplication::translate("Sampling", "kubelet cAdvisor");
    case SourceKind::NodeMetrics:
        return QCoreApplication::translate("Sampling", "metrics.k8s.io");
    case SourceKind::Prometheus:
        return QCoreApplication::translate("Sampling", "Prometheus");
    case SourceKind::NodeExporter:
        return QCoreApplication::translate("Sampling", "node_exporter");
    case SourceKind::ProcOverSsh:
        return QCoreApplication::translate("Sampling", "/proc over SSH");
    }
    return {};
}

} // namespace nt

#include "kube/types.h"

namespace nt {

SamplingTarget samplingTargetFor(const Node &node) {
    SamplingTarget t;
    t.name = node.meta.name;
    t.internalIp = node.internalIP();
    if (auto it = node.allocatable.find(QStringLiteral("cpu")); it != node.allocatable.end())
        t.allocatableCpuCores = it->toDouble();
    if (auto it = node.allocatable.find(QStringLiteral("memory")); it != node.allocatable.end())
        t.allocatableMemoryBytes = it->toDouble();
    t.instanceType = node.instanceType();
    return t;
}

} // namespace nt
