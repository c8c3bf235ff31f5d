#include "check/checkoptions.h"

#include <algorithm>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CheckOptions)
};

// A whole number within [min, max], or an error naming the option.
Result<int> intOption(const QCommandLineParser &p, const QString &name, int fallback, int min,
                      int max) {
    if (!p.isSet(name))
        return fallback;
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v < min || v > max)
        return Error{Tr::tr("--%1 must be a whole number from %2 to %3, not \"%4\".")
                         .arg(name)
                         .arg(min)
                         .arg(max)
                         .arg(p.value(name))};
    return v;
}

// "A.B.C.D" or "A.B.C.D:PORT" with every part in range: the match (captures 1-4 the octets, 6 the
// port), or no match. --dns-server and --node-dns-server take the same form.
QRegularExpressionMatch ipv4WithPort(const QString &text) {
    static const QRegularExpression re(
        QStringLiteral(R"(^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(:(\d{1,5}))?$)"));
    QRegularExpressionMatch m = re.match(text);
    bool good = m.hasMatch();
    for (int i = 1; good && i <= 4; ++i)
        good = m.captured(i).toInt() <= 255;
    if (good && m.hasCaptured(6))
        good = m.captured(6).toInt() >= 1 && m.captured(6).toInt() <= 65535;
    return good ? m : QRegularExpressionMatch();
}

} // namespace

Result<QList<int>> parseStepList(const QString &text) {
    QList<int> steps;
    const auto bad = [&text] {
        return Error{
            Tr::tr("--steps takes step numbers 1 to 6 like \"1,2,6\" or \"1-6\", not \"%1\".")
                .arg(text)};
    };
    const QStringList parts = text.split(u',');
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        const QStringList range = part.split(u'-');
        if (range.size() > 2)
            return bad();
        bool okFrom = false;
        bool okTo = true;
        const int from = range[0].trimmed().toInt(&okFrom);
        const int to = range.size() == 2 ? range[1].trimmed().toInt(&okTo) : from;
        if (!okFrom || !okTo || from < 1 || to > 6 || from > to)
            return bad();
        for (int s = from; s <= to; ++s)
            steps << s;
    }
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    return steps;
}

