#include "reportexport.h"

#include "check/checkcommand.h"
#include "check/checkoptions.h"
#include "htmlwriter.h"
#include "kube/kubeconfig.h"
#include "markdownwriter.h"
#include "pdfreport.h"
#include "redactor.h"
#include "reportmodel.h"
#include "util/savefile.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <QCoreApplication>
#include <QUrl>

namespace nt::report {
namespace {

QString saveText(const QString &path, const QByteArray &bytes, const QString &what) {
    if (const QString error = saveFile(path, bytes); !error.isEmpty())
        return ReportText::tr("cannot write the %1 report to %2: %3").arg(what, path, error);
    return {};
}

void redactJson(nlohmann::ordered_json &j, const Redactor &r) {
    if (j.is_string()) {
        j = r.apply(QString::fromStdString(j.get<std::string>())).toStdString();
    } else if (j.is_array()) {
        for (auto &e : j)
            redactJson(e, r);
    } else if (j.is_object()) {
        // Keys can be names too (latest values per node in future schema revisions).
        nlohmann::ordered_json out = nlohmann::ordered_json::object();
        for (auto it = j.begin(); it != j.end(); ++it) {
            nlohmann::ordered_json v = it.value();
            redactJson(v, r);
            out[r.apply(QString::fromStdString(it.key())).toStdString()] = std::move(v);
        }
        j = std::move(out);
    }
}

// The command line as the user can run it again: paths and values as given, quoted for a POSIX
// shell when needed (the redactor still runs over it).
QString shellLine(const QStringList &args) {
    QStringList words{QStringLiteral("nodetriage"), QStringLiteral("check")};
    for (const QString &a : args) {
        const bool plain = !a.isEmpty() && std::all_of(a.cbegin(), a.cend(), [](QChar c) {
            return c.isLetterOrNumber() || QStringLiteral("-_./=:,@+").contains(c);
        });
        words << (plain ? a : u'\'' + QString(a).replace(u'\'', QStringLiteral("'\\''")) + u'\'');
    }
    return words.join(u' ');
}

} // namespace

Redactor makeRedactor(const ReportInput &input, const ReportOptions &options) {
    Redactor r(options.pseudonymise);
    for (const QString &s : options.secrets)
        r.addSecret(s);
    const CheckReport &c = input.check;
    r.addClusterName(c.cluster.context);
    r.addHostName(c.cluster.fqdn());
    r.addHostName(QUrl(c.cluster.server).host());
    // Sorted, so the pseudonyms do not depend on the API server's list order.
    QStringList names;
    for (const Node &n : c.nodes)
        names << n.meta.name;
    for (const Finding &f : c.findings) {
        if (!f.node.isEmpty())
            names << f.node;
    }
    names.sort();
    names.removeDuplicates();
    for (const QString &n : std::as_const(names))
        r.addNodeName(n);
    // Node addresses first, in node order, so they get the same stand-ins in every run.
    if (options.pseudonymise) {
        for (const QString &n : std::as_const(names)) {
            for (const Node &node : c.nodes) {
                if (node.meta.name != n)
                    continue;
                for (const auto &a : node.addresses)
                    r.apply(a.second);
            }
        }
    }
    return r;
}

std::string jsonReport(const CheckReport &report, const Redactor &redactor) {
    nlohmann::ordered_json j = report.toJson();
    redactJson(j, redactor);
    return j.dump(2) + '\n';
}

QString writeReports(const ReportInput &input, const ReportFiles &files,
                     const ReportOptions &options, const ReportProgress &progress,
                     const std::atomic_bool *cancel) {
    const Redactor redactor = makeRedactor(input, options);
    const int total = 2 + !files.pdf.isEmpty() * 2;
    auto step = [&](int done, const QString &what) {
        if (progress)
            progress(done, total, what);
        return !(cancel && cancel->load());
    };
    if (!step(0, ReportText::tr("Collecting the report")))
        return ReportText::tr("cancelled");
    const ReportDocument doc = buildReport(input, redactor, cancel);
    if (!step(1, ReportText::tr("Writing HTML, JSON and Markdown")))
        return ReportText::tr("cancelled");
    if (!files.json.isEmpty()) {
        const std::string json = jsonReport(input.check, redactor);
        const QString error =
            saveText(files.json, QByteArray::fromStdString(json), ReportText::tr("JSON"));
        if (!error.isEmpty())
            return error;
    }
    if (!files.html.isEmpty()) {
        const QString error =
            saveText(files.html, htmlReport(doc).toUtf8(), ReportText::tr("HTML"));
        if (!error.isEmpty())
            return error;
    }
    if (!files.markdown.isEmpty()) {
        const QString error =
            saveText(files.markdown, markdownReport(doc).toUtf8(), ReportText::tr("Markdown"));
        if (!error.isEmpty())
            return error;
    }
    if (!files.pdf.isEmpty()) {
        if (!step(2, ReportText::tr("Laying out the PDF")))
            return ReportText::tr("cancelled");
        const PdfReport pdf(doc, options.paper);
        const QString error = pdf.write(files.pdf, [&](int page, int pages) {
            return step(3, ReportText::tr("Writing PDF page %1 of %2").arg(page).arg(pages));
        });
        if (!error.isEmpty())
            return error;
    }
    step(total, ReportText::tr("Done"));
    return {};
}

QStringList kubeconfigSecrets(const QString &kubeconfig, const QString &context) {
    Result<Kubeconfig> config = Kubeconfig::loadDefault(kubeconfig);
    if (!config)
        return {};
    Result<ClusterAccess> access = config->resolve(context);
    if (!access)
        return {};
    QStringList secrets;
    if (!access->token.isEmpty())
        secrets << access->token;
    // PEM text is caught by shape; its body lines are registered too, in case a tool printed
    // the key without its armour.
    for (const QByteArray &pem : {access->clientKeyPem, access->clientCertPem}) {
        for (const QByteArray &line : pem.split('\n')) {
            if (line.size() >= 16 && !line.startsWith("-----"))
                secrets << QString::fromLatin1(line.trimmed());
        }
    }
    return secrets;
}

void installCheckReportWriter() {
    setCheckReportWriter([](const CheckReport &report, std::shared_ptr<const MetricStore> store,
                            const CheckOptions &options, const QStringList &args,
                            QTextStream &out) -> QString {
        ReportInput input;
        input.check = report;
        input.store = std::move(store);
        input.author = qEnvironmentVariable("USER");
        input.commandLine = shellLine(args);
        ReportOptions reportOptions;
        reportOptions.secrets = kubeconfigSecrets(options.kubeconfig, options.context);
        reportOptions.pseudonymise = options.pseudonymise;
        ReportFiles files;
        files.pdf = options.pdfPath;
        files.html = options.htmlPath;
        files.markdown = options.markdownPath;
        if (options.jsonPath != u"-")
            files.json = options.jsonPath;
        const QString error = writeReports(input, files, reportOptions);
        if (!error.isEmpty())
            return error;
        if (options.jsonPath == u"-")
            out << QString::fromStdString(jsonReport(report, makeRedactor(input, reportOptions)));
        return {};
    });
}

} // namespace nt::report
