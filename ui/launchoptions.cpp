#include "launchoptions.h"

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
        for (QCommandLineOption *option : {&screenshotRounds, &showNode, &show, &interval})
            option->setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOptions({kubeconfig, context, lang, theme, demo, simulator, screenshot, screenshotRounds,
                           showNode, show, interval});
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
