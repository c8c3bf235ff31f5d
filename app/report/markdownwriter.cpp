#include "markdownwriter.h"

#include <QCoreApplication>

namespace nt::report {
namespace {

// Table cells: a pipe or a newline would end the cell or the row.
QString cell(QString s) {
    s.replace(u'|', QStringLiteral("\\|"));
    s.replace(u'\n', u' ');
    return s;
}

// Inline code that may itself hold backticks.
QString code(const QString &s) {
    if (s.isEmpty())
        return {};
    return s.contains(u'`') ? QString(QStringLiteral("`` ") + s + QStringLiteral(" ``"))
                            : QString(u'`' + s + u'`');
}

QString fence(const QStringList &lines) {
    return QStringLiteral("```\n") + lines.join(u'\n') + QStringLiteral("\n```\n");
}

} // namespace

QString markdownReport(const ReportDocument &d) {
    QString m;
    m.reserve(32 * 1024);
    m += QStringLiteral("# ") + d.title + QStringLiteral("\n\n");
    m += QStringLiteral("- **%1:** %2\n").arg(ReportText::tr("Cluster context"), d.context);
    m += QStringLiteral("- **%1:** %2%3\n")
             .arg(ReportText::tr("API server"), d.server,
                  d.privateCluster ? ReportText::tr(" (private cluster)") : QString());
    m += QStringLiteral("- **%1:** %2\n")
             .arg(ReportText::tr("Kubernetes version"),
                  d.kubernetesVersion.isEmpty() ? ReportText::tr("unknown") : d.kubernetesVersion);
    if (!d.author.isEmpty())
        m += QStringLiteral("- **%1:** %2\n").arg(ReportText::tr("Prepared by"), d.author);
    m += QStringLiteral("- **%1:** %2\n")
             .arg(ReportText::tr("Generated"), formatTime(d.generatedAt));
    m += QStringLiteral("- **%1:** %2\n")
             .arg(ReportText::tr("Observation window"),
                  ReportText::tr("%1 to %2, %3 samples every %4 s")
                      .arg(formatTime(d.windowStart), formatTime(d.windowEnd))
                      .arg(d.samples)
                      .arg(d.intervalSeconds));
    if (d.pseudonymised)
        m += QStringLiteral("- %1\n").arg(
            ReportText::tr("Cluster, node names and addresses are pseudonymised."));

    m += QStringLiteral("\n## %1\n\n%2\n\n").arg(ReportText::tr("Summary"), d.verdict);
    m += QStringLiteral("| %1 | %2 | %3 |\n|---|---|---|\n")
             .arg(ReportText::tr("Step"), ReportText::tr("Status"), ReportText::tr("Note"));
    for (const StepResult &s : d.steps)
        m +=
            QStringLiteral("| %1. %2 | %3 | %4 |\n")
                .arg(QString::number(s.number), cell(s.title), statusLabel(s.status), cell(s.note));

    for (const StepSection &s : d.sections) {
        if (s.findings.isEmpty())
            continue;
        m += QStringLiteral("\n## %1\n")
                 .arg(ReportText::tr("Step %1: %2").arg(s.result.number).arg(s.result.title));
        for (const Finding &f : s.findings) {
            m += QStringLiteral("\n### %1: %2").arg(severityLabel(f.severity), f.title);
            if (!f.node.isEmpty())
                m += QStringLiteral(" (%1)").arg(code(f.node));
            m += QStringLiteral("\n\n%1\n").arg(f.detail);
            if (!f.evidence.isEmpty()) {
                m += QStringLiteral("\n%1\n").arg(ReportText::tr("Evidence:"));
                for (const QString &e : f.evidence)
                    m += QStringLiteral("- %1\n").arg(e);
            }
            if (!f.remediation.isEmpty())
                m += QStringLiteral("\n**%1** %2\n")
                         .arg(ReportText::tr("What to do:"), f.remediation);
            if (!f.commands.isEmpty())
                m += u'\n' + fence(f.commands);
        }
    }
    bool charts = false;
    for (const StepSection &s : d.sections)
        charts = charts || !s.charts.isEmpty();
    if (charts)
        m += u'\n' +
             ReportText::tr("Charts of the affected nodes are in the PDF and HTML reports.") +
             u'\n';

    m += QStringLiteral("\n## %1\n\n").arg(ReportText::tr("Nodes"));
    if (d.nodesAbridged)
        m += ReportText::tr(
                 "%1 of %2 nodes listed: those not ready, under a condition or with findings. The "
                 "JSON report lists every node.")
                 .arg(d.nodes.size())
                 .arg(d.totalNodes) +
             QStringLiteral("\n\n");
    m += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n|---|---|---|---|---|---|---|\n")
             .arg(ReportText::tr("Node"), ReportText::tr("Pool"), ReportText::tr("Ready"),
                  ReportText::tr("Conditions"), ReportText::tr("CPU"), ReportText::tr("Memory"),
                  ReportText::tr("Findings"));
    for (const NodeRow &n : d.nodes)
        m += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                 .arg(code(n.name), cell(n.pool), n.ready,
                      cell(n.problems.join(QStringLiteral(", "))), n.cpu, n.memory,
                      n.findings ? QString::number(n.findings) + u' ' + severityLabel(n.worst)
                                 : QString());

    if (!d.transcripts.isEmpty()) {
        m += QStringLiteral("\n## %1\n").arg(ReportText::tr("SSH transcripts"));
        for (const TranscriptExcerpt &t : d.transcripts) {
            QStringList lines;
            for (const TranscriptLine &l : t.lines)
                lines << l.time.toUTC().toString(QStringLiteral("HH:mm:ss")) + u' ' +
                             (l.kind == u"input" || l.kind == u"command" ? QStringLiteral("$ ")
                                                                         : QString()) +
                             l.text;
            m += QStringLiteral("\n%1\n\n").arg(code(t.session)) + fence(lines);
        }
    }
    if (!d.notes.isEmpty())
        m += QStringLiteral("\n## %1\n\n").arg(ReportText::tr("Notes")) +
             d.notes.join(QStringLiteral("\n\n")) + u'\n';
    if (!d.actions.isEmpty()) {
        m += QStringLiteral("\n## %1\n\n| %2 | %3 | %4 |\n|---|---|---|\n")
                 .arg(ReportText::tr("Actions taken"), ReportText::tr("Time"),
                      ReportText::tr("Action"), ReportText::tr("Result"));
        for (const ReportAction &a : d.actions)
            m += QStringLiteral("| %1 | %2 | %3 |\n")
                     .arg(formatTime(a.time), cell(a.action), cell(a.result));
    }
    m += QStringLiteral("\n## %1\n\n").arg(ReportText::tr("Appendix: commands to reproduce"));
    if (!d.commandLine.isEmpty())
        m += fence({d.commandLine});
    if (!d.reproduce.isEmpty())
        m += u'\n' + fence(d.reproduce);
    return m;
}

} // namespace nt::report
