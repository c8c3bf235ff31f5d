#include "check/checkcommand.h"

#include "check/checkoptions.h"
#include "check/checkrunner.h"
#include "check/checksummary.h"
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"
#include "util/savefile.h"
#include "util/translations.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <QCoreApplication>
#include <QLocale>
#include <unistd.h>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CheckCommand)
};

// Exit 3: exactly one line on stderr naming what failed and where.
int cannotRun(QTextStream &err, QString message) {
    message.replace(u'\n', u' ');
    err << "nodetriage check: " << message.trimmed() << '\n';
    err.flush();
    return 3;
}

CheckReportWriter &reportWriter() {
    static CheckReportWriter writer;
    return writer;
}

// The same translators main() installs for --lang (util/translations.h); here again because
// runCheckCommand() also runs in-process, without main().
void loadTranslation(const QString &lang, QTextStream &err) {
    if (lang.isEmpty() || !QCoreApplication::instance())
        return;
    const Result<QString> language = resolveLanguage(lang, QLocale::system().name());
    if (!language) {
        err << "nodetriage check: " << language.error() << '\n';
        return;
    }
    const Result<bool> installed = installTranslations(language.value());
    if (!installed)
        err << "nodetriage check: " << installed.error() << '\n';
}

} // namespace

void setCheckReportWriter(CheckReportWriter writer) {
    reportWriter() = std::move(writer);
}

int runCheckCommand(const QStringList &args, QTextStream &out, QTextStream &err) {
    Result<CheckOptions> parsed = CheckOptions::parse(args);
    if (!parsed)
        return cannotRun(err, parsed.error());
    const CheckOptions &options = parsed.value();
    if (options.help) {
        out << options.helpText;
        return 0;
    }
    loadTranslation(options.lang, err);
    for (const QString &path : {options.pdfPath, options.htmlPath, options.markdownPath}) {
        if (!path.isEmpty() && !reportWriter())
            err << Tr::tr(
                       "nodetriage check: PDF and HTML reports are not supported yet; %1 was not "
                       "written.")
                       .arg(path)
                << '\n';
    }

    Result<Kubeconfig> config = Kubeconfig::loadDefault(options.kubeconfig);
    if (!config)
        return cannotRun(err, config.error());
    Result<ClusterAccess> access = config->resolve(options.context);
    if (!access)
        return cannotRun(err, access.error());
    // Told after the run, so that exit status 3 keeps its single line on stderr.
    const QString insecureServer = access->insecureSkipTlsVerify ? access->server : QString();
    const QString contextName = access->contextName;
    // An exec plugin may ask a person something (kubelogin's device code): only when one can
    // answer, and its prompt must reach them at once - the main thread is blocked on results,
    // so the prompt is written from the client's thread.
    ClientOptions clientOptions;
    clientOptions.interactive = ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO);
    KubeClient client(std::move(access.value()), clientOptions);
    QObject::connect(
        &client, &KubeClient::credentialPrompt, &client,
        [](const QString &text) {
            const QByteArray line = text.toLocal8Bit() + '\n';
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
            std::fflush(stderr);
        },
        Qt::DirectConnection);
    CheckRunner runner(client, options, contextName);
    Result<CheckReport> report = runner.run();
    if (!report)
        return cannotRun(err, report.error());
    if (!insecureServer.isEmpty())
        err << Tr::tr("nodetriage check: warning: the kubeconfig disables TLS verification for %1.")
                   .arg(insecureServer)
            << '\n';
    for (const QString &w : runner.warnings())
        err << "nodetriage check: " << w << '\n';

    const bool anyFile = !options.jsonPath.isEmpty() || !options.pdfPath.isEmpty() ||
                         !options.htmlPath.isEmpty() || !options.markdownPath.isEmpty();
    if (anyFile && reportWriter()) {
        const QString error = reportWriter()(report.value(), runner.store(), options, args, out);
        if (!error.isEmpty())
            return cannotRun(err, error);
    } else if (!options.jsonPath.isEmpty()) {
        const std::string json = report->toJson().dump(2) + '\n';
        if (options.jsonPath == u"-") {
            out << QString::fromStdString(json);
        } else if (const QString error =
                       saveFile(options.jsonPath, QByteArray::fromStdString(json));
                   !error.isEmpty()) {
            return cannotRun(
                err, Tr::tr("cannot write the JSON report to %1: %2").arg(options.jsonPath, error));
        }
    }
    if (options.jsonPath != u"-")
        writeCheckSummary(report.value(), out);
    out.flush();
    err.flush();
    return report->exitCode();
}

} // namespace nt
