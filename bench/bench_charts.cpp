// Charts (issue 3): what one frame of a node's 24 h chart costs - the store's min/max
// decimation to the plot's pixel width plus one QLineSeries::replace() on a chart that is on a
// (offscreen) view - and the same for the 15 min and 1 h windows and for all ten series of a
// node. Figures go to docs/window.md. Not run by ctest.
#include "charts/nodechartmodel.h"
#include "metrics/metricstore.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>

namespace {

constexpr qint64 day = 24 * 3600 * 1000;

// One node with 24 h of one sample a second for every charted metric, ending now.
struct Filled {
    std::shared_ptr<nt::MetricStore> store = std::make_shared<nt::MetricStore>();
    nt::NodeId node = 0;
    qint64 end = QDateTime::currentMSecsSinceEpoch();

    explicit Filled(bool allMetrics) {
        node = store->addNode(QStringLiteral("aks-nodepool1-0"));
        std::vector<nt::StoreSample> batch;
        const auto &specs = nt::ui::NodeChartModel::specs();
        for (qint64 t = end - day; t <= end; t += 1000) {
            const double wave = 50 + 40 * std::sin(double(t) / 600000.0);
            if (!allMetrics) {
                batch.push_back({node, nt::Metric::CpuPercent, t, wave});
                continue;
            }
            for (const auto &spec : specs)
                batch.push_back({node, spec.metric, t, wave});
            if (batch.size() > 100000) {
                store->ingest(batch);
                batch.clear();
            }
        }
        store->ingest(batch);
    }
};

struct ChartOnView {
    QChart *chart = new QChart;
    QChartView view{chart};
    QLineSeries *series = new QLineSeries;
    QDateTimeAxis *time = new QDateTimeAxis;
    QValueAxis *values = new QValueAxis;

    ChartOnView() {
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->addSeries(series);
        chart->addAxis(time, Qt::AlignBottom);
        chart->addAxis(values, Qt::AlignLeft);
        series->attachAxis(time);
        series->attachAxis(values);
        values->setRange(0, 100);
        view.resize(1100, 300);
        view.show();
    }
};

// Arg: the window in minutes. 1000 px, as a wide chart on a 1920 px screen.
void decimateAndReplace(benchmark::State &state) {
    static Filled filled(false);
    ChartOnView chart;
    const qint64 window = state.range(0) * 60 * 1000;
    chart.time->setRange(QDateTime::fromMSecsSinceEpoch(filled.end - window),
                         QDateTime::fromMSecsSinceEpoch(filled.end));
    QList<QPointF> points;
    for (auto _ : state) {
        const std::vector<nt::ChartPoint> decimated = filled.store->queryDecimated(
            filled.node, nt::Metric::CpuPercent, filled.end - window, filled.end, 1000);
        points.resize(qsizetype(decimated.size()));
        for (size_t i = 0; i < decimated.size(); ++i)
            points[qsizetype(i)] = QPointF(double(decimated[i].timeMs), decimated[i].value);
        chart.series->replace(points);
        benchmark::DoNotOptimize(chart.series->count());
    }
    state.counters["points"] = double(points.size());
}
BENCHMARK(decimateAndReplace)
    ->Arg(5)
    ->Arg(15)
    ->Arg(60)
    ->Arg(24 * 60)
    ->Unit(benchmark::kMicrosecond);

// The chart model's whole refresh for one node: ten series, decimated and split at gaps.
void modelRefresh(benchmark::State &state) {
    static Filled filled(true);
    nt::ui::NodeChartModel model;
    model.setStore(filled.store);
    model.setNode(QStringLiteral("aks-nodepool1-0"));
    model.setSampleIntervalMs(1000);
    const qint64 window = state.range(0) * 60 * 1000;
    for (auto _ : state) {
        model.refresh(filled.end - window, filled.end, 1000);
        benchmark::DoNotOptimize(model.pointCount(0));
    }
    state.counters["cpuPoints"] = double(model.pointCount(0));
}
BENCHMARK(modelRefresh)->Arg(15)->Arg(24 * 60)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
