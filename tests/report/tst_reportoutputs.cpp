// The reports as their readers get them. `nodetriage check --pdf/--html/--json` runs against the
// simulator's notready-unreachable incident with the token user; the files are read back with
// poppler-utils (the text a PDF viewer would copy, the pixels it would show, its bookmarks).
// writeReports() is also driven in process with what the CLI cannot supply (an SSH transcript,
// Chinese notes, pseudonymisation), and a canary secret planted everywhere it could leak from.
#include "../check/reportschema.h"
#include "reportexport.h"
#include "testsupport.h"
#include "util/translations.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMap>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <yaml-cpp/yaml.h>

using nlohmann::json;
using namespace nt::report;

namespace {

QString tool(const char *name) {
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// pdftotext's text with all whitespace removed: table cells and wrapped lines break words at
// different places than the source, and the question is only whether the text is there.
QString squeeze(QString s) {
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    return s.remove(ws);
}

QString pdfText(const QString &pdf) {
    const auto r =
        nt::test::runProcess(tool("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                                 pdf, QStringLiteral("-")});
    return QString::fromUtf8(r.out);
}

// The kubeconfig's token for the sim-token user: the canary that must appear in no output.
QString simToken(const QString &kubeconfig) {
    const YAML::Node root = YAML::LoadFile(kubeconfig.toStdString());
    for (const YAML::Node &u : root["users"]) {
        if (u["name"].as<std::string>() == "sim-token")
            return QString::fromStdString(u["user"]["token"].as<std::string>());
    }
    return {};
}

// Pages rendered by pdftoppm at 40 dpi, in order.
QList<QImage> pdfPages(const QString &pdf, const QString &dir) {
    const auto r = nt::test::runProcess(
        tool("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-png"), pdf,
                           dir + QStringLiteral("/page")});
    QList<QImage> pages;
    if (r.exitCode != 0)
        return pages;
    QStringList files = QDir(dir).entryList({QStringLiteral("page*.png")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        pages << QImage(dir + u'/' + f);
    return pages;
}

int nonWhite(const QImage &image) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += qGray(image.pixel(x, y)) < 235;
    }
    return n;
}

// Pixels in one of the charts' series colours: only chart lines are drawn in them (text uses
// black, greys and the badge colours, none of which is within the tolerance).
int seriesPixels(const QImage &image) {
    const QList<QColor> colors = {QColor(0x8a, 0x8a, 0x8a), QColor(0x15, 0x65, 0xc0),
                                  QColor(0x6a, 0x1b, 0x9a), QColor(0x00, 0x83, 0x8f)};
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor p = image.pixelColor(x, y);
            for (const QColor &c : colors) {
                if (std::abs(p.red() - c.red()) < 14 && std::abs(p.green() - c.green()) < 14 &&
                    std::abs(p.blue() - c.blue()) < 14) {
                    ++n;
                    break;
                }
            }
        }
    }
    return n;
}

// A check report built by hand, with secrets planted in the places a careless check or a
// careless engineer could put them.
nt::CheckReport plantedReport(const QString &canary) {
    nt::CheckReport r;
    r.generatedAt = QDateTime(QDate(2026, 11, 28), QTime(9, 0), QTimeZone::utc());
    r.cluster.context = QStringLiteral("prod-weu");
    r.cluster.server = QStringLiteral("https://prod-weu-dns-77aa.hcp.westeurope.azmk8s.io:443");
    r.cluster.version = QStringLiteral("v1.30.4");
    r.window = {r.generatedAt.addSecs(-60), r.generatedAt, 5, 13};
    r.steps << nt::StepResult::make(1, nt::StepStatus::Fail);
    for (int i = 1; i <= 3; ++i) {
        r.nodes << nt::Node::fromJson(
            json::parse(QStringLiteral(R"({"metadata":{"name":"aks-np-3141-vmss00000%1","labels":{
            "kubernetes.azure.com/agentpool":"np","node.kubernetes.io/instance-type":
            "Standard_D4s_v3"}},"status":{"conditions":[{"type":"Ready","status":"%2"}],
            "addresses":[{"type":"InternalIP","address":"10.224.0.%3"}],
            "nodeInfo":{"kubeletVersion":"v1.30.4"}}})")
                            .arg(i)
                            .arg(i == 2 ? QStringLiteral("Unknown") : QStringLiteral("True"))
                            .arg(i + 3)
                            .toStdString()));
    }
    nt::Finding f;
    f.id = QStringLiteral("node.unknown");
    f.step = 1;
    f.severity = nt::Severity::Critical;
    f.node = QStringLiteral("aks-np-3141-vmss000002");
    f.title = QStringLiteral("节点停止上报状态");
    f.detail = QStringLiteral("Kubelet on 10.224.0.5 stopped posting status; token=") + canary;
    f.evidence = {QStringLiteral("Authorization: Bearer ") + canary,
                  QStringLiteral("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
                                 "-----END PRIVATE KEY-----")};
    f.remediation = QStringLiteral("Restart the VM instance.");
    f.commands = {QStringLiteral("kubectl describe node aks-np-3141-vmss000002")};
    r.findings << f;
    return r;
}

