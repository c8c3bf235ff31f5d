// How long the window's event loop stalls while it samples a 5,000-node simulator: the real
// MainWindow (offscreen) on `nodetriage-sim --scenario incident-5000 --nodes 5000`, a node's
// charts and the overview on screen, sampling every 10 s; a QTimer at 10 ms measures how late
// each of its timeouts is. Prints rounds and the lateness percentiles. Run by hand:
//   build/<dir>/bin/bench_charts_stall [SECONDS=120] [NODES=5000] [INTERVAL_S=10]
#include "charts/clusteroverview.h"
#include "clustersession.h"
#include "mainwindow.h"
#include "nodespage.h"
#include "nodetablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int seconds = args.value(1, QStringLiteral("120")).toInt();
    const QString nodes = args.value(2, QStringLiteral("5000"));
    const int interval = args.value(3, QStringLiteral("10")).toInt();

    QTemporaryDir dir;
    QProcess sim;
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    sim.start(QCoreApplication::applicationDirPath() + QStringLiteral("/nodetriage-sim"),
              {QStringLiteral("--scenario"), QStringLiteral("incident-5000"),
               QStringLiteral("--nodes"), nodes, QStringLiteral("--port"), QStringLiteral("0"),
               QStringLiteral("--kubeconfig-out"), kubeconfig});
    QByteArray out;
    while (!out.contains("listening on")) {
        if (!sim.waitForReadyRead(60000)) {
            std::fprintf(stderr, "the simulator did not start\n");
            return 1;
        }
        out += sim.readAllStandardOutput();
    }

    nt::ui::LaunchOptions options;
    options.kubeconfig = kubeconfig;
    options.samplingIntervalSeconds = interval;
    nt::ui::MainWindow window(options);
    window.resize(1600, 1000);
    window.show();
    window.start();

    std::vector<double> lateMs;
    QElapsedTimer clock;
    qint64 expected = -1;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    int rounds = 0;
    int rowsShown = 0;
    QObject::connect(window.session(), &nt::ui::ClusterSession::samplingRound, &window,
                     [&](const nt::SamplingRound &round) {
                         ++rounds;
                         std::printf("round %llu: %d nodes sampled, %d failed, %d samples, "
                                     "%lld ms\n",
                                     static_cast<unsigned long long>(round.number),
                                     round.nodesSampled, round.nodesFailed, round.samplesStored,
                                     round.finishedMs - round.startedMs);
                         std::fflush(stdout);
                     });
    QObject::connect(&window, &nt::ui::MainWindow::nodesShown, &window, [&] {
        rowsShown = window.nodesPage()->model()->rowCount();
        if (expected >= 0)
            return;
        // Measure from the moment the nodes are in and sampling starts.
        clock.start();
        expected = 10;
        probe.start();
        QTimer::singleShot(seconds * 1000, &app, [&] { QCoreApplication::quit(); });
        // Alternate between the overview and the table so both repaint during the run.
        auto *flip = new QTimer(&window);
        QObject::connect(flip, &QTimer::timeout, &window, [&window] {
            QTabWidget *tabs = window.nodesPage()->tabs();
            tabs->setCurrentIndex(1 - tabs->currentIndex());
        });
        flip->start(5000);
    });
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.elapsed();
        lateMs.push_back(double(std::max<qint64>(0, now - expected)));
        expected = now + 10;
    });
    app.exec();
    probe.stop();
    window.close();
    sim.terminate();
    sim.waitForFinished(5000);

    if (lateMs.empty()) {
        std::fprintf(stderr, "the window never showed the nodes\n");
        return 1;
    }
    std::sort(lateMs.begin(), lateMs.end());
    auto pct = [&](double p) { return lateMs[size_t(p * double(lateMs.size() - 1))]; };
    std::printf("nodes %d, rounds %d, ticks %zu over %d s: lateness p50 %.1f ms, p99 %.1f ms, "
                "p99.9 %.1f ms, max %.1f ms\n",
                rowsShown, rounds, lateMs.size(), seconds, pct(0.5), pct(0.99), pct(0.999),
                lateMs.back());
    return 0;
}
