#include "check/stepfour.h"

#include "check/nodecommands.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(StepFour)
};

constexpr int kPerNodeInfoLimit = 20;

QString numbers(const QList<double> &values, int precision = 2) {
    QStringList parts;
    for (double v : values.mid(qMax(0, values.size() - 12)))
        parts << QString::number(v, 'f', precision);
    return parts.join(QStringLiteral(", "));
}

bool isKubeletStart(const Event &e) {
    return e.reason == u"KubeletStart" ||
           (e.reason == u"Starting" && (e.source == u"kubelet" || e.message.contains(u"kubelet")));
}

bool isEviction(const Event &e) {
    return e.reason == u"EvictionThresholdMet" || e.reason == u"Evicted" ||
           e.reason == u"NodeHasInsufficientMemory";
}

QString eventLine(const Event &e) {
    return QStringLiteral("%1 %2 %3 x%4: %5")
        .arg(isoTime(e.lastTimestamp.isValid() ? e.lastTimestamp : e.firstTimestamp), e.type,
             e.reason)
        .arg(e.count)
        .arg(e.message);
}

} // namespace

QList<double> windowValues(const MetricStore &store, const QString &node, Metric metric,
                           qint64 fromMs, qint64 toMs) {
    QList<double> out;
    const auto id = store.findNode(node);
    if (!id)
        return out;
    for (const Bucket &b : store.query(*id, metric, fromMs, toMs).buckets)
        out << double(b.mean);
    return out;
}

bool sustained(const QList<double> &values, double over, const Thresholds &t) {
    if (values.isEmpty())
        return false;
    const auto hits =
        std::count_if(values.cbegin(), values.cend(), [over](double v) { return v >= over; });
    return hits >= t.minSustainedSamples &&
           double(hits) >= t.sustainedShare * double(values.size());
}

QPair<int, int> majorMinor(const QString &version) {
    static const QRegularExpression re(QStringLiteral(R"(^v?(\d+)\.(\d+))"));
    const QRegularExpressionMatch m = re.match(version);
    if (!m.hasMatch())
        return {0, -1};
    return {m.captured(1).toInt(), m.captured(2).toInt()};
}