Result<CheckOptions> CheckOptions::parse(const QStringList &args) {
    QCommandLineParser p;
    p.setApplicationDescription(
        Tr::tr("Diagnoses the health of a cluster's worker nodes without a window."));
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  Tr::tr("Shows this help."));
    p.addOption(help);
    const auto value = [&p](const char *name, const char *description, const char *valueName) {
        p.addOption(
            QCommandLineOption(QString::fromLatin1(name), Tr::tr(description), Tr::tr(valueName)));
    };
    value("kubeconfig",
          QT_TRANSLATE_NOOP("CheckOptions",
                            "Kubeconfig to use (else $KUBECONFIG, else ~/.kube/config)."),
          QT_TRANSLATE_NOOP("CheckOptions", "file"));
    value("context", QT_TRANSLATE_NOOP("CheckOptions", "Context to use (else current-context)."),
          QT_TRANSLATE_NOOP("CheckOptions", "name"));
    value("steps",
          QT_TRANSLATE_NOOP("CheckOptions", "Steps to run, e.g. 1,2,6 or 1-6 (default: all)."),
          QT_TRANSLATE_NOOP("CheckOptions", "list"));
    value("duration",
          QT_TRANSLATE_NOOP(
              "CheckOptions",
              "Seconds to sample before judging trends (default 30; 0 = one snapshot)."),
          QT_TRANSLATE_NOOP("CheckOptions", "seconds"));
    value("interval",
          QT_TRANSLATE_NOOP("CheckOptions", "Sampling interval in seconds (default 5)."),
          QT_TRANSLATE_NOOP("CheckOptions", "seconds"));
    value("prometheus",
          QT_TRANSLATE_NOOP("CheckOptions", "Also sample through this Prometheus HTTP API."),
          QT_TRANSLATE_NOOP("CheckOptions", "url"));
    value("ssh-config",
          QT_TRANSLATE_NOOP("CheckOptions", "SSH client configuration for node-side checks."),
          QT_TRANSLATE_NOOP("CheckOptions", "file"));
    value("ssh-user", QT_TRANSLATE_NOOP("CheckOptions", "SSH user on the nodes."),
          QT_TRANSLATE_NOOP("CheckOptions", "user"));
    value("ssh-key", QT_TRANSLATE_NOOP("CheckOptions", "SSH private key."),
          QT_TRANSLATE_NOOP("CheckOptions", "file"));
    value("ssh-port", QT_TRANSLATE_NOOP("CheckOptions", "SSH port on the nodes."),
          QT_TRANSLATE_NOOP("CheckOptions", "port"));
    value("ssh-jump", QT_TRANSLATE_NOOP("CheckOptions", "SSH jump host."),
          QT_TRANSLATE_NOOP("CheckOptions", "[user@]host[:port]"));
    value("known-hosts", QT_TRANSLATE_NOOP("CheckOptions", "Known hosts file for SSH."),
          QT_TRANSLATE_NOOP("CheckOptions", "file"));
    value("ssh-nodes",
          QT_TRANSLATE_NOOP("CheckOptions",
                            "How many nodes the node-side SSH checks visit, affected ones first "
                            "(default 5)."),
          QT_TRANSLATE_NOOP("CheckOptions", "count"));
    value("node-dns-server",
          QT_TRANSLATE_NOOP("CheckOptions",
                            "DNS server the node-side lookups ask instead of the node's own "
                            "resolver and of Azure DNS 168.63.129.16."),
          QT_TRANSLATE_NOOP("CheckOptions", "ip[:port]"));
    value("json",
          QT_TRANSLATE_NOOP("CheckOptions", "Write the JSON report here ('-' = standard output)."),
          QT_TRANSLATE_NOOP("CheckOptions", "file"));
    value("pdf", QT_TRANSLATE_NOOP("CheckOptions", "Write a PDF report here."),
          QT_TRANSLATE_NOOP("CheckOptions", "file"));
    value("html", QT_TRANSLATE_NOOP("CheckOptions", "Write an HTML report here."),
          QT_TRANSLATE_NOOP("CheckOptions", "file"));
    value("markdown",
          QT_TRANSLATE_NOOP("CheckOptions",
                            "Write a Markdown report here (for pasting into tickets)."),
          QT_TRANSLATE_NOOP("CheckOptions", "file"));
    p.addOption(QCommandLineOption(
        QStringList{QStringLiteral("pseudonymise"), QStringLiteral("pseudonymize")},
        Tr::tr("Replace IP addresses, node and cluster names by stand-ins in the reports.")));
    p.addOption(QCommandLineOption(QStringLiteral("allow-changes"),
                                   Tr::tr("Permit mutating actions (none run without it).")));
    value("fqdn",
          QT_TRANSLATE_NOOP("CheckOptions",
                            "API server name for the DNS step when the server URL is an address."),
          QT_TRANSLATE_NOOP("CheckOptions", "name"));
    value("dns-server",
          QT_TRANSLATE_NOOP("CheckOptions",
                            "Resolve the API server name here against this DNS server."),
          QT_TRANSLATE_NOOP("CheckOptions", "ip[:port]"));
    value("probe-image",
          QT_TRANSLATE_NOOP(
              "CheckOptions",
              "Image of the DNS probe pod (needs --allow-changes; must have nslookup)."),
          QT_TRANSLATE_NOOP("CheckOptions", "image"));
    value(
        "probe-timeout",
        QT_TRANSLATE_NOOP("CheckOptions",
                          "Seconds the DNS probe pod may take before it is deleted (default 60)."),
        QT_TRANSLATE_NOOP("CheckOptions", "seconds"));
    p.addOption(QCommandLineOption(
        QStringLiteral("vnet-integration"),
        Tr::tr("The API server uses VNet integration: no konnectivity agent is expected.")));
    value("lang",
          QT_TRANSLATE_NOOP("CheckOptions", "Language of messages and reports (en, zh_CN)."),
          QT_TRANSLATE_NOOP("CheckOptions", "code"));

    // QCommandLineParser expects the program name first.
    if (!p.parse(QStringList{QStringLiteral("nodetriage check")} + args))
        return Error{p.errorText()};
    if (!p.positionalArguments().isEmpty())
        return Error{
            Tr::tr("Unexpected argument \"%1\".").arg(p.positionalArguments().constFirst())};

    CheckOptions o;
    o.help = p.isSet(help);
    // The parser names the executable; the subcommand belongs in the usage line too.
    o.helpText = p.helpText();
    const qsizetype firstLineEnd = o.helpText.indexOf(u'\n');
    o.helpText.replace(0, firstLineEnd, Tr::tr("Usage: nodetriage check [options]"));
    o.kubeconfig = p.value(QStringLiteral("kubeconfig"));
    o.context = p.value(QStringLiteral("context"));
    if (p.isSet(QStringLiteral("steps"))) {
        Result<QList<int>> steps = parseStepList(p.value(QStringLiteral("steps")));
        if (!steps)
            return Error{steps.error()};
        o.steps = steps.value();
    }
    const Result<int> duration = intOption(p, QStringLiteral("duration"), 30, 0, 24 * 3600);
    if (!duration)
        return Error{duration.error()};
    o.durationSeconds = *duration;
    const Result<int> interval = intOption(p, QStringLiteral("interval"), 5, 1, 3600);
    if (!interval)
        return Error{interval.error()};
    o.intervalSeconds = *interval;
    const Result<int> port = intOption(p, QStringLiteral("ssh-port"), 0, 1, 65535);
    if (!port)
        return Error{port.error()};
    o.sshPort = *port;
    o.prometheus = p.value(QStringLiteral("prometheus"));
    o.sshConfig = p.value(QStringLiteral("ssh-config"));
    o.sshUser = p.value(QStringLiteral("ssh-user"));
    o.sshKey = p.value(QStringLiteral("ssh-key"));
    o.sshJump = p.value(QStringLiteral("ssh-jump"));
    o.knownHosts = p.value(QStringLiteral("known-hosts"));
    const Result<int> sshNodes = intOption(p, QStringLiteral("ssh-nodes"), 5, 1, 100);
    if (!sshNodes)
        return Error{sshNodes.error()};
    o.sshNodes = *sshNodes;
    o.jsonPath = p.value(QStringLiteral("json"));
    o.pdfPath = p.value(QStringLiteral("pdf"));
    o.htmlPath = p.value(QStringLiteral("html"));
    o.markdownPath = p.value(QStringLiteral("markdown"));
    o.pseudonymise = p.isSet(QStringLiteral("pseudonymise"));
    o.allowChanges = p.isSet(QStringLiteral("allow-changes"));
    o.lang = p.value(QStringLiteral("lang"));
    o.fqdn = p.value(QStringLiteral("fqdn")).trimmed().toLower();
    static const QRegularExpression fqdnRe(
        QStringLiteral(R"(^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}\.?$)"));
    if (p.isSet(QStringLiteral("fqdn")) && !fqdnRe.match(o.fqdn).hasMatch())
        return Error{
            Tr::tr("--fqdn takes a DNS name like \"x.hcp.westeurope.azmk8s.io\", not \"%1\".")
                .arg(p.value(QStringLiteral("fqdn")))};
    if (p.isSet(QStringLiteral("dns-server"))) {
        o.dnsServer = p.value(QStringLiteral("dns-server")).trimmed();
        if (!ipv4WithPort(o.dnsServer).hasMatch())
            return Error{Tr::tr("--dns-server takes an IPv4 address with an optional port like "
                                "\"10.0.0.10\" or \"127.0.0.1:5353\", not \"%1\".")
                             .arg(o.dnsServer)};
    }
    if (p.isSet(QStringLiteral("node-dns-server"))) {
        const QString text = p.value(QStringLiteral("node-dns-server")).trimmed();
        const QRegularExpressionMatch m = ipv4WithPort(text);
        if (!m.hasMatch())
            return Error{Tr::tr("--node-dns-server takes an IPv4 address with an optional port "
                                "like \"10.0.0.10\" or \"127.0.0.1:5353\", not \"%1\".")
                             .arg(text)};
        // Rebuilt from the numbers: nothing but digits and dots reaches a node's command line.
        o.nodeDnsServer = QStringLiteral("%1.%2.%3.%4")
                              .arg(m.captured(1).toInt())
                              .arg(m.captured(2).toInt())
                              .arg(m.captured(3).toInt())
                              .arg(m.captured(4).toInt());
        o.nodeDnsPort = m.hasCaptured(6) ? m.captured(6).toInt() : 53;
    }
    if (p.isSet(QStringLiteral("probe-image"))) {
        o.probeImage = p.value(QStringLiteral("probe-image")).trimmed();
        static const QRegularExpression imageRe(
            QStringLiteral(R"(^[A-Za-z0-9][A-Za-z0-9._/:@-]*$)"));
        if (!imageRe.match(o.probeImage).hasMatch())
            return Error{Tr::tr("--probe-image takes an image reference like "
                                "\"mcr.microsoft.com/cbl-mariner/busybox:2.0\", not \"%1\".")
                             .arg(o.probeImage)};
    }
    const Result<int> probeTimeout = intOption(p, QStringLiteral("probe-timeout"), 60, 5, 600);
    if (!probeTimeout)
        return Error{probeTimeout.error()};
    o.probeTimeoutSeconds = *probeTimeout;
    o.vnetIntegration = p.isSet(QStringLiteral("vnet-integration"));
    static const QRegularExpression langRe(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2})?$"));
    if (!o.lang.isEmpty() && !langRe.match(o.lang).hasMatch())
        return Error{Tr::tr("--lang takes a language code like \"en\" or \"zh_CN\", not \"%1\".")
                         .arg(o.lang)};
    return o;
}

} // namespace nt
