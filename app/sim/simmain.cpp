// nodetriage-sim: parses the command line, builds the scenario's cluster, serves it over HTTPS on
// loopback until SIGTERM/SIGINT.
#include "simmain.h"

#include "certificates.h"
#include "cluster.h"
#include "dynamics.h"
#include "kubeconfigwriter.h"
#include "signalwatcher.h"
#include "simserver.h"

#include <cstdio>
#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

namespace nt::sim {

namespace {

struct Options {
    QString scenario = QStringLiteral("healthy");
    int nodes = -1;
    quint16 port = 0;
    QString kubeconfigOut, nodeAddress, recordFile;
    QStringList faults;
    bool listScenarios = false;
    double timeScale = 1;
    double timeOffset = -1; // -1: the scenario's startOffsetSeconds
};

// Returns false (after printing why) when the command line is unusable.
bool parseOptions(Options *o, QTextStream &err) {
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "nodetriage-sim", "A simulated AKS cluster: a real HTTPS Kubernetes API on 127.0.0.1."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QCoreApplication::translate("nodetriage-sim",
                                    "Built-in scenario name or scenario file (default healthy)."),
        QStringLiteral("NAME|FILE"), o->scenario);
    const QCommandLineOption nodes(
        QStringLiteral("nodes"),
        QCoreApplication::translate("nodetriage-sim", "Override the scenario's node count."),
        QStringLiteral("N"));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QCoreApplication::translate("nodetriage-sim", "Port on 127.0.0.1 (0 = a free port)."),
        QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption kubeconfig(
        QStringLiteral("kubeconfig-out"),
        QCoreApplication::translate("nodetriage-sim",
                                    "Write a kubeconfig for the simulator to FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption address(
        QStringLiteral("node-address"),
        QCoreApplication::translate("nodetriage-sim", "Give every node this InternalIP."),
        QStringLiteral("IP"));
    const QCommandLineOption list(
        QStringLiteral("list-scenarios"),
        QCoreApplication::translate("nodetriage-sim", "List the built-in scenarios and exit."));
    const QCommandLineOption record(
        QStringLiteral("record"),
        QCoreApplication::translate("nodetriage-sim",
                                    "Append one JSON line per API request to FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        QCoreApplication::translate("nodetriage-sim",
                                    "Inject a fault (JSON, repeatable; see docs/simulator.md)."),
        QStringLiteral("JSON"));
    const QCommandLineOption scale(
        QStringLiteral("time-scale"),
        QCoreApplication::translate(
            "nodetriage-sim",
            "Run scenario time X times faster than real time (0.01-1000, default 1)."),
        QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption offset(
        QStringLiteral("scenario-time-offset"),
        QCoreApplication::translate(
            "nodetriage-sim",
            "Start at this scenario time in seconds (default: the scenario's startOffsetSeconds)."),
        QStringLiteral("SECONDS"));
    p.addOptions({scenario, nodes, port, kubeconfig, address, list, record, fault, scale, offset});
    p.process(*QCoreApplication::instance());

    o->scenario = p.value(scenario);
    o->kubeconfigOut = p.value(kubeconfig);
    o->nodeAddress = p.value(address);
    o->recordFile = p.value(record);
    o->faults = p.values(fault);
    o->listScenarios = p.isSet(list);
    bool ok = true;
    if (p.isSet(nodes)) {
        o->nodes = p.value(nodes).toInt(&ok);
        if (!ok || o->nodes < 1 || o->nodes > 20000) {
            err << "nodetriage-sim: --nodes must be a number from 1 to 20000, got '"
                << p.value(nodes) << "'\n";
            return false;
        }
    }
    const uint portValue = p.value(port).toUInt(&ok);
    if (!ok || portValue > 65535) {
        err << "nodetriage-sim: --port must be 0-65535, got '" << p.value(port) << "'\n";
        return false;
    }
    o->port = quint16(portValue);
    o->timeScale = p.value(scale).toDouble(&ok);
    if (!ok || o->timeScale < 0.01 || o->timeScale > 1000) {
        err << "nodetriage-sim: --time-scale must be a number from 0.01 to 1000, got '"
            << p.value(scale) << "'\n";
        return false;
    }
    if (p.isSet(offset)) {
        o->timeOffset = p.value(offset).toDouble(&ok);
        if (!ok || o->timeOffset < 0 || o->timeOffset > 30 * 86400) {
            err << "nodetriage-sim: --scenario-time-offset must be seconds from 0 to 2592000, got '"
                << p.value(offset) << "'\n";
            return false;
        }
    }
    if (!o->nodeAddress.isEmpty() && QHostAddress(o->nodeAddress).isNull()) {
        err << "nodetriage-sim: --node-address must be an IP address, got '" << o->nodeAddress
            << "'\n";
        return false;
    }
    return true;
}

int listScenarios(QTextStream &out, QTextStream &err) {
    for (const QString &name : builtinScenarioNames()) {
        QString error;
        const auto s = loadScenario(name, &error);
        if (!s) {
            err << "nodetriage-sim: " << error << "\n";
            return 1;
        }
        out << name << "  " << QString::fromStdString(s->description) << "\n";
    }
    return 0;
}

// Serialises the big collections in small slices between requests, so a 5000-node cluster
// answers its first list as fast as later ones without delaying the "listening" line.
void warmCachesInBackground(const ObjectStore &store) {
    auto *timer = new QTimer(QCoreApplication::instance());
    timer->setInterval(0);
    auto next = std::make_shared<std::pair<size_t, std::string>>(0, std::string());
    QObject::connect(timer, &QTimer::timeout, timer, [timer, next, &store] {
        static const char *const resources[] = {"nodes", "leases"};
        next->second = store.warmCache(resources[next->first], next->second, 100);
        if (next->second.empty() && ++next->first == std::size(resources))
            timer->deleteLater();
    });
    timer->start();
}

QString randomToken() {
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / 4);
    return QString::fromLatin1(bytes.toHex());
}

} // namespace

int runSimulator() {
    QTextStream out(stdout);
    QTextStream err(stderr);
    Options o;
    if (!parseOptions(&o, err))
        return 2;
    if (o.listScenarios)
        return listScenarios(out, err);

    QString error;
    auto scenario = loadScenario(o.scenario, &error);
    if (!scenario) {
        err << "nodetriage-sim: " << error << "\n";
        return 2;
    }
    if (o.nodes > 0)
        scenario->scaleTo(o.nodes);

    const auto certs = Certificates::generate(
        QString::fromStdString(scenario->cluster.fqdn + "," + scenario->cluster.privateFqdn),
        &error);
    if (!certs) {
        err << "nodetriage-sim: " << error << "\n";
        return 1;
    }
    SimClock clock;
    clock.setScenarioTime(o.timeOffset >= 0 ? o.timeOffset : scenario->startOffsetSeconds,
                          o.timeScale);
    SimCluster cluster(std::move(*scenario), clock, o.nodeAddress);
    Dynamics dynamics(cluster);
    dynamics.start();
    const QString token = randomToken();
    SimServer server(cluster, *certs, token);
    for (const QString &f : o.faults) {
        const auto spec = nlohmann::json::parse(f.toStdString(), nullptr, false);
        if (spec.is_discarded() || !server.faults().add(spec, &error)) {
            err << "nodetriage-sim: --fault " << f << ": "
                << (spec.is_discarded() ? QStringLiteral("not JSON") : error) << "\n";
            return 2;
        }
    }
    for (const auto &f : cluster.scenario().faults) {
        if (!server.faults().add(f, &error)) {
            err << "nodetriage-sim: scenario fault: " << error << "\n";
            return 2;
        }
    }
    if (!server.recorder().open(o.recordFile, &error)) {
        err << "nodetriage-sim: " << error << "\n";
        return 2;
    }
    const quint16 port = server.start(o.port);
    if (port == 0) {
        err << "nodetriage-sim: cannot listen on 127.0.0.1:" << o.port << "\n";
        return 1;
    }
    const QString url = QStringLiteral("https://127.0.0.1:%1").arg(port);
    if (!o.kubeconfigOut.isEmpty() &&
        !writeKubeconfig(o.kubeconfigOut, {url, certs.get(), token}, &error)) {
        err << "nodetriage-sim: " << error << "\n";
        return 1;
    }

    warmCachesInBackground(cluster.store());

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, QCoreApplication::instance(),
                     [] { QCoreApplication::exit(0); });
    // The one line tests and scripts wait for: printed only once everything above is ready.
    out << "listening on " << url << Qt::endl;
    return QCoreApplication::exec();
}

} // namespace nt::sim
