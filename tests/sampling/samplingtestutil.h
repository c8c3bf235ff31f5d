#pragma once
// Shared by the sampling tests: a KubeClient on a simulator and the sampling targets of its nodes.
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"
#include "kube/types.h"
#include "sampling/samplingengine.h"
#include "testsupport.h"

#include <QtTest>

namespace nt::test {

inline ClusterAccess accessFor(const SimProcess &sim) {
    auto config = Kubeconfig::load({sim.kubeconfig()});
    if (!config)
        qFatal("kubeconfig: %s", qPrintable(config.error()));
    auto access = config->resolve(QStringLiteral("sim"));
    if (!access)
        qFatal("resolve: %s", qPrintable(access.error()));
    return access.value();
}

// The cluster's nodes as sampling targets, as the window and the check build them.
inline QList<SamplingTarget> targetsOf(KubeClient &client) {
    TypedList<Node> nodes =
        client.listAs<Node>(QStringLiteral("/api/v1/nodes"), &Node::fromJson).result();
    if (!nodes.ok())
        qFatal("list nodes: %s", qPrintable(nodes.status.errorMessage));
    QList<SamplingTarget> targets;
    for (const Node &n : nodes.items)
        targets.append(samplingTargetFor(n));
    return targets;
}

} // namespace nt::test
