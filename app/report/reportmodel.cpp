#include "reportmodel.h"

#include "check/thresholds.h"
#include "redactor.h"

#include <algorithm>
#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QUrl>

namespace nt::report {
namespace {

// Most nodes drawn in one chart: beyond that lines cannot be told apart; the caption names the
// rest.
constexpr int kMaxSeries = 6;
// Fewer nodes with data than this, and healthy peers are added for comparison.
constexpr int kMinSeries = 3;
constexpr int kChartPixels = 480;

QString checkedText(int step) {
    switch (step) {
    case 1:
        return ReportText::tr(
            "Each node's Ready and pressure conditions, its lease heartbeat, taints and "
            "cordons, how often readiness changed during the window, and CPU, memory, PID "
            "and filesystem use against the alert thresholds.");
    case 2:
        return ReportText::tr(
            "The tunnel between the control plane and the nodes: whether the konnectivity "
            "agent (or the legacy tunnelfront / aks-link) is deployed, ready and stable, "
            "what its logs say, and whether the API server can reach the kubelets "
            "(kubectl logs and exec depend on it).");
    case 3:
        return ReportText::tr(
            "Name resolution of the API server from this workstation, from the nodes and "
            "from a pod, CoreDNS's health, and private cluster names that resolve to "
            "public addresses.");
    case 4:
        return ReportText::tr(
            "The kubelet on each node: restarts, runtime operation errors, PLEG relist "
            "latency, evictions, pods against the node's maximum, and version skew against "
            "the control plane.");
    case 5:
        return ReportText::tr(
            "The conditions and events that Node Problem Detector reports on each node "
            "(kernel deadlocks, read-only filesystems, container runtime problems...).");
    case 6:
        return ReportText::tr(
            "Disk read and write IOPS and throughput against the caps of the VM size and "
            "the OS disk, disk utilisation, queue depth, I/O wait and I/O pressure.");
    }
    return {};
}

struct ChartDef {
    Metric metric;
    const char *title;
    const char *unit;
    double yMax;
    double threshold;
};

QList<ChartDef> chartsForStep(int step) {
    const Thresholds &t = Thresholds::defaults();
    const double none = std::nan("");
    switch (step) {
    case 1:
        return {{Metric::CpuPercent, QT_TRANSLATE_NOOP("Report", "CPU use"), "%", 100,
                 t.cpuHighPercent},
                {Metric::MemoryPercent, QT_TRANSLATE_NOOP("Report", "Memory use"), "%", 100,
                 t.memoryHighPercent},
                {Metric::PidPercent, QT_TRANSLATE_NOOP("Report", "PIDs in use"), "%", 100,
                 t.pidsHighPercent},
                {Metric::FsPercent, QT_TRANSLATE_NOOP("Report", "Root filesystem use"), "%", 100,
                 t.fsHighPercent}};
    case 4:
        return {{Metric::KubeletRuntimeErrorsPerSec,
                 QT_TRANSLATE_NOOP("Report", "Kubelet runtime errors"), "/s", 0, none},
                {Metric::KubeletPlegRelistP99Seconds,
                 QT_TRANSLATE_NOOP("Report", "PLEG relist p99"), "s", 0, t.plegP99Seconds},
                {Metric::KubeletEvictionsPerSec, QT_TRANSLATE_NOOP("Report", "Evictions"), "/s", 0,
                 none}};
    case 6:
        return {{Metric::ReadIops, QT_TRANSLATE_NOOP("Report", "Read IOPS"), "IOPS", 0, none},
                {Metric::WriteIops, QT_TRANSLATE_NOOP("Report", "Write IOPS"), "IOPS", 0, none},
                {Metric::DiskUtilPercent, QT_TRANSLATE_NOOP("Report", "Disk utilisation"), "%", 100,
                 none},
                {Metric::IowaitPercent, QT_TRANSLATE_NOOP("Report", "I/O wait"), "%", 0, none}};
    default:
        return {};
    }
}

QString formatValue(const std::optional<LatestValue> &v, const char *suffix) {
    if (!v)
        return {};
    return QLocale().toString(v->value, 'f', 1) + QLatin1String(suffix);
}

QString readyOf(const Node &node) {
    const Condition *ready = node.condition(QStringLiteral("Ready"));
    return ready && !ready->status.isEmpty() ? ready->status : QStringLiteral("Unknown");
}

QStringList problemsOf(const Node &node) {
    QStringList out;
    for (const Condition &c : node.conditions) {
        if (c.type != u"Ready" && c.status == u"True")
            out << c.type;
    }
    if (node.unschedulable)
        out << ReportText::tr("cordoned");
    for (const Taint &t : node.taints) {
        if (t.key.startsWith(u"node.kubernetes.io/"))
            out << t.key.mid(19) + u':' + t.effect;
    }
    return out;
}

class Builder {
    Q_DECLARE_TR_FUNCTIONS(nt::report::Builder)

public:
    Builder(const ReportInput &in, const Redactor &r, const std::atomic_bool *cancel)
        : m_in(in)
        , m_r(r)
        , m_cancel(cancel) {}