// pdftotext -layout, one string per page: the lines as they stand on the page, top to bottom.
QStringList pdfPagesText(const QString &pdf) {
    const auto r = nt::test::runProcess(tool("pdftotext"),
                                        {QStringLiteral("-layout"), QStringLiteral("-enc"),
                                         QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    QStringList pages = QString::fromUtf8(r.out).split(u'\f');
    if (!pages.isEmpty() && pages.constLast().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

// A page's body lines: without the header (first line) and the footer (last line).
QStringList bodyLines(const QString &page) {
    QStringList lines;
    for (const QString &l : page.split(u'\n')) {
        if (!l.trimmed().isEmpty())
            lines << l.simplified();
    }
    return lines.size() > 2 ? lines.mid(1, lines.size() - 2) : QStringList();
}

bool hasChinese(const QString &s) {
    return std::any_of(s.cbegin(), s.cend(),
                       [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

// A long report whose page breaks fall at many different places: 60 findings with details of
// one to five sentences and evidence lists of two to five items, named so that a line of
// pdftotext says which finding and which item it is.
nt::CheckReport longReport() {
    nt::CheckReport r = plantedReport(QStringLiteral("canary-0123456789"));
    r.findings.clear();
    for (int i = 0; i < 60; ++i) {
        nt::Finding f;
        f.id = QStringLiteral("node.unknown");
        f.step = 1 + i % 2 * 3; // steps 1 and 4
        f.severity = i % 3 ? nt::Severity::Warning : nt::Severity::Critical;
        f.node = QStringLiteral("aks-np-3141-vmss00000%1").arg(1 + i % 3);
        f.title = QStringLiteral("Heading %1 of the long report").arg(i, 2, 10, QLatin1Char('0'));
        for (int k = 0; k <= i % 5; ++k)
            f.detail += QStringLiteral("Sentence %1 says what was seen on the node and why it "
                                       "matters for the workloads running there. ")
                            .arg(k);
        const int items = 2 + i % 4;
        for (int k = 1; k <= items; ++k)
            f.evidence << QStringLiteral("item%1x%2of%3").arg(i).arg(k).arg(items);
        f.remediation = QStringLiteral("Restart the VM instance.");
        r.findings << f;
    }
    return r;
}

} // namespace

class TstReportOutputs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void checkWritesAllThree();
    void pdfHoldsEveryFinding();
    void pdfPagesAreDrawnWithCharts();
    void pdfHasOutlineAndPageNumbers();
    void htmlIsSelfContained();
    void jsonValidatesAndMatches();
    void canaryInKubeconfigAppearsNowhere();
    void plantedSecretsAndChinese();
    void pseudonymsAgreeAcrossFormats();
    void letterPaper();
    void chineseReportFromTheCheck();
    void contentsTableIsLinked();
    void headingsKeepWithNext();
    void checkMarkdownPseudonymised();

private:
    std::unique_ptr<nt::test::SimProcess> m_sim;
    QTemporaryDir m_dir;
    nt::test::ProcessResult m_run;
    QString m_pdf, m_html, m_json, m_token;
    json m_report;
};

void TstReportOutputs::initTestCase() {
    for (const char *t : {"pdftotext", "pdftoppm", "pdftohtml", "pdfinfo"})
        QVERIFY2(!tool(t).isEmpty(), "poppler-utils is needed (scripts/dev.sh installs it)");
    m_sim = std::make_unique<nt::test::SimProcess>(
        QStringList{QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    m_token = simToken(m_sim->kubeconfig());
    QVERIFY(m_token.size() >= 16);
    m_pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    m_html = m_dir.filePath(QStringLiteral("report.html"));
    m_json = m_dir.filePath(QStringLiteral("report.json"));
    m_run = nt::test::runProcess(
        nt::test::appBinary(),
        {QStringLiteral("check"), QStringLiteral("--kubeconfig"), m_sim->kubeconfig(),
         QStringLiteral("--context"), QStringLiteral("sim-token"),
         // Step 3 would resolve the scenario's public FQDN with the system resolver, a query
         // that leaves this machine: tests talk to 127.0.0.1 only (tst_scenariochecks covers
         // step 3 against a local dnsmasq).
         QStringLiteral("--steps"), QStringLiteral("1,2,4,5,6"), QStringLiteral("--duration"),
         QStringLiteral("4"), QStringLiteral("--interval"), QStringLiteral("1"),
         QStringLiteral("--pdf"), m_pdf, QStringLiteral("--html"), m_html, QStringLiteral("--json"),
         m_json},
        120000);
    m_report = json::parse(readAll(m_json).toStdString(), nullptr, false);
}

void TstReportOutputs::checkWritesAllThree() {
    QVERIFY2(m_run.exitCode == 2, m_run.err.constData()); // a critical finding
    QVERIFY2(!m_run.err.contains("not supported"), m_run.err.constData());
    QVERIFY(readAll(m_pdf).startsWith("%PDF-"));
    QVERIFY(readAll(m_html).startsWith("<!DOCTYPE html>"));
    QVERIFY(!m_report.is_discarded());
}

void TstReportOutputs::pdfHoldsEveryFinding() {
    const QString text = squeeze(pdfText(m_pdf));
    int checked = 0;
    for (const json &f : m_report["findings"]) {
        if (f["severity"] == "info")
            continue;
        const QString title = QString::fromStdString(f["title"].get<std::string>());
        const QString node = QString::fromStdString(f.value("node", std::string()));
        QVERIFY2(text.contains(squeeze(title)), qPrintable(title));
        QVERIFY2(text.contains(squeeze(node)), qPrintable(node));
        ++checked;
    }
    QVERIFY2(checked >= 2, "the incident has a critical finding and its unreachable taint");
    QVERIFY(text.contains(squeeze(QStringLiteral("What was checked:"))));
}

void TstReportOutputs::pdfPagesAreDrawnWithCharts() {
    QTemporaryDir dir;
    const QList<QImage> pages = pdfPages(m_pdf, dir.path());
    QVERIFY(pages.size() >= 3);
    for (int i = 0; i < pages.size(); ++i)
        QVERIFY2(nonWhite(pages[i]) > 2000,
                 qPrintable(QStringLiteral("page %1 is blank").arg(i + 1)));
    int chartPixels = 0;
    for (const QImage &p : pages)
        chartPixels += seriesPixels(p);
    // Step 1's four charts draw the unreachable node's healthy peers over the window.
    QVERIFY2(chartPixels > 300, qPrintable(QString::number(chartPixels)));
}

void TstReportOutputs::pdfHasOutlineAndPageNumbers() {
    const auto xml = nt::test::runProcess(tool("pdftohtml"),
                                          {QStringLiteral("-xml"), QStringLiteral("-i"),
                                           QStringLiteral("-stdout"), QStringLiteral("-q"), m_pdf});
    QCOMPARE(xml.exitCode, 0);
    const QString outline = QString::fromUtf8(xml.out);
    QVERIFY2(outline.contains(QStringLiteral("<outline>")), "no bookmarks");
    for (const char *entry : {"Summary", "Step 1: ", "Step 6: ", "Nodes", "Appendix"})
        QVERIFY2(outline.contains(QRegularExpression(QStringLiteral("<item page=\"\\d+\">") +
                                                     QString::fromLatin1(entry))),
                 entry);
    const QString text = pdfText(m_pdf);
    const auto info = nt::test::runProcess(tool("pdfinfo"), {m_pdf});
    const QString pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                              .match(QString::fromUtf8(info.out))
                              .captured(1);
    QVERIFY(!pages.isEmpty());
    QVERIFY(QString::fromUtf8(info.out).contains(QStringLiteral("(A4)")));
    QVERIFY(text.contains(QStringLiteral("Page 1 of ") + pages));
    QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
}

void TstReportOutputs::htmlIsSelfContained() {
    const QString html = QString::fromUtf8(readAll(m_html));
    // URLs may be written as text (the API server's address); nothing may be loaded from one.
    static const QRegularExpression reference(
        QStringLiteral("(?:\\s(?:href|src|srcset|action|data|poster|xlink:href)\\s*=|url\\s*\\(|"
                       "@import|<link|<script|<iframe|<object|<embed|<img|<base)"),
        QRegularExpression::CaseInsensitiveOption);
    auto it = reference.globalMatch(html);
    int links = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        // In-page links to the sections are the only references allowed.
        QVERIFY2(html.mid(m.capturedStart(), 8) == u" href=\"#",
                 qPrintable(html.mid(m.capturedStart(), 80)));
        ++links;
    }
    QVERIFY(links >= 8); // the contents
    QVERIFY(html.contains(QStringLiteral("<svg")));
    QVERIFY(html.contains(QStringLiteral("<path d=\"M")));
    for (const json &f : m_report["findings"])
        QVERIFY(
            html.contains(QString::fromStdString(f["title"].get<std::string>()).toHtmlEscaped()));
}

void TstReportOutputs::jsonValidatesAndMatches() {
    QCOMPARE(nt::test::ReportSchema::check(m_report), QString());
    QVERIFY(m_report["findings"].size() >= 2);
    QCOMPARE(
        QString::fromStdString(m_report["findings"][0]["severity"].get<std::string>()).isEmpty(),
        false);
}

void TstReportOutputs::canaryInKubeconfigAppearsNowhere() {
    QVERIFY(!pdfText(m_pdf).contains(m_token));
    QVERIFY(!readAll(m_pdf).contains(m_token.toUtf8()));
    QVERIFY(!readAll(m_html).contains(m_token.toUtf8()));
    QVERIFY(!readAll(m_json).contains(m_token.toUtf8()));
    QVERIFY(!m_run.out.contains(m_token.toUtf8()));
    QVERIFY(!m_run.err.contains(m_token.toUtf8()));
}

void TstReportOutputs::plantedSecretsAndChinese() {
    ReportInput in;
    in.check = plantedReport(m_token);
    in.author = QStringLiteral("张伟");
    in.notes = QStringLiteral("节点在 09:00 之前停止响应。\n\n已联系客户。");
    in.transcripts << TranscriptExcerpt{
        QStringLiteral("azureuser@10.224.0.5:22"),
        QStringLiteral("aks-np-3141-vmss000002"),
        {{in.check.generatedAt, QStringLiteral("input"),
          QStringLiteral("curl -H \"Authorization: Bearer ") + m_token + u'"'},
         {in.check.generatedAt, QStringLiteral("output"),
          QStringLiteral("export TOKEN=") + m_token},
         {in.check.generatedAt, QStringLiteral("output"), m_token}}};
    in.actions << ReportAction{in.check.generatedAt, QStringLiteral("重启节点"),
                               QStringLiteral("password: hunter2hunter2 accepted")};
    ReportOptions options;
    options.secrets = kubeconfigSecrets(m_sim->kubeconfig(), QStringLiteral("sim-token"));
    QVERIFY(options.secrets.contains(m_token));
    QTemporaryDir dir;
    const ReportFiles files{
        dir.filePath(QStringLiteral("r.pdf")), dir.filePath(QStringLiteral("r.html")),
        dir.filePath(QStringLiteral("r.json")), dir.filePath(QStringLiteral("r.md"))};
    QCOMPARE(writeReports(in, files, options), QString());

    const QString text = pdfText(files.pdf);
    for (const QString &out :
         {text, QString::fromUtf8(readAll(files.html)), QString::fromUtf8(readAll(files.json)),
          QString::fromUtf8(readAll(files.markdown))}) {
        QVERIFY(!out.isEmpty());
        QVERIFY(!out.contains(m_token));
        QVERIFY(!out.contains(QStringLiteral("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")));
        QVERIFY(!out.contains(QStringLiteral("hunter2hunter2")));
    }
    QVERIFY(!readAll(files.pdf).contains(m_token.toUtf8()));
    // Chinese text extracts as Chinese: title, notes, author, action.
    const QString squeezed = squeeze(text);
    // 止 comes out right only because the PDF's ToUnicode maps are corrected (Qt alone gives the
    // Kangxi radical U+2F4C).
    for (const char *zh : {"节点停止上报状态", "节点在09:00之前停止响应。", "张伟", "重启节点"})
        QVERIFY2(squeezed.contains(QString::fromUtf8(zh)),
                 qPrintable(QString::fromUtf8(zh) + QStringLiteral(" not in: ") +
                            squeezed.mid(squeezed.lastIndexOf(QStringLiteral("Notes")), 300)));
    // Noto Sans CJK SC draws 户 and 戶 with one glyph; the map gives the one that was written.
    QVERIFY2(squeezed.contains(QStringLiteral("已联系客户。")), qPrintable(squeezed.right(200)));
    QVERIFY(!squeezed.contains(QStringLiteral("戶")));
    QVERIFY(QString::fromUtf8(readAll(files.markdown)).contains(QStringLiteral("已联系客户。")));
    QVERIFY(QString::fromUtf8(readAll(files.html)).contains(QStringLiteral("节点停止上报状态")));
}

void TstReportOutputs::pseudonymsAgreeAcrossFormats() {
    ReportInput in;
    in.check = plantedReport(QStringLiteral("canary-0123456789"));
    in.notes = QStringLiteral("Rebooted aks-np-3141-vmss000002 (10.224.0.5) in prod-weu.");
    ReportOptions options;
    options.pseudonymise = true;
    QTemporaryDir dir;
    const ReportFiles files{
        dir.filePath(QStringLiteral("r.pdf")), dir.filePath(QStringLiteral("r.html")),
        dir.filePath(QStringLiteral("r.json")), dir.filePath(QStringLiteral("r.md"))};
    QCOMPARE(writeReports(in, files, options), QString());
    const json j = json::parse(readAll(files.json).toStdString());
    QCOMPARE(nt::test::ReportSchema::check(j), QString());
    const QString stand = QString::fromStdString(j["findings"][0]["node"].get<std::string>());
    QVERIFY2(stand.startsWith(QStringLiteral("node-")), qPrintable(stand));
    for (const QString &out :
         {squeeze(pdfText(files.pdf)), QString::fromUtf8(readAll(files.html)),
          QString::fromUtf8(readAll(files.json)), QString::fromUtf8(readAll(files.markdown))}) {
        for (const char *real : {"aks-np-3141", "prod-weu", "10.224.0.", "westeurope.azmk8s"})
            QVERIFY2(!out.contains(QLatin1String(real)), real);
        QVERIFY(out.contains(stand));
        QVERIFY(out.contains(QStringLiteral("cluster-1")));
    }
    // Same input, same pseudonyms: a second export is byte-identical in JSON and Markdown.
    QTemporaryDir again;
    const ReportFiles files2{
        {}, {}, again.filePath(QStringLiteral("r.json")), again.filePath(QStringLiteral("r.md"))};
    QCOMPARE(writeReports(in, files2, options), QString());
    QCOMPARE(readAll(files2.json), readAll(files.json));
    QCOMPARE(readAll(files2.markdown), readAll(files.markdown));
}

void TstReportOutputs::letterPaper() {
    ReportInput in;
    in.check = plantedReport(QStringLiteral("canary-0123456789"));
    ReportOptions options;
    options.paper = PaperSize::Letter;
    QTemporaryDir dir;
    ReportFiles files;
    files.pdf = dir.filePath(QStringLiteral("letter.pdf"));
    QCOMPARE(writeReports(in, files, options), QString());
    const auto info = nt::test::runProcess(tool("pdfinfo"), {files.pdf});
    QVERIFY2(QString::fromUtf8(info.out).contains(QStringLiteral("612 x 792 pts (letter)")),
             info.out.constData());
}

// `nodetriage check --lang zh_CN --pdf`: the report's own headings and the findings' titles
// extract from the PDF as Chinese.
void TstReportOutputs::chineseReportFromTheCheck() {
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("zh.pdf"));
    const QString jsonPath = dir.filePath(QStringLiteral("zh.json"));
    const auto run = nt::test::runProcess(
        nt::test::appBinary(),
        {QStringLiteral("check"), QStringLiteral("--lang"), QStringLiteral("zh_CN"),
         QStringLiteral("--kubeconfig"), m_sim->kubeconfig(), QStringLiteral("--context"),
         QStringLiteral("sim-token"), QStringLiteral("--steps"), QStringLiteral("1,2,4,5,6"),
         QStringLiteral("--duration"), QStringLiteral("2"), QStringLiteral("--interval"),
         QStringLiteral("1"), QStringLiteral("--pdf"), pdf, QStringLiteral("--json"), jsonPath},
        120000);
    QVERIFY2(run.exitCode == 2, run.err.constData());
    const QString text = squeeze(pdfText(pdf));
    QVERIFY(!text.isEmpty());

    // What the headings must say: the Chinese catalogue's text, which must be Chinese.
    QVERIFY(bool(nt::installTranslations(QStringLiteral("zh_CN"))));
    const auto restore = qScopeGuard([] { (void)nt::installTranslations(QStringLiteral("en")); });
    int headings = 0;
    for (const char *english : {"Contents", "Summary", "Nodes", "Appendix: commands to reproduce",
                                "What was checked:", "Findings, worst first", "Evidence"}) {
        const QString zh = QCoreApplication::translate("nt::report::PdfReport", english);
        QVERIFY2(hasChinese(zh), english);
        QVERIFY2(text.contains(squeeze(zh)), qPrintable(zh));
        QVERIFY2(!text.contains(squeeze(QString::fromLatin1(english))), english);
        ++headings;
    }
    QCOMPARE(headings, 7);
    const QString step1 = squeeze(
        QCoreApplication::translate("nt::report::PdfReport", "Step %1: %2").arg(1).arg(QString()));
    QVERIFY2(hasChinese(step1) && text.contains(step1), qPrintable(step1));
    // Every warning and critical finding's title, in Chinese, with its node.
    const json report = json::parse(readAll(jsonPath).toStdString(), nullptr, false);
    QVERIFY(!report.is_discarded());
    int titles = 0;
    for (const json &f : report["findings"]) {
        if (f["severity"] == "info")
            continue;
        const QString title = QString::fromStdString(f["title"].get<std::string>());
        QVERIFY2(hasChinese(title), qPrintable(title));
        QVERIFY2(text.contains(squeeze(title)), qPrintable(title));
        QVERIFY(text.contains(QString::fromStdString(f.value("node", std::string()))));
        ++titles;
    }
    QVERIFY(titles >= 2);
    // The page footer too.
    const int pages = int(pdfPagesText(pdf).size());
    const QString footer = squeeze(
        QCoreApplication::translate("nt::report::PdfReport", "Page %1 of %2").arg(1).arg(pages));
    QVERIFY2(hasChinese(footer) && text.contains(footer), qPrintable(footer));
}

// The contents table's rows are links into the document: each row on page 1 jumps to the page
// its section starts on (the number the row shows), as the outline does.
void TstReportOutputs::contentsTableIsLinked() {
    const auto xml = nt::test::runProcess(tool("pdftohtml"),
                                          {QStringLiteral("-xml"), QStringLiteral("-i"),
                                           QStringLiteral("-stdout"), QStringLiteral("-q"), m_pdf});
    QCOMPARE(xml.exitCode, 0);
    const QString out = QString::fromUtf8(xml.out);
    // <text ...><a href="x.html#3">Summary</a></text>
    static const QRegularExpression link(
        QStringLiteral("<a href=\"[^\"]*#(\\d+)\">(?:<[^>]+>)*([^<]+)"));
    QMap<QString, int> targets;
    auto it = link.globalMatch(out.left(out.indexOf(QStringLiteral("</page>"))));
    while (it.hasNext()) {
        const auto m = it.next();
        targets.insert(m.captured(2).trimmed(), m.captured(1).toInt());
    }
    QVERIFY2(targets.size() >= 8, qPrintable(out.left(out.indexOf(QStringLiteral("</page>")))));
    const QStringList pages = pdfPagesText(m_pdf);
    for (const char *section : {"Summary", "Step 1: ", "Step 6: ", "Nodes", "Appendix"}) {
        QString title;
        for (auto t = targets.cbegin(); t != targets.cend(); ++t) {
            if (t.key().startsWith(QLatin1String(section)))
                title = t.key();
        }
        QVERIFY2(!title.isEmpty(), section);
        const int page = targets.value(title);
        QVERIFY2(page >= 2 && page <= pages.size(), qPrintable(title));
        // The section's heading is on the page the link opens (and not on the page before).
        QVERIFY2(bodyLines(pages[page - 1]).contains(title), qPrintable(title));
        QVERIFY2(!bodyLines(pages[page - 2]).contains(title), qPrintable(title));
    }
}

// No heading ends a page (it goes to the next page with the text it introduces), and no list
// leaves its last item alone at the top of a page.
void TstReportOutputs::headingsKeepWithNext() {
    ReportInput in;
    in.check = longReport();
    QTemporaryDir dir;
    ReportFiles files;
    files.pdf = dir.filePath(QStringLiteral("long.pdf"));
    QCOMPARE(writeReports(in, files, ReportOptions{}), QString());
    const QStringList pages = pdfPagesText(files.pdf);
    QVERIFY(pages.size() >= 10);
    static const QRegularExpression item(QStringLiteral("^item(\\d+)x(\\d+)of(\\d+)$"));
    int splitLists = 0;
    for (int p = 0; p < pages.size(); ++p) {
        const QStringList lines = bodyLines(pages[p]);
        QVERIFY2(!lines.isEmpty(), qPrintable(QString::number(p + 1)));
        const QString last = lines.constLast();
        const QString where = QStringLiteral("page %1 ends with \"%2\"").arg(p + 1).arg(last);
        // A finding's heading ("Warning Heading 19 of the long report — node"); the summary
        // table's rows name the findings too, without the dash.
        QVERIFY2(!last.contains(QStringLiteral("of the long report — ")), qPrintable(where));
        QVERIFY2(last != u"Evidence" && last != u"Findings, worst first", qPrintable(where));
        QVERIFY2(!last.startsWith(QLatin1String("Step ")), qPrintable(where));
        // A list that goes on from the page before brings at least two items.
        const auto first =
            item.match(QString(lines.constFirst()).remove(QStringLiteral("• ")).trimmed());
        if (p > 0 && first.hasMatch() && first.captured(2).toInt() > 1) {
            ++splitLists;
            QVERIFY2(first.captured(2) != first.captured(3),
                     qPrintable(QStringLiteral("page %1 starts with the last item alone: %2")
                                    .arg(p + 1)
                                    .arg(lines.constFirst())));
        }
    }
    qInfo("%d pages, %d lists split across pages", int(pages.size()), splitLists);
}

// `nodetriage check --markdown FILE --pseudonymize` (the American spelling of --pseudonymise):
// a Markdown report for a ticket, and no real node name, cluster name or address in any format,
// each real name replaced by the same stand-in everywhere.
void TstReportOutputs::checkMarkdownPseudonymised() {
    QTemporaryDir dir;
    const QString md = dir.filePath(QStringLiteral("r.md")),
                  pdf = dir.filePath(QStringLiteral("r.pdf")),
                  html = dir.filePath(QStringLiteral("r.html")),
                  jsonPath = dir.filePath(QStringLiteral("r.json"));
    const auto run = nt::test::runProcess(
        nt::test::appBinary(), {QStringLiteral("check"),      QStringLiteral("--kubeconfig"),
                                m_sim->kubeconfig(),          QStringLiteral("--context"),
                                QStringLiteral("sim-token"),  QStringLiteral("--steps"),
                                QStringLiteral("1,2,4,5,6"),  QStringLiteral("--duration"),
                                QStringLiteral("2"),          QStringLiteral("--interval"),
                                QStringLiteral("1"),          QStringLiteral("--pseudonymize"),
                                QStringLiteral("--markdown"), md,
                                QStringLiteral("--pdf"),      pdf,
                                QStringLiteral("--html"),     html,
                                QStringLiteral("--json"),     jsonPath},
        120000);
    QVERIFY2(run.exitCode == 2, run.err.constData());
    const QString markdown = QString::fromUtf8(readAll(md));
    QVERIFY2(markdown.startsWith(QStringLiteral("# ")), qPrintable(markdown.left(200)));
    QVERIFY(markdown.contains(QStringLiteral("\n## ")));
    QVERIFY(markdown.contains(QStringLiteral("|---|")));

    // The real names, from the unpseudonymised run of initTestCase().
    QStringList real;
    for (const json &n : m_report["nodes"])
        real << QString::fromStdString(n["name"].get<std::string>());
    // Addresses: every IPv4 address the plain JSON shows (node addresses in the findings'
    // details, the API server's).
    static const QRegularExpression ipv4(QStringLiteral("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b"));
    auto ips = ipv4.globalMatch(QString::fromUtf8(readAll(m_json)));
    int addresses = 0;
    while (ips.hasNext()) {
        real << ips.next().captured(0);
        ++addresses;
    }
    QVERIFY(addresses >= 1);
    real << QString::fromStdString(m_report["cluster"]["context"].get<std::string>());
    real.removeAll(QString());
    QVERIFY2(real.size() >= 4, qPrintable(real.join(u' ')));

    const json report = json::parse(readAll(jsonPath).toStdString(), nullptr, false);
    QVERIFY(!report.is_discarded());
    QCOMPARE(nt::test::ReportSchema::check(report), QString());
    QString critical; // the stand-in of the critical finding's node
    for (const json &f : report["findings"]) {
        if (f["severity"] == "critical" && f.contains("node"))
            critical = QString::fromStdString(f["node"].get<std::string>());
    }
    QVERIFY2(critical.startsWith(QStringLiteral("node-")), qPrintable(critical));
    const QString context = QString::fromStdString(report["cluster"]["context"].get<std::string>());
    QCOMPARE(context, QStringLiteral("cluster-1"));
    for (const QString &out : {markdown, squeeze(pdfText(pdf)), QString::fromUtf8(readAll(html)),
                               QString::fromUtf8(readAll(jsonPath))}) {
        for (const QString &name : std::as_const(real))
            QVERIFY2(!out.contains(name), qPrintable(name));
        QVERIFY(out.contains(critical));
        QVERIFY(out.contains(context));
    }
}

QTEST_MAIN(TstReportOutputs)
#include "tst_reportoutputs.moc"
