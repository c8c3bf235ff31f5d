#include "htmlwriter.h"

#include "reportchart.h"

#include <QCoreApplication>

namespace nt::report {
namespace {

QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

QString sevClass(Severity s) {
    return s == Severity::Critical  ? QStringLiteral("crit")
           : s == Severity::Warning ? QStringLiteral("warn")
                                    : QStringLiteral("info");
}

QString statusClass(StepStatus s) {
    switch (s) {
    case StepStatus::Pass:
        return QStringLiteral("pass");
    case StepStatus::Warn:
        return QStringLiteral("warn");
    case StepStatus::Fail:
        return QStringLiteral("crit");
    default:
        return QStringLiteral("info");
    }
}

// Fonts named, never fetched: DejaVu/Noto where installed, the reader's sans-serif otherwise.
const char *kStyle = R"(
body{font-family:"DejaVu Sans","Noto Sans","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
 max-width:60em;margin:2em auto;padding:0 1em;color:#1a1a1a;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;
 margin-top:2em}h3{margin-bottom:.3em}
table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:.25em .5em;
 text-align:left;vertical-align:top}th{background:#f3f3f3}
.meta td:first-child{font-weight:bold;background:#f8f8f8}
.badge{display:inline-block;padding:0 .5em;border-radius:.3em;color:#fff;font-size:.85em;
 font-weight:bold}.crit{background:#c62828}.warn{background:#ef6c00}.info{background:#607d8b}
.pass{background:#2e7d32}
.finding{border-left:4px solid #ccc;padding:.2em .8em;margin:1em 0}
.finding.crit-b{border-color:#c62828}.finding.warn-b{border-color:#ef6c00}
.finding.info-b{border-color:#607d8b}
pre,code{font-family:"DejaVu Sans Mono","Noto Sans Mono CJK SC",monospace;font-size:.9em}
pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap;word-break:break-all}
.charts{display:flex;flex-wrap:wrap;gap:1em}.charts figure{margin:0;width:30em;max-width:100%}
.charts svg{width:100%;height:auto}figcaption{font-size:.85em;color:#555}
.toc ol{padding-left:1.5em}.muted{color:#666}
)";

void finding(QString &h, const Finding &f) {
    h += QStringLiteral("<div class=\"finding %1-b\"><h4><span class=\"badge %1\">%2</span> %3")
             .arg(sevClass(f.severity), esc(severityLabel(f.severity)), esc(f.title));
    if (!f.node.isEmpty())
        h += QStringLiteral(" &mdash; <code>%1</code>").arg(esc(f.node));
    h += QStringLiteral("</h4><p>%1</p>").arg(esc(f.detail));
    if (!f.object.isEmpty())
        h += QStringLiteral("<p class=\"muted\">%1 <code>%2</code></p>")
                 .arg(esc(ReportText::tr("Object:")), esc(f.object));
    if (!f.evidence.isEmpty()) {
        h += QStringLiteral("<p><b>%1</b></p><ul>").arg(esc(ReportText::tr("Evidence")));
        for (const QString &e : f.evidence)
            h += QStringLiteral("<li>%1</li>").arg(esc(e));
        h += QStringLiteral("</ul>");
    }
    if (!f.remediation.isEmpty())
        h += QStringLiteral("<p><b>%1</b> %2</p>")
                 .arg(esc(ReportText::tr("What to do:")), esc(f.remediation));
    if (!f.commands.isEmpty())
        h += QStringLiteral("<pre>%1</pre>").arg(esc(f.commands.join(u'\n')));
    h += QStringLiteral("<p class=\"muted\">%1</p></div>").arg(esc(f.id));
}

} // namespace

QString htmlReport(const ReportDocument &d) {
    QString h;
    h.reserve(64 * 1024);
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                        "<meta name=\"viewport\" content=\"width=device-width\">"
                        "<title>%1</title><style>%2</style></head><body>\n")
             .arg(esc(d.title), QString::fromLatin1(kStyle));
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(d.title));
    h += QStringLiteral("<table class=\"meta\">");
    auto row = [&h](const QString &k, const QString &v) {
        h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(esc(k), esc(v));
    };
    row(ReportText::tr("Cluster context"), d.context);
    row(ReportText::tr("API server"),
        d.server + (d.privateCluster ? ReportText::tr(" (private cluster)") : QString()));
    row(ReportText::tr("Kubernetes version"),
        d.kubernetesVersion.isEmpty() ? ReportText::tr("unknown") : d.kubernetesVersion);
    if (!d.author.isEmpty())
        row(ReportText::tr("Prepared by"), d.author);
    row(ReportText::tr("Generated"), formatTime(d.generatedAt));
    row(ReportText::tr("Observation window"),
        ReportText::tr("%1 to %2, %3 samples every %4 s")
            .arg(formatTime(d.windowStart), formatTime(d.windowEnd))
            .arg(d.samples)
            .arg(d.intervalSeconds));
    if (d.pseudonymised)
        row(ReportText::tr("Names"),
            ReportText::tr("Cluster, node names and addresses are pseudonymised."));
    h += QStringLiteral("</table>\n");

    h += QStringLiteral("<nav class=\"toc\"><h2>%1</h2><ol>").arg(esc(ReportText::tr("Contents")));
    h += QStringLiteral("<li><a href=\"#summary\">%1</a></li>").arg(esc(ReportText::tr("Summary")));
    for (const StepSection &s : d.sections)
        h += QStringLiteral("<li><a href=\"#%1\">%2</a></li>")
                 .arg(s.anchor,
                      esc(ReportText::tr("Step %1: %2").arg(s.result.number).arg(s.result.title)));
    h += QStringLiteral("<li><a href=\"#nodes\">%1</a></li>").arg(esc(ReportText::tr("Nodes")));
    if (!d.transcripts.isEmpty())
        h += QStringLiteral("<li><a href=\"#transcripts\">%1</a></li>")
                 .arg(esc(ReportText::tr("SSH transcripts")));
    if (!d.notes.isEmpty())
        h += QStringLiteral("<li><a href=\"#notes\">%1</a></li>").arg(esc(ReportText::tr("Notes")));
    if (!d.actions.isEmpty())
        h += QStringLiteral("<li><a href=\"#actions\">%1</a></li>")
                 .arg(esc(ReportText::tr("Actions taken")));
    h += QStringLiteral("<li><a href=\"#appendix\">%1</a></li></ol></nav>\n")
             .arg(esc(ReportText::tr("Appendix: commands to reproduce")));

    h += QStringLiteral("<h2 id=\"summary\">%1</h2><p>%2</p>")
             .arg(esc(ReportText::tr("Summary")), esc(d.verdict));
    h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th></tr>")
             .arg(esc(ReportText::tr("Step")), esc(ReportText::tr("Status")),
                  esc(ReportText::tr("Note")));
    for (const StepResult &s : d.steps)
        h += QStringLiteral("<tr><td><a href=\"#step-%1\">%1. %2</a></td><td><span "
                            "class=\"badge %3\">%4</span></td><td>%5</td></tr>")
                 .arg(QString::number(s.number), esc(s.title), statusClass(s.status),
                      esc(statusLabel(s.status)), esc(s.note));
    h += QStringLiteral("</table>");
    if (!d.keyFindings.isEmpty()) {
        h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th></tr>")
                 .arg(esc(ReportText::tr("Severity")), esc(ReportText::tr("Finding")),
                      esc(ReportText::tr("Node")));
        for (const Finding &f : d.keyFindings)
            h += QStringLiteral("<tr><td><span class=\"badge %1\">%2</span></td><td><a "
                                "href=\"#step-%3\">%4</a></td><td><code>%5</code></td></tr>")
                     .arg(sevClass(f.severity), esc(severityLabel(f.severity)),
                          QString::number(f.step), esc(f.title),
                          esc(f.node.isEmpty() ? ReportText::tr("cluster") : f.node));
        h += QStringLiteral("</table>");
    }

    for (const StepSection &s : d.sections) {
        h += QStringLiteral("\n<h2 id=\"%1\">%2 <span class=\"badge %3\">%4</span></h2>")
                 .arg(s.anchor,
                      esc(ReportText::tr("Step %1: %2").arg(s.result.number).arg(s.result.title)),
                      statusClass(s.result.status), esc(statusLabel(s.result.status)));
        h += QStringLiteral("<p><b>%1</b> %2</p>")
                 .arg(esc(ReportText::tr("What was checked:")), esc(s.checked));
        if (!s.result.note.isEmpty())
            h += QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(s.result.note));
        if (s.findings.isEmpty())
            h += QStringLiteral("<p>%1</p>").arg(esc(ReportText::tr("No findings in this step.")));
        for (const Finding &f : s.findings)
            finding(h, f);
        if (!s.charts.isEmpty()) {
            h += QStringLiteral("<div class=\"charts\">");
            for (const ReportChart &c : s.charts) {
                h += QStringLiteral("<figure>") + chartSvg(c, 480, 260);
                if (!c.caption.isEmpty())
                    h += QStringLiteral("<figcaption>%1</figcaption>").arg(esc(c.caption));
                h += QStringLiteral("</figure>");
            }
            h += QStringLiteral("</div>");
        } else if (!s.chartNote.isEmpty()) {
            h += QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(s.chartNote));
        }
    }

    h += QStringLiteral("\n<h2 id=\"nodes\">%1</h2>").arg(esc(ReportText::tr("Nodes")));
    h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
             .arg(esc(ReportText::tr("Pool")), esc(ReportText::tr("VM size")),
                  esc(ReportText::tr("Nodes")), esc(ReportText::tr("Not ready")),
                  esc(ReportText::tr("With findings")));
    for (const PoolRow &p : d.pools)
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                 .arg(esc(p.pool), esc(p.instanceType))
                 .arg(p.nodes)
                 .arg(p.notReady)
                 .arg(p.withFindings);
    h += QStringLiteral("</table>");
    if (d.nodesAbridged)
        h += QStringLiteral("<p class=\"muted\">%1</p>")
                 .arg(esc(ReportText::tr(
                              "%1 of %2 nodes listed: those not ready, under a condition or with "
                              "findings. The JSON report lists every node.")
                              .arg(d.nodes.size())
                              .arg(d.totalNodes)));
    h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th>"
                        "<th>%6</th><th>%7</th><th>%8</th></tr>")
             .arg(esc(ReportText::tr("Node")), esc(ReportText::tr("Pool")),
                  esc(ReportText::tr("Ready")), esc(ReportText::tr("Conditions")),
                  esc(ReportText::tr("CPU")), esc(ReportText::tr("Memory")),
                  esc(ReportText::tr("Disk")), esc(ReportText::tr("Findings")));
    for (const NodeRow &n : d.nodes) {
        const QString findings = n.findings
                                     ? QStringLiteral("<span class=\"badge %1\">%2</span>")
                                           .arg(sevClass(n.worst), QString::number(n.findings))
                                     : QString();
        h += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td><td>%3</td><td>%4</td>"
                            "<td>%5</td><td>%6</td><td>%7</td><td>%8</td></tr>")
                 .arg(esc(n.name), esc(n.pool), esc(n.ready),
                      esc(n.problems.join(QStringLiteral(", "))), esc(n.cpu), esc(n.memory),
                      esc(n.disk), findings);
    }
    h += QStringLiteral("</table>");

    if (!d.transcripts.isEmpty()) {
        h += QStringLiteral("\n<h2 id=\"transcripts\">%1</h2>")
                 .arg(esc(ReportText::tr("SSH transcripts")));
        for (const TranscriptExcerpt &t : d.transcripts) {
            h += QStringLiteral("<h3>%1</h3><pre>").arg(esc(t.session));
            for (const TranscriptLine &l : t.lines)
                h += esc(l.time.toUTC().toString(QStringLiteral("HH:mm:ss")) + u' ' +
                         (l.kind == u"input" || l.kind == u"command" ? QStringLiteral("$ ")
                                                                     : QString()) +
                         l.text) +
                     u'\n';
            h += QStringLiteral("</pre>");
        }
    }
    if (!d.notes.isEmpty()) {
        h += QStringLiteral("\n<h2 id=\"notes\">%1</h2>").arg(esc(ReportText::tr("Notes")));
        for (const QString &p : d.notes)
            h += QStringLiteral("<p>%1</p>").arg(esc(p).replace(u'\n', QStringLiteral("<br>")));
    }
    if (!d.actions.isEmpty()) {
        h += QStringLiteral("\n<h2 id=\"actions\">%1</h2>")
                 .arg(esc(ReportText::tr("Actions taken")));
        h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th></tr>")
                 .arg(esc(ReportText::tr("Time")), esc(ReportText::tr("Action")),
                      esc(ReportText::tr("Result")));
        for (const ReportAction &a : d.actions)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                     .arg(esc(formatTime(a.time)), esc(a.action), esc(a.result));
        h += QStringLiteral("</table>");
    }
    h += QStringLiteral("\n<h2 id=\"appendix\">%1</h2>")
             .arg(esc(ReportText::tr("Appendix: commands to reproduce")));
    if (!d.commandLine.isEmpty())
        h += QStringLiteral("<p>%1</p><pre>%2</pre>")
                 .arg(esc(ReportText::tr("The check itself:")), esc(d.commandLine));
    if (!d.reproduce.isEmpty())
        h += QStringLiteral("<p>%1</p><pre>%2</pre>")
                 .arg(esc(ReportText::tr("The findings' commands, to confirm each by hand:")),
                      esc(d.reproduce.join(u'\n')));
    h += QStringLiteral("</body></html>\n");
    return h;
}

} // namespace nt::report