    ReportDocument build() {
        const CheckReport &c = m_in.check;
        ReportDocument d;
        d.pseudonymised = m_r.pseudonymising();
        d.context = m_r.apply(c.cluster.context);
        d.server =
            m_r.apply(QUrl(c.cluster.server)
                          .adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
                          .toString());
        d.fqdn = m_r.apply(c.cluster.fqdn());
        d.kubernetesVersion = c.cluster.version;
        d.privateCluster = c.cluster.isPrivate();
        d.title = tr("Node health report: %1").arg(d.context);
        d.author = m_r.apply(m_in.author);
        d.generatedAt = c.generatedAt;
        d.windowStart = c.window.start;
        d.windowEnd = c.window.end;
        d.intervalSeconds = c.window.intervalSeconds;
        d.samples = c.window.samples;

        QList<Finding> sorted;
        for (const Finding &f : c.findings)
            sorted << redacted(f);
        std::stable_sort(sorted.begin(), sorted.end(), [](const Finding &a, const Finding &b) {
            return severityRank(a.severity) < severityRank(b.severity);
        });
        for (const Finding &f : sorted) {
            d.critical += f.severity == Severity::Critical;
            d.warnings += f.severity == Severity::Warning;
            d.infos += f.severity == Severity::Info;
            if (f.severity != Severity::Info)
                d.keyFindings << f;
            for (const QString &cmd : f.commands) {
                if (!d.reproduce.contains(cmd))
                    d.reproduce << cmd;
            }
        }
        for (StepResult s : c.steps) {
            s.note = m_r.apply(s.note);
            d.steps << s;
        }
        d.verdict = verdict(d, c);

        for (const StepResult &s : std::as_const(d.steps)) {
            if (cancelled())
                return d;
            StepSection sec;
            sec.result = s;
            sec.anchor = QStringLiteral("step-%1").arg(s.number);
            sec.checked = checkedText(s.number);
            for (const Finding &f : std::as_const(sorted)) {
                if (f.step == s.number)
                    sec.findings << f;
            }
            addCharts(sec);
            d.sections << sec;
        }
        addNodes(d);
        for (TranscriptExcerpt t : m_in.transcripts) {
            t.session = m_r.apply(t.session);
            t.node = m_r.apply(t.node);
            for (TranscriptLine &l : t.lines)
                l.text = m_r.apply(l.text);
            d.transcripts << t;
        }
        for (const QString &p : m_in.notes.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts)) {
            if (!p.trimmed().isEmpty())
                d.notes << m_r.apply(p.trimmed());
        }
        for (ReportAction a : m_in.actions) {
            a.action = m_r.apply(a.action);
            a.result = m_r.apply(a.result);
            d.actions << a;
        }
        d.commandLine = m_r.apply(m_in.commandLine);
        return d;
    }

private:
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    Finding redacted(Finding f) const {
        f.node = m_r.apply(f.node);
        f.object = m_r.apply(f.object);
        f.title = m_r.apply(f.title);
        f.detail = m_r.apply(f.detail);
        f.evidence = m_r.apply(f.evidence);
        f.remediation = m_r.apply(f.remediation);
        f.commands = m_r.apply(f.commands);
        return f;
    }

