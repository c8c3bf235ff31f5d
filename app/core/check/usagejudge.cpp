#include "check/usagejudge.h"

#include "check/nodecommands.h"
#include "check/stepfour.h"

#include <cmath>
#include <QCoreApplication>
#include <QSet>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(UsageJudge)
};

bool over(const QList<double> &values, double bar, const Thresholds &t) {
    if (values.size() == 1)
        return values.first() >= bar;
    return sustained(values, bar, t);
}

QString percents(const QList<double> &values) {
    QStringList parts;
    for (double v : values.mid(qMax<qsizetype>(0, values.size() - 12)))
        parts << QString::number(v, 'f', 1);
    return parts.join(QStringLiteral(", "));
}

} // namespace

QList<Finding> judgeUsage(const QList<Node> &nodes, const MetricStore &store, qint64 fromMs,
                          qint64 toMs, const Thresholds &t) {
    struct Rule {
        Metric metric;
        const char *id;
        double bar;
        const char *what;
    };
    const Rule rules[] = {
        {Metric::CpuPercent, "node.cpu-high", t.cpuHighPercent,
         QT_TRANSLATE_NOOP("UsageJudge", "CPU use")},
        {Metric::MemoryPercent, "node.memory-high", t.memoryHighPercent,
         QT_TRANSLATE_NOOP("UsageJudge", "Memory working set")},
        {Metric::PidPercent, "node.pids-high", t.pidsHighPercent,
         QT_TRANSLATE_NOOP("UsageJudge", "Processes in use")},
        {Metric::FsPercent, "node.fs-high", t.fsHighPercent,
         QT_TRANSLATE_NOOP("UsageJudge", "Node file system use")},
    };
    QList<Finding> out;
    for (const Node &node : nodes) {
        const NodeCommands cmd(node);
        for (const Rule &rule : rules) {
            const QList<double> values =
                windowValues(store, node.meta.name, rule.metric, fromMs, toMs);
            if (!over(values, rule.bar, t))
                continue;
            Finding f = Finding::fromCatalog(rule.id, node.meta.name);
            f.detail = Tr::tr("%1 stayed at or above %2% of the node's capacity during the window "
                              "(last %3%).")
                           .arg(QCoreApplication::translate("UsageJudge", rule.what))
                           .arg(rule.bar)
                           .arg(values.last(), 0, 'f', 1);
            if (rule.metric == Metric::FsPercent && values.last() >= t.fsCriticalPercent)
                f.severity = Severity::Critical;
            f.evidence << Tr::tr("%1 (%): %2")
                              .arg(QCoreApplication::translate("UsageJudge", rule.what),
                                   percents(values));
            f.commands << cmd.pods() << cmd.describe();
            out << f;
        }
    }
    return out;
}

QList<Finding> judgeFlapEvents(const QList<Node> &nodes, const QList<Event> &events,
                               const QDateTime &now, const QList<Finding> &already,
                               const Thresholds &t) {
    QSet<QString> flagged;
    for (const Finding &f : already) {
        if (f.id == u"node.readiness-flapping")
            flagged.insert(f.node);
    }
    QHash<QString, QList<const Event *>> changes;
    for (const Event &e : events) {
        if (e.reason != u"NodeReady" && e.reason != u"NodeNotReady")
            continue;
        const QDateTime last = e.lastTimestamp.isValid() ? e.lastTimestamp : e.firstTimestamp;
        if (last.isValid() && last.secsTo(now) <= t.flapWindowSeconds)
            changes[e.involvedName] << &e;
    }
    QList<Finding> out;
    for (const Node &node : nodes) {
        const QList<const Event *> seen = changes.value(node.meta.name);
        int count = 0;
        for (const Event *e : seen) {
            // A repeated event's count covers its whole life [first, last]. When that started
            // before the window, the occurrences inside it are estimated from the series' pace
            // (count over its span); at least the last one is in.
            const QDateTime windowStart = now.addSecs(-t.flapWindowSeconds);
            const int n = qMax(1, e->count);
            if (n == 1 || !e->firstTimestamp.isValid() || !e->lastTimestamp.isValid() ||
                e->firstTimestamp >= windowStart) {
                count += n;
                continue;
            }
            const double span = double(e->firstTimestamp.secsTo(e->lastTimestamp));
            const double inside = double(windowStart.secsTo(e->lastTimestamp));
            count += span > 0 && inside > 0 ? qMax(1, int(std::ceil(n * inside / span))) : 1;
        }
        if (count <= t.flapMaxChanges || flagged.contains(node.meta.name))
            continue;
        const NodeCommands cmd(node);
        Finding f = Finding::fromCatalog("node.readiness-flapping", node.meta.name);
        f.detail =
            Tr::tr("The node's readiness changed %1 times in the last %2 minutes (its events).")
                .arg(count)
                .arg(t.flapWindowSeconds / 60);
        for (const Event *e : seen)
            f.evidence << QStringLiteral("%1 %2 x%3: %4")
                              .arg(isoTime(e->lastTimestamp.isValid() ? e->lastTimestamp
                                                                      : e->firstTimestamp),
                                   e->reason)
                              .arg(e->count)
                              .arg(e->message);
        f.commands << cmd.events() << cmd.describe();
        out << f;
    }
    return out;
}

} // namespace nt
