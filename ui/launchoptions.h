#pragma once
// The desktop program's command line (CONTRACT.md): `nodetriage [--kubeconfig FILE]
// [--context NAME] [--lang CODE]`, `nodetriage --demo [SCENARIO]`.
#include "util/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace nt::ui {

struct LaunchOptions {
    Q_DECLARE_TR_FUNCTIONS(nt::ui::LaunchOptions)
public:
    QString kubeconfig; // empty: $KUBECONFIG, else ~/.kube/config
    QString context;    // empty: current-context
    QString language;   // installed by main() before the window exists (util/translations.h)
    QString theme;      // "system", "light", "dark"; empty = the settings' choice
    bool demo = false;
    QString scenario;              // with demo; empty = DemoLauncher::defaultScenario()
    QString simulator;             // hidden: nodetriage-sim to use instead of the one beside us
    QString screenshot;            // hidden: save the window here after the first load, then quit
    int screenshotAfterRounds = 0; // hidden: ... after this many sampling rounds instead
    QString showNode;              // hidden: open this node's charts once the nodes are in
    bool showOverview = false; // hidden (--show overview): the overview tab instead of the table
    int samplingIntervalSeconds = 0; // hidden: 1-60; 0 = the default
    int showStep = 0;                // hidden (--show-step N): open step N (7: the summary)
    bool runSteps = false;           // hidden: run steps 2-6 once the nodes are in
    QString stepsScreenshot;    // hidden: with runSteps, save the window here when they finished
    int checkWindowSeconds = 0; // hidden: sampling window of steps 4 and 6; 0 = the default (20)
    QString dnsServer;          // step 3: the DNS server the workstation asks (IP[:PORT])
    QString fqdn;               // step 3: the API server's name when the URL is an address
    bool showHelp = false;
    bool showVersion = false;

    // `args` are the arguments after the program name.
    static Result<LaunchOptions> parse(const QStringList &args);
    static QString helpText();
};

} // namespace nt::ui