    QString verdict(const ReportDocument &d, const CheckReport &c) const {
        QSet<QString> affected;
        for (const Finding &f : c.findings) {
            if (f.severity != Severity::Info && !f.node.isEmpty())
                affected.insert(f.node);
        }
        QString text;
        if (d.critical + d.warnings == 0) {
            text = tr("No problems found: none of the %n nodes has a warning or critical finding.",
                      nullptr, int(c.nodes.size()));
        } else {
            text = tr("%1 critical and %2 warning findings; %3 of %4 nodes are affected.")
                       .arg(d.critical)
                       .arg(d.warnings)
                       .arg(affected.size())
                       .arg(c.nodes.size());
            const Finding &worst = d.keyFindings.first();
            text += u' ' + (worst.node.isEmpty()
                                ? tr("The most serious: %1.").arg(worst.title)
                                : tr("The most serious: %1 (%2).").arg(worst.title, worst.node));
        }
        QStringList notRun;
        for (const StepResult &s : c.steps) {
            if (s.status == StepStatus::Error || s.status == StepStatus::Skipped)
                notRun << QString::number(s.number);
        }
        if (!notRun.isEmpty())
            text += u' ' + tr("Steps %1 did not give a verdict (see their notes); their findings "
                              "may be incomplete.")
                               .arg(notRun.join(QStringLiteral(", ")));
        return text;
    }

    void addCharts(StepSection &sec) {
        const QList<ChartDef> defs = chartsForStep(sec.result.number);
        if (defs.isEmpty())
            return;
        if (!m_in.store) {
            sec.chartNote = tr("No metric history was recorded for this report.");
            return;
        }
        // The window itself, a little wider so first and last samples are not on the axes; a
        // single snapshot gets half a minute either side so its dots are readable.
        qint64 to = m_in.check.window.end.isValid() ? m_in.check.window.end.toMSecsSinceEpoch()
                                                    : QDateTime::currentMSecsSinceEpoch();
        qint64 from = m_in.check.window.start.isValid()
                          ? std::min(to, m_in.check.window.start.toMSecsSinceEpoch())
                          : to;
        const qint64 pad = to - from < 1'000 ? 30'000 : std::max<qint64>((to - from) / 30, 500);
        from -= pad;
        to += pad;
        // Affected nodes first (worst first), then peers to compare against.
        QStringList affected;
        for (const Finding &f : m_in.check.findings) {
            if (f.step == sec.result.number && f.severity != Severity::Info && !f.node.isEmpty() &&
                !affected.contains(f.node))
                affected << f.node;
        }
        for (const ChartDef &def : defs) {
            ReportChart chart;
            chart.title = QCoreApplication::translate("Report", def.title);
            chart.unit = QString::fromLatin1(def.unit);
            chart.fromMs = from;
            chart.toMs = to;
            chart.yMax = def.yMax;
            chart.threshold = def.threshold;
            QStringList silent;
            for (const QString &node : std::as_const(affected)) {
                if (chart.series.size() >= kMaxSeries)
                    break;
                ChartSeries s = series(node, def.metric, from, to, false);
                if (s.points.empty())
                    silent << m_r.apply(node);
                else
                    chart.series << std::move(s);
            }
            const int affectedDrawn = int(chart.series.size());
            if (chart.series.size() < kMinSeries) {
                for (const Node &n : m_in.check.nodes) {
                    if (chart.series.size() >= kMinSeries)
                        break;
                    if (affected.contains(n.meta.name))
                        continue;
                    ChartSeries s = series(n.meta.name, def.metric, from, to, true);
                    if (!s.points.empty())
                        chart.series << std::move(s);
                }
            }
            QStringList caption;
            if (affected.size() > kMaxSeries)
                caption
                    << tr("%1 of %2 affected nodes drawn.").arg(affectedDrawn).arg(affected.size());
            if (!silent.isEmpty())
                caption << tr("No samples in the window from %1.")
                               .arg(silent.join(QStringLiteral(", ")));
            if (chart.series.size() > affectedDrawn)
                caption << tr("Dashed: healthy nodes, for comparison.");
            if (!std::isnan(def.threshold))
                caption << tr("Red dashes: the alert threshold (%1 %2).")
                               .arg(QLocale().toString(def.threshold), chart.unit);
            chart.caption = caption.join(u' ');
            if (chart.hasData() || !silent.isEmpty())
                sec.charts << chart;
        }
        if (sec.charts.isEmpty())
            sec.chartNote = tr("No samples of this step's metrics were recorded in the window.");
    }

