// Figures for the metrics foundation of issue 3: store ingest cost per sample, memory per node,
// decimation of a day to a chart's width, and parsing a cAdvisor-sized scrape.
// Run the Release build: build/<dir>/bin/bench_metrics
#include "metrics/decimation.h"
#include "metrics/metricstore.h"
#include "metrics/textformat.h"

#include <benchmark/benchmark.h>

#include <malloc.h>

#include <chrono>

#include <memory>
#include <vector>

using namespace nt;

namespace {

constexpr qint64 dayStartMs = 1795478400000; // a whole UTC day
constexpr int metricsPerNode = 10;

std::vector<NodeId> addNodes(MetricStore &store, int count) {
    std::vector<NodeId> ids;
    for (int i = 0; i < count; ++i)
        ids.push_back(store.addNode(QStringLiteral("aks-nodepool1-%1-vmss%2").arg(i).arg(i, 6)));
    return ids;
}

// One sampling round: every node reports every metric at the same second.
std::vector<StoreSample> round(const std::vector<NodeId> &ids, qint64 timeMs) {
    std::vector<StoreSample> batch;
    batch.reserve(ids.size() * metricsPerNode);
    for (const NodeId id : ids) {
        for (int m = 0; m < metricsPerNode; ++m)
            batch.push_back(
                {id, Metric(m), timeMs, double((id * 7 + m * 13 + timeMs / 1000) % 100)});
    }
    return batch;
}

void storeIngest(benchmark::State &state) {
    MetricStore store;
    const std::vector<NodeId> ids = addNodes(store, int(state.range(0)));
    std::vector<StoreSample> batch = round(ids, dayStartMs);
    qint64 t = dayStartMs;
    for (auto _ : state) {
        for (StoreSample &s : batch)
            s.timeMs = t;
        benchmark::DoNotOptimize(store.ingest(batch));
        t += 1000;
    }
    const auto samples = double(state.iterations()) * double(batch.size());
    state.SetItemsProcessed(int64_t(samples));
    state.counters["ns_per_sample"] = benchmark::Counter(
        samples / 1e9, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(storeIngest)->Arg(100)->Arg(5000)->Unit(benchmark::kMillisecond);

// What a node costs after an hour at 1 s (the default tiers: 1 s x 15 min, 30 s x 3 h,
// 5 min x 24 h): the store's own accounting, and the heap glibc really handed out.
void storeMemory(benchmark::State &state) {
    const int nodes = int(state.range(0));
    size_t accounted = 0;
    size_t heap = 0;
    size_t reserved = 0;
    for (auto _ : state) {
        const size_t before = mallinfo2().uordblks;
        auto store = std::make_unique<MetricStore>();
        const std::vector<NodeId> ids = addNodes(*store, nodes);
        // A node-hour at 1 s: 3,600 rounds of every metric.
        for (int s = 0; s < 3600; ++s)
            store->ingest(round(ids, dayStartMs + s * 1000LL));
        heap = mallinfo2().uordblks - before;
        accounted = store->stats().bytes;
        reserved = store->stats().reservedBytes;
        benchmark::DoNotOptimize(store->latest(ids.front(), Metric::CpuPercent));
    }
    const StoreConfig config;
    state.counters["max_bytes_per_series"] = double(SeriesHistory::bytesFor(config.tiers));
    state.counters["bytes_per_node_hour_1s"] = double(accounted) / nodes;
    state.counters["reserved_bytes_per_node"] = double(reserved) / nodes;
    state.counters["heap_bytes_per_node"] = double(heap) / nodes;
    state.counters["raw_log_bytes_per_node_hour"] = 3600.0 * metricsPerNode * 16; // int64 + double
}
BENCHMARK(storeMemory)->Arg(100)->Iterations(1)->Unit(benchmark::kMillisecond);

// The steady state the engine reaches: 5,000 nodes with the 17 series a node reports through
// the kubelet Summary and /metrics (docs/sampling.md), sampled every 10 s for 24 h (8,640
// rounds) straight into a store sized to that interval, so every tier has wrapped once.
// Values move as a node's do: CPU and PSI noisy, memory and fs drifting, PIDs in integers,
// pid_max, running pods and the error rates constant, the kubelet's uptime rising.
void steadyState24h(benchmark::State &state) {
    const int nodes = int(state.range(0));
    constexpr int intervalS = 10, rounds = 86400 / intervalS;
    const Metric metrics[] = {Metric::CpuPercent,
                              Metric::MemoryPercent,
                              Metric::MemoryWorkingSetBytes,
                              Metric::FsPercent,
                              Metric::PidsUsed,
                              Metric::PidsMax,
                              Metric::PidPercent,
                              Metric::PsiCpuSomeAvg10,
                              Metric::PsiMemorySomeAvg10,
                              Metric::PsiIoSomeAvg10,
                              Metric::PsiIoFullAvg10,
                              Metric::KubeletUptimeSeconds,
                              Metric::KubeletRuntimeErrorsPerSec,
                              Metric::KubeletEvictionsPerSec,
                              Metric::KubeletStartErrorsPerSec,
                              Metric::KubeletRunningPods,
                              Metric::KubeletPlegRelistP99Seconds};
    constexpr int series = int(sizeof(metrics) / sizeof(metrics[0]));
    size_t bytes = 0, heap = 0, reserved = 0;
    double ingestSeconds = 0;
    quint64 samples = 0;
    for (auto _ : state) {
        const size_t before = mallinfo2().uordblks;
        auto store = std::make_unique<MetricStore>();
        store->setSampleInterval(intervalS);
        const std::vector<NodeId> ids = addNodes(*store, nodes);
        quint32 rng = 12345;
        auto noise = [&rng] { // 0..1, cheap and deterministic
            rng = rng * 1664525u + 1013904223u;
            return double(rng >> 8) / double(1 << 24);
        };
        std::vector<StoreSample> batch;
        batch.reserve(size_t(nodes) * series);
        for (int r = 0; r < rounds; ++r) {
            batch.clear();
            const qint64 t = dayStartMs + qint64(r) * intervalS * 1000;
            const double hours = r * intervalS / 3600.0;
            for (const NodeId id : ids) {
                const double cpu = 25 + 20 * noise() + 10 * ((id + r / 360) % 3);
                const double mem = 40 + hours + (id % 10);
                const double pids = 300 + (id % 50) + int(noise() * 20);
                const double values[series] = {cpu,
                                               mem,
                                               mem / 100 * 14e9,
                                               30 + hours / 4 + (id % 20),
                                               pids,
                                               4194304,
                                               pids / 4194304 * 100,
                                               noise() * 3,
                                               noise() < 0.9 ? 0 : noise(),
                                               noise() * 2,
                                               noise() < 0.8 ? 0 : noise() * 0.5,
                                               86400.0 * 3 + r * intervalS,
                                               0,
                                               0,
                                               0,
                                               double(20 + id % 30),
                                               0.01 + noise() * 0.02};
                for (int m = 0; m < series; ++m)
                    batch.push_back({id, metrics[m], t, values[m]});
            }
            const auto start = std::chrono::steady_clock::now();
            samples += quint64(store->ingest(batch));
            ingestSeconds +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
        heap = mallinfo2().uordblks - before;
        bytes = store->stats().bytes;
        reserved = store->stats().reservedBytes;
        benchmark::DoNotOptimize(store->latest(ids.front(), Metric::CpuPercent));
    }
    state.counters["series"] = double(nodes) * series;
    state.counters["store_MiB"] = double(bytes) / (1 << 20);
    state.counters["heap_MiB"] = double(heap) / (1 << 20);
    state.counters["budget_reserved_MiB"] = double(reserved) / (1 << 20);
    state.counters["bytes_per_node"] = double(bytes) / nodes;
    state.counters["ingest_ns_per_sample"] = ingestSeconds * 1e9 / double(samples);
}
BENCHMARK(steadyState24h)->Arg(5000)->Iterations(1)->Unit(benchmark::kSecond);

std::vector<Bucket> secondsOfADay() {
    std::vector<Bucket> day;
    day.reserve(86400);
    for (int i = 0; i < 86400; ++i) {
        const auto v = float((i * 37) % 100);
        day.push_back({dayStartMs + i * 1000LL, v, v + 3, v + 1});
    }
    return day;
}

void decimateRawDay(benchmark::State &state) {
    const std::vector<Bucket> day = secondsOfADay();
    for (auto _ : state)
        benchmark::DoNotOptimize(
            decimateMinMax(day, dayStartMs, dayStartMs + 86400000, int(state.range(0))));
    state.SetItemsProcessed(state.iterations() * int64_t(day.size()));
}
BENCHMARK(decimateRawDay)->Arg(1000)->Unit(benchmark::kMicrosecond);

// What a chart pays per frame: lock, copy the 24 h tier, decimate.
void queryDecimatedDay(benchmark::State &state) {
    MetricStore store;
    const NodeId n = store.addNode(QStringLiteral("n"));
    std::vector<StoreSample> day;
    for (int i = 0; i < 86400; ++i)
        day.push_back({n, Metric::CpuPercent, dayStartMs + i * 1000LL, double(i % 100)});
    store.ingest(day);
    for (auto _ : state)
        benchmark::DoNotOptimize(store.queryDecimated(n, Metric::CpuPercent, dayStartMs,
                                                      dayStartMs + 86400000, int(state.range(0))));
}
BENCHMARK(queryDecimatedDay)->Arg(1000)->Unit(benchmark::kMicrosecond);

// A kubelet /metrics/cadvisor scrape of a busy node: every family per cgroup (root, QoS
// slices, pods, containers), fs families per block device, timestamps on every line.
QByteArray cadvisorLike(qsizetype targetBytes) {
    static const char *const families[] = {
        "container_cpu_usage_seconds_total",
        "container_cpu_user_seconds_total",
        "container_cpu_system_seconds_total",
        "container_cpu_cfs_periods_total",
        "container_cpu_cfs_throttled_periods_total",
        "container_memory_working_set_bytes",
        "container_memory_rss",
        "container_memory_cache",
        "container_memory_usage_bytes",
        "container_memory_failures_total",
        "container_processes",
        "container_threads",
        "container_network_receive_bytes_total",
        "container_network_transmit_bytes_total",
        "container_spec_memory_limit_bytes",
        "container_last_seen",
    };
    static const char *const fsFamilies[] = {
        "container_fs_reads_total",
        "container_fs_writes_total",
        "container_fs_reads_bytes_total",
        "container_fs_writes_bytes_total",
        "container_fs_io_time_seconds_total",
        "container_fs_io_time_weighted_seconds_total",
        "container_fs_io_current",
        "container_fs_usage_bytes",
        "container_fs_limit_bytes",
    };
    static const char *const devices[] = {"/dev/sda", "/dev/sda1", "/dev/sdb"};
    struct Cgroup {
        QByteArray id, container, image, name, ns, pod;
    };
    std::vector<Cgroup> cgroups = {
        {"/", "", "", "", "", ""},
        {"/kubepods.slice", "", "", "", "", ""},
        {"/kubepods.slice/kubepods-burstable.slice", "", "", "", "", ""}};
    QByteArray text;
    text.reserve(targetBytes + 65536);
    for (int pod = 0; text.size() < targetBytes; ++pod) {
        const QByteArray podName = "workload-" + QByteArray::number(pod) + "-7d9f8c6b5-x2x4z";
        const QByteArray podId = "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" +
                                 QByteArray::number(0x1a2b3c4d + pod, 16) + "_9f3e.slice";
        for (const char *c : {"app", "sidecar"}) {
            cgroups.push_back(
                {podId + "/cri-containerd-" + QByteArray::number(pod * 31 + 7, 16) + ".scope", c,
                 "myregistry.azurecr.io/team/" + QByteArray(c) + ":1.4.2",
                 QByteArray::number(pod * 977 + 13, 16), "team-a", podName});
        }
        text.clear();
        for (const char *family : families) {
            text += "# HELP " + QByteArray(family) + " Generated for the benchmark.\n# TYPE " +
                    QByteArray(family) + " counter\n";
            for (const Cgroup &g : cgroups)
                text += QByteArray(family) + "{container=\"" + g.container + "\",id=\"" + g.id +
                        "\",image=\"" + g.image + "\",name=\"" + g.name + "\",namespace=\"" + g.ns +
                        "\",pod=\"" + g.pod + "\"} 1.23456789e+09 1732780000000\n";
        }
        for (const char *family : fsFamilies) {
            text += "# TYPE " + QByteArray(family) + " counter\n";
            for (const Cgroup &g : cgroups) {
                for (const char *d : devices)
                    text += QByteArray(family) + "{container=\"" + g.container + "\",device=\"" +
                            d + "\",id=\"" + g.id + "\",image=\"" + g.image + "\",name=\"" +
                            g.name + "\",namespace=\"" + g.ns + "\",pod=\"" + g.pod +
                            "\"} 4.2e+06 1732780000000\n";
            }
        }
    }
    return text;
}

void parseCadvisor(benchmark::State &state) {
    const QByteArray text = cadvisorLike(1400 * 1024);
    const bool rootOnly = state.range(0) != 0;
    const SampleFilter filter = [](std::string_view, std::span<const Label> labels) {
        for (const Label &l : labels) {
            if (l.name == "id")
                return l.value == "/";
        }
        return false;
    };
    size_t samples = 0;
    for (auto _ : state) {
        const ParseResult r = parseTextFormat(text, rootOnly ? filter : SampleFilter());
        if (!r.errors.empty())
            state.SkipWithError("the generated scrape did not parse cleanly");
        samples = r.samples.size();
        benchmark::DoNotOptimize(r.samples.data());
    }
    state.SetBytesProcessed(state.iterations() * text.size());
    state.SetLabel(rootOnly ? "keep id=\"/\" only" : "keep everything");
    state.counters["input_KiB"] = double(text.size()) / 1024;
    state.counters["samples_kept"] = double(samples);
}
BENCHMARK(parseCadvisor)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
