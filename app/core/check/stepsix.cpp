#include "check/stepsix.h"

#include "check/disklimits.h"
#include "check/nodecommands.h"
#include "check/stepfour.h"

#include <QCoreApplication>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(StepSix)
};

constexpr int kPerNodeInfoLimit = 20;

QList<double> added(const QList<double> &a, const QList<double> &b) {
    // Read and write rates of one scrape land in the same bucket; pair them by position.
    QList<double> out;
    for (qsizetype i = 0; i < qMin(a.size(), b.size()); ++i)
        out << a[i] + b[i];
    return out;
}

QString series(const QList<double> &values, double scale = 1, int precision = 0) {
    QStringList parts;
    for (double v : values.mid(qMax(0, values.size() - 12)))
        parts << QString::number(v * scale, 'f', precision);
    return parts.join(QStringLiteral(", "));
}

double peak(const QList<double> &values) {
    return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
}

} // namespace

StepOutcome judgeStepSix(const StepSixInput &in) {
    StepOutcome out;
    const Thresholds &t = in.thresholds;
    QStringList unknown;
    QHash<QString, QString> unknownWhy;
    int withData = 0;
    for (const Node &node : in.nodes) {
        const QString name = node.meta.name;
        const NodeCommands cmd(node);
        const auto values = [&](Metric m) {
            return in.store ? windowValues(*in.store, name, m, in.fromMs, in.toMs)
                            : QList<double>();
        };
        const QList<double> iops = added(values(Metric::ReadIops), values(Metric::WriteIops));
        const QList<double> bytes =
            added(values(Metric::ReadBytesPerSec), values(Metric::WriteBytesPerSec));
        if (!iops.isEmpty())
            ++withData;
        const QString topPods =
            QStringLiteral("kubectl top pods -A --sort-by=cpu --field-selector spec.nodeName=%1 || "
                           "kubectl get --raw /api/v1/nodes/%1/proxy/metrics/cadvisor | grep "
                           "container_fs_writes_total")
                .arg(name);
        const QString iostat = Tr::tr("ssh <user>@%1 iostat -x 5 3")
                                   .arg(node.internalIP().isEmpty() ? name : node.internalIP());

        QString why;
        const std::optional<EffectiveCap> cap = effectiveCap(node, &why);
        if (!cap) {
            unknown << name;
            unknownWhy.insert(name, why);
        } else if (!iops.isEmpty()) {
            const double iopsBar = cap->limit.iops * t.diskCapShare;
            const double mbBar = cap->limit.mbps * 1e6 * t.diskCapShare;
            if (sustained(iops, iopsBar, t)) {
                Finding f = Finding::fromCatalog("disk.iops-throttled", name);
                f.detail =
                    Tr::tr("Read + write IOPS stayed at the cap of %1 IOPS (peak %2) during the "
                           "window.")
                        .arg(cap->limit.iops)
                        .arg(peak(iops), 0, 'f', 0);
                f.evidence << Tr::tr("IOPS: %1").arg(series(iops))
                           << Tr::tr("disk: %1, %2").arg(cap->disk, cap->source)
                           << Tr::tr("VM: %1").arg(cap->vm);
                f.commands << iostat << topPods << cmd.showPool();
                out.findings << f;
            }
            if (sustained(bytes, mbBar, t)) {
                Finding f = Finding::fromCatalog("disk.throughput-throttled", name);
                f.detail =
                    Tr::tr("Read + write throughput stayed at the cap of %1 MB/s (peak %2 MB/s) "
                           "during the window.")
                        .arg(cap->limit.mbps)
                        .arg(peak(bytes) / 1e6, 0, 'f', 1);
                f.evidence << Tr::tr("MB/s: %1").arg(series(bytes, 1e-6, 1))
                           << Tr::tr("disk: %1, %2").arg(cap->disk, cap->source)
                           << Tr::tr("VM: %1").arg(cap->vm);
                f.commands << iostat << topPods << cmd.showPool();
                out.findings << f;
            }
        }
        const QList<double> queue = values(Metric::QueueDepth);
        if (sustained(queue, t.diskIoWeightedSaturation, t)) {
            Finding f = Finding::fromCatalog("disk.io-saturated", name);
            f.detail =
                Tr::tr("The disk's average queue (rate of io_time_weighted) stayed above %1.")
                    .arg(t.diskIoWeightedSaturation);
            f.evidence << Tr::tr("queue: %1").arg(series(queue, 1, 1));
            f.commands << iostat << topPods;
            out.findings << f;
        }
        const QList<double> psi = values(Metric::PsiIoSomeAvg10);
        if (sustained(psi, t.psiIoSomePercent, t)) {
            Finding f = Finding::fromCatalog("disk.io-pressure", name);
            f.detail = Tr::tr("Some tasks waited on I/O at least %1% of the time.")
                           .arg(t.psiIoSomePercent);
            f.evidence << Tr::tr("PSI io some (%): %1").arg(series(psi, 1, 1));
            f.commands << Tr::tr("ssh <user>@%1 cat /proc/pressure/io")
                              .arg(node.internalIP().isEmpty() ? name : node.internalIP())
                       << topPods;
            out.findings << f;
        }
        const QList<double> iowait = values(Metric::IowaitPercent);
        if (sustained(iowait, t.iowaitPercent, t)) {
            Finding f = Finding::fromCatalog("disk.iowait-high", name);
            f.detail = Tr::tr("CPU I/O wait stayed above %1%.").arg(t.iowaitPercent);
            f.evidence << Tr::tr("iowait (%): %1").arg(series(iowait, 1, 1));
            f.commands << iostat;
            out.findings << f;
        }
    }
    if (unknown.size() <= kPerNodeInfoLimit) {
        for (const QString &name : unknown) {
            Finding f = Finding::fromCatalog("disk.cap-unknown", name);
            f.detail = Tr::tr("Throttling was not judged: %1.").arg(unknownWhy.value(name));
            out.findings << f;
        }
    } else {
        Finding f = Finding::fromCatalog("disk.cap-unknown");
        f.detail = Tr::tr("Throttling was not judged on %1 nodes.").arg(unknown.size());
        for (const QString &name : unknown.mid(0, kPerNodeInfoLimit))
            f.evidence << name + QStringLiteral(": ") + unknownWhy.value(name);
        out.findings << f;
    }
    if (!in.nodes.isEmpty() && withData == 0)
        out.notes << Tr::tr(
            "No node reported disk counters over two samples, so IOPS and MB/s were "
            "not judged (use --duration of at least two intervals).");
    else if (!in.ioErrors.isEmpty())
        out.notes << Tr::tr("Disk counters of %1 nodes could not be read.").arg(in.ioErrors.size());
    out.finish(6);
    return out;
}

} // namespace nt