StepOutcome judgeStepFour(const StepFourInput &in) {
    StepOutcome out;
    const Thresholds &t = in.thresholds;
    QHash<QString, QList<const Event *>> starts, evictions;
    for (const Event &e : in.events) {
        const QDateTime last = e.lastTimestamp.isValid() ? e.lastTimestamp : e.firstTimestamp;
        if (isKubeletStart(e) && last.isValid() &&
            last.secsTo(in.now) <= t.kubeletStartWindowSeconds)
            starts[e.involvedName] << &e;
        if (isEviction(e) && last.isValid() && last.secsTo(in.now) <= t.npdEventLookbackSeconds)
            evictions[e.involvedName] << &e;
    }
    if (in.eventsFailed)
        out.notes << Tr::tr("Node events could not be read; restarts and evictions are judged from "
                            "metrics only: %1")
                         .arg(in.eventsError);
    const QPair<int, int> server = majorMinor(in.serverVersion);
    QStringList unreachable;
    for (const Node &node : in.nodes) {
        const QString name = node.meta.name;
        const NodeCommands cmd(node);
        const QString journal =
            Tr::tr("ssh <user>@%1 sudo journalctl -u kubelet --since \"-30 min\"")
                .arg(node.internalIP().isEmpty() ? name : node.internalIP());
        const auto values = [&](Metric m) {
            return in.store ? windowValues(*in.store, name, m, in.fromMs, in.toMs)
                            : QList<double>();
        };

        const QList<double> uptime = values(Metric::KubeletUptimeSeconds);
        int drops = 0;
        for (qsizetype i = 1; i < uptime.size(); ++i)
            drops += uptime[i] + 1 < uptime[i - 1] ? 1 : 0;
        const QList<const Event *> nodeStarts = starts.value(name);
        int startCount = 0;
        for (const Event *e : nodeStarts)
            startCount += qMax(1, e->count);
        if (drops > 0 || startCount >= 2) {
            Finding f = Finding::fromCatalog("kubelet.restarting", name);
            f.detail = drops > 0
                           ? Tr::tr("The kubelet restarted %1 times during the window (its uptime "
                                    "dropped).")
                                 .arg(drops)
                           : Tr::tr("The kubelet started %1 times in the last %2 minutes.")
                                 .arg(startCount)
                                 .arg(t.kubeletStartWindowSeconds / 60);
            if (!uptime.isEmpty())
                f.evidence
                    << Tr::tr("kubelet uptime (s) over the window: %1").arg(numbers(uptime, 0));
            for (const Event *e : nodeStarts)
                f.evidence << eventLine(*e);
            f.commands << journal << cmd.events() << cmd.describe();
            out.findings << f;
        }

        const QList<double> runtimeErrors = values(Metric::KubeletRuntimeErrorsPerSec);
        const QList<double> startErrors = values(Metric::KubeletStartErrorsPerSec);
        const bool runtimeRising = sustained(runtimeErrors, 1e-9, t);
        const bool startRising = sustained(startErrors, 1e-9, t);
        if (runtimeRising || startRising) {
            Finding f = Finding::fromCatalog("kubelet.errors-rising", name);
            QStringList what;
            if (runtimeRising)
                what << Tr::tr("runtime operation errors");
            if (startRising)
                what << Tr::tr("pod/container start errors");
            f.detail = Tr::tr("%1 grew in most samples of the window, not in a single blip.")
                           .arg(what.join(Tr::tr(" and ")));
            if (!runtimeErrors.isEmpty())
                f.evidence << Tr::tr("kubelet_runtime_operations_errors_total per second: %1")
                                  .arg(numbers(runtimeErrors, 3));
            if (!startErrors.isEmpty())
                f.evidence << Tr::tr(
                                  "kubelet_started_{pods,containers}_errors_total per second: %1")
                                  .arg(numbers(startErrors, 3));
            f.commands << journal << cmd.pods() << cmd.events();
            out.findings << f;
        }

        const QList<double> pleg = values(Metric::KubeletPlegRelistP99Seconds);
        if (sustained(pleg, t.plegP99Seconds, t)) {
            Finding f = Finding::fromCatalog("kubelet.pleg-slow", name);
            f.detail = Tr::tr("PLEG relist p99 stayed at or above %1 s during the window.")
                           .arg(t.plegP99Seconds);
            f.evidence << Tr::tr("PLEG relist p99 (s): %1").arg(numbers(pleg));
            f.commands << journal << cmd.describe();
            out.findings << f;
        }

        const QList<double> evictionRate = values(Metric::KubeletEvictionsPerSec);
        const bool evicting =
            std::any_of(evictionRate.cbegin(), evictionRate.cend(), [](double v) { return v > 0; });
        if (evicting || evictions.contains(name)) {
            Finding f = Finding::fromCatalog("kubelet.evictions", name);
            f.detail = evicting ? Tr::tr("The kubelet evicted pods during the window.")
                                : Tr::tr("The kubelet evicted pods in the last hour.");
            if (!evictionRate.isEmpty())
                f.evidence
                    << Tr::tr("kubelet_evictions per second: %1").arg(numbers(evictionRate, 3));
            for (const Event *e : evictions.value(name))
                f.evidence << eventLine(*e);
            f.commands << cmd.events() << cmd.pods() << cmd.describe();
            out.findings << f;
        }

        const QList<double> running = values(Metric::KubeletRunningPods);
        const double capacity = node.capacity.value(QStringLiteral("pods")).toDouble();
        if (!running.isEmpty() && capacity > 0 &&
            running.last() > capacity * t.podsHighPercent / 100) {
            Finding f = Finding::fromCatalog("kubelet.too-many-pods", name);
            f.detail = Tr::tr("%1 pods run on a node with room for %2 (above %3%).")
                           .arg(running.last())
                           .arg(capacity)
                           .arg(t.podsHighPercent);
            f.evidence << QStringLiteral("kubelet_running_pods=%1 capacity.pods=%2")
                              .arg(running.last())
                              .arg(capacity);
            f.commands << cmd.pods() << cmd.showPool();
            out.findings << f;
        }

        const QPair<int, int> kubelet = majorMinor(node.kubeletVersion);
        if (server.second >= 0 && kubelet.second >= 0 && kubelet != server) {
            Finding f = Finding::fromCatalog("kubelet.version-skew", name);
            f.detail = Tr::tr("Kubelet %1 runs against control plane %2.")
                           .arg(node.kubeletVersion, in.serverVersion);
            f.evidence << QStringLiteral("status.nodeInfo.kubeletVersion=%1 /version=%2")
                              .arg(node.kubeletVersion, in.serverVersion);
            f.commands << cmd.showPool();
            out.findings << f;
        }

        if (in.metricsErrors.contains(name) && uptime.isEmpty())
            unreachable << name;
    }
    if (unreachable.size() <= kPerNodeInfoLimit) {
        for (const QString &name : unreachable) {
            Finding f = Finding::fromCatalog("kubelet.metrics-unreachable", name);
            f.detail = Tr::tr("GET /api/v1/nodes/%1/proxy/metrics failed: %2")
                           .arg(name, in.metricsErrors.value(name));
            f.evidence << in.metricsErrors.value(name);
            f.commands
                << QStringLiteral("kubectl get --raw /api/v1/nodes/%1/proxy/metrics").arg(name);
            out.findings << f;
        }
    } else {
        Finding f = Finding::fromCatalog("kubelet.metrics-unreachable");
        f.detail =
            Tr::tr("The kubelet metrics of %1 nodes could not be read.").arg(unreachable.size());
        for (const QString &name : unreachable.mid(0, kPerNodeInfoLimit))
            f.evidence << name + QStringLiteral(": ") + in.metricsErrors.value(name);
        out.findings << f;
    }
    out.finish(4);
    return out;
}

} // namespace nt