    ChartSeries series(const QString &node, Metric metric, qint64 from, qint64 to,
                       bool peer) const {
        ChartSeries s;
        s.label = m_r.apply(node);
        s.peer = peer;
        if (const auto id = m_in.store->findNode(node))
            s.points = m_in.store->queryDecimated(*id, metric, from, to, kChartPixels);
        return s;
    }

    void addNodes(ReportDocument &d) {
        const CheckReport &c = m_in.check;
        d.totalNodes = int(c.nodes.size());
        QHash<QString, std::pair<Severity, int>> byNode;
        for (const Finding &f : c.findings) {
            if (f.node.isEmpty())
                continue;
            auto &e = byNode[f.node];
            if (e.second == 0 || severityRank(f.severity) < severityRank(e.first))
                e.first = f.severity;
            ++e.second;
        }
        QHash<QString, PoolRow> pools;
        QList<NodeRow> rows;
        for (const Node &n : c.nodes) {
            NodeRow row;
            row.name = m_r.apply(n.meta.name);
            row.pool = m_r.apply(n.pool());
            row.instanceType = n.instanceType();
            row.kubeletVersion = n.kubeletVersion;
            row.ready = readyOf(n);
            row.problems = problemsOf(n);
            const auto found = byNode.constFind(n.meta.name);
            if (found != byNode.cend()) {
                row.worst = found->first;
                row.findings = found->second;
            }
            PoolRow &p = pools[n.pool()];
            p.pool = row.pool;
            p.instanceType = row.instanceType;
            ++p.nodes;
            p.notReady += row.ready != u"True";
            p.withFindings += row.findings > 0 && row.worst != Severity::Info;
            const bool matters = row.ready != u"True" || !row.problems.isEmpty() ||
                                 (row.findings > 0 && row.worst != Severity::Info);
            if (c.nodes.size() > kFullNodeTableLimit && !matters)
                continue;
            if (m_in.store) {
                if (const auto id = m_in.store->findNode(n.meta.name)) {
                    row.cpu = formatValue(m_in.store->latest(*id, Metric::CpuPercent), " %");
                    row.memory = formatValue(m_in.store->latest(*id, Metric::MemoryPercent), " %");
                    row.disk = formatValue(m_in.store->latest(*id, Metric::FsPercent), " %");
                }
            }
            rows << row;
        }
        d.nodesAbridged = rows.size() < c.nodes.size();
        std::stable_sort(rows.begin(), rows.end(), [](const NodeRow &a, const NodeRow &b) {
            const int ra = a.findings ? severityRank(a.worst) : 3;
            const int rb = b.findings ? severityRank(b.worst) : 3;
            return ra != rb ? ra < rb : a.name < b.name;
        });
        d.nodes = rows;
        QStringList poolNames = pools.keys();
        poolNames.sort();
        for (const QString &p : poolNames)
            d.pools << pools.value(p);
    }

    const ReportInput &m_in;
    const Redactor &m_r;
    const std::atomic_bool *m_cancel;
};

} // namespace

bool ReportChart::hasData() const {
    return std::any_of(series.cbegin(), series.cend(),
                       [](const ChartSeries &s) { return !s.points.empty(); });
}

int severityRank(Severity s) {
    return s == Severity::Critical ? 0 : s == Severity::Warning ? 1 : 2;
}

QString severityLabel(Severity s) {
    switch (s) {
    case Severity::Critical:
        return ReportText::tr("Critical");
    case Severity::Warning:
        return ReportText::tr("Warning");
    case Severity::Info:
        return ReportText::tr("Info");
    }
    return {};
}

QString statusLabel(StepStatus s) {
    switch (s) {
    case StepStatus::Pass:
        return ReportText::tr("Pass");
    case StepStatus::Warn:
        return ReportText::tr("Warning");
    case StepStatus::Fail:
        return ReportText::tr("Fail");
    case StepStatus::Skipped:
        return ReportText::tr("Skipped");
    case StepStatus::Error:
        return ReportText::tr("Error");
    }
    return {};
}

QString formatTime(const QDateTime &t) {
    if (!t.isValid())
        return ReportText::tr("unknown");
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

ReportDocument buildReport(const ReportInput &input, const Redactor &redactor,
                           const std::atomic_bool *cancel) {
    return Builder(input, redactor, cancel).build();
}

} // namespace nt::report
