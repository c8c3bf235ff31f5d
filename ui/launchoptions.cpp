#include "launchoptions.h"

#include "check/checkoptions.h"

#include <QCommandLineParser>

namespace nt::ui {

namespace {
struct Parser {
    QCommandLineParser parser;
    QCommandLineOption kubeconfig{QStringLiteral("kubeconfig"),
                                  LaunchOptions::tr("Kubeconfig file to use."),
                                  LaunchOptions::tr("FILE")};
    QCommandLineOption context{QStringLiteral("context"),
                               LaunchOptions::tr("Kubeconfig context to open."),
                               LaunchOptions::tr("NAME")};
    QCommandLineOption lang{QStringLiteral("lang"),
                            LaunchOptions::tr("Language of the interface (en, zh_CN)."),
                            LaunchOptions::tr("CODE")};
    QCommandLineOption theme{QStringLiteral("theme"),
                             LaunchOptions::tr("Colours: system (default), light or dark."),
                             LaunchOptions::tr("THEME")};
    QCommandLineOption demo{QStringLiteral("demo"),
                            LaunchOptions::tr("Open the simulated demo cluster; the optional "
                                              "SCENARIO argument picks its scenario.")};
    QCommandLineOption simulator{QStringLiteral("simulator"), QString(), QStringLiteral("PATH")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"), QString(), QStringLiteral("FILE")};
    QCommandLineOption screenshotRounds{QStringLiteral("screenshot-after-rounds"), QString(),
                                        QStringLiteral("N")};
    QCommandLineOption showNode{QStringLiteral("show-node"), QString(), QStringLiteral("NAME")};
    QCommandLineOption show{QStringLiteral("show"), QString(), QStringLiteral("nodes|overview")};
    QCommandLineOption interval{QStringLiteral("sampling-interval"), QString(),
                                QStringLiteral("SECONDS")};
    QCommandLineOption showStep{QStringLiteral("show-step"), QString(), QStringLiteral("N")};
    QCommandLineOption runSteps{QStringLiteral("run-steps"), QString()};
    QCommandLineOption stepsScreenshot{QStringLiteral("steps-screenshot"), QString(),
                                       QStringLiteral("FILE")};
    QCommandLineOption checkWindow{QStringLiteral("check-window"), QString(),
                                   QStringLiteral("SECONDS")};
    QCommandLineOption dnsServer{
        QStringLiteral("dns-server"),
        LaunchOptions::tr("DNS server this computer asks in step 3 (IP or IP:PORT; default: the "
                          "system resolver)."),
        LaunchOptions::tr("IP[:PORT]")};
    QCommandLineOption fqdn{
        QStringLiteral("fqdn"),
        LaunchOptions::tr("The API server's DNS name for step 3, when the kubeconfig names it by "
                          "address."),
        LaunchOptions::tr("NAME")};

    Parser() {
        parser.setApplicationDescription(LaunchOptions::tr(
            "NodeTriage: find out why AKS worker nodes are unhealthy.\n\n"
            "Without options the window opens the kubeconfig's current context.\n"
            "Headless: 'nodetriage check --help' (the diagnosis, JSON report) and\n"
            "'nodetriage ssh --help' (the console's SSH engine)."));
        parser.addHelpOption();
        parser.addVersionOption();
        // Tools for tests, docs and CI, not for users.
        simulator.setFlags(QCommandLineOption::HiddenFromHelp);
        screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
        for (QCommandLineOption *option : {&screenshotRounds, &showNode, &show, &interval,
                                           &showStep, &runSteps, &stepsScreenshot, &checkWindow})
            option->setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOptions({kubeconfig, context, lang, theme, demo, simulator, screenshot,
                           screenshotRounds, showNode, show, interval, showStep, runSteps,
                           stepsScreenshot, checkWindow, dnsServer, fqdn});
        parser.addPositionalArgument(QStringLiteral("scenario"),
                                     LaunchOptions::tr("Demo scenario (with --demo)."),
                                     QStringLiteral("[SCENARIO]"));
    }
};
} // namespace

Result<LaunchOptions> LaunchOptions::parse(const QStringList &args) {
    Parser p;
    if (!p.parser.parse(QStringList{QStringLiteral("nodetriage")} + args))
        return Error{p.parser.errorText()};
    LaunchOptions options;
    options.showHelp = p.parser.isSet(QStringLiteral("help"));
    options.showVersion = p.parser.isSet(QStringLiteral("version"));
    options.kubeconfig = p.parser.value(p.kubeconfig);
    options.context = p.parser.value(p.context);
    options.language = p.parser.value(p.lang);
    options.theme = p.parser.value(p.theme);
    if (!options.theme.isEmpty() && options.theme != u"system" && options.theme != u"light" &&
        options.theme != u"dark")
        return Error{tr("Unknown theme '%1': choose system, light or dark.").arg(options.theme)};
    options.demo = p.parser.isSet(p.demo);
    options.simulator = p.parser.value(p.simulator);
    options.screenshot = p.parser.value(p.screenshot);
    options.showNode = p.parser.value(p.showNode);
    if (p.parser.isSet(p.screenshotRounds)) {
        bool ok = false;
        options.screenshotAfterRounds = p.parser.value(p.screenshotRounds).toInt(&ok);
        if (!ok || options.screenshotAfterRounds < 1)
            return Error{tr("--screenshot-after-rounds needs a whole number of at least 1, not "
                            "'%1'.")
                             .arg(p.parser.value(p.screenshotRounds))};
    }
    if (p.parser.isSet(p.show)) {
        const QString show = p.parser.value(p.show);
        if (show != QLatin1String("overview") && show != QLatin1String("nodes"))
            return Error{tr("--show takes 'nodes' or 'overview', not '%1'.").arg(show)};
        options.showOverview = show == QLatin1String("overview");
    }
    if (p.parser.isSet(p.interval)) {
        bool ok = false;
        options.samplingIntervalSeconds = p.parser.value(p.interval).toInt(&ok);
        if (!ok || options.samplingIntervalSeconds < 1 || options.samplingIntervalSeconds > 60)
            return Error{tr("--sampling-interval takes whole seconds from 1 to 60, not '%1'.")
                             .arg(p.parser.value(p.interval))};
    }
    if (p.parser.isSet(p.showStep)) {
        bool ok = false;
        options.showStep = p.parser.value(p.showStep).toInt(&ok);
        if (!ok || options.showStep < 1 || options.showStep > 7)
            return Error{tr("--show-step takes a step from 1 to 6, or 7 for the summary, not '%1'.")
                             .arg(p.parser.value(p.showStep))};
    }
    options.runSteps = p.parser.isSet(p.runSteps);
    options.stepsScreenshot = p.parser.value(p.stepsScreenshot);
    if (!options.stepsScreenshot.isEmpty())
        options.runSteps = true;
    if (p.parser.isSet(p.checkWindow)) {
        bool ok = false;
        options.checkWindowSeconds = p.parser.value(p.checkWindow).toInt(&ok);
        if (!ok || options.checkWindowSeconds < 1 || options.checkWindowSeconds > 600)
            return Error{tr("--check-window takes whole seconds from 1 to 600, not '%1'.")
                             .arg(p.parser.value(p.checkWindow))};
    }
    {
        // The same rules as `nodetriage check --dns-server/--fqdn`, one sentence back.
        QStringList checkArgs;
        if (p.parser.isSet(p.dnsServer))
            checkArgs << QStringLiteral("--dns-server") << p.parser.value(p.dnsServer);
        if (p.parser.isSet(p.fqdn))
            checkArgs << QStringLiteral("--fqdn") << p.parser.value(p.fqdn);
        if (!checkArgs.isEmpty()) {
            Result<CheckOptions> check = CheckOptions::parse(checkArgs);
            if (!check)
                return Error{check.error()};
            options.dnsServer = check->dnsServer;
            options.fqdn = check->fqdn;
        }
    }
    const QStringList positional = p.parser.positionalArguments();
    if (!positional.isEmpty() && !options.demo)
        return Error{
            tr("Unexpected argument '%1' (a scenario needs --demo).").arg(positional.first())};
    if (positional.size() > 1)
        return Error{tr("Only one demo scenario can be given, not '%1'.")
                         .arg(positional.join(QLatin1Char(' ')))};
    if (!positional.isEmpty())
        options.scenario = positional.first();
    return options;
}

QString LaunchOptions::helpText() {
    Parser p;
    return p.parser.helpText();
}

} // namespace nt::ui
