#include "sampling/procsshsource.h"

#include "ssh/sshclient.h"

#include <QCoreApplication>
#include <QPromise>

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>

namespace nt {

namespace {

// grep prefixes each line with its file when given several; -s: a kernel without PSI has no
// /proc/pressure, which is then simply absent. LC_ALL=C: no locale can change the output.
constexpr auto Command = "LC_ALL=C grep -s '' /proc/stat /proc/meminfo /proc/diskstats "
                         "/proc/loadavg /proc/sys/kernel/pid_max /proc/pressure/cpu "
                         "/proc/pressure/memory /proc/pressure/io";

std::optional<double> toNumber(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// Whitespace-separated fields of a line, at most `max` of them.
template <size_t N> size_t fields(std::string_view line, std::array<std::string_view, N> &out) {
    size_t n = 0, i = 0;
    while (n < N) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (i >= line.size())
            break;
        const size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t')
            ++i;
        out[n++] = line.substr(start, i - start);
    }
    return n;
}

// "avg10=1.23" in a /proc/pressure line.
std::optional<double> avg10(std::string_view line) {
    const size_t at = line.find("avg10=");
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = line.substr(at + 6);
    rest = rest.substr(0, rest.find(' '));
    return toNumber(rest);
}

} // namespace

struct ProcSshSource::Connection {
    std::unique_ptr<SshClient> client = std::make_unique<SshClient>();
    bool connected = false;
};

ProcSshSource::ProcSshSource(QHash<QString, SshConnectOptions> nodes, int timeoutMs)
    : m_options(std::move(nodes))
    , m_timeoutMs(timeoutMs) {}

ProcSshSource::~ProcSshSource() {
    // Continuations are bound to m_context: none runs once it is gone, so no SshClient is ever
    // destroyed on its own thread.
    delete m_context;
}

QString ProcSshSource::command() {
    return QString::fromLatin1(Command);
}

std::shared_ptr<ProcSshSource::Connection> ProcSshSource::connection(const QString &node) {
    std::shared_ptr<Connection> &conn = m_connections[node];
    if (!conn) {
        conn = std::make_shared<Connection>();
        std::weak_ptr<Connection> weak = conn;
        QObject::connect(conn->client.get(), &SshClient::connectionLost, context(), [weak] {
            if (auto c = weak.lock())
                c->connected = false;
        });
    }
    return conn;
}

QObject *ProcSshSource::context() {
    if (!m_context)
        m_context = new QObject;
    return m_context;
}

void ProcSshSource::forget(const QString &node) {
    m_nodes.remove(node);
    m_connections.remove(node);
}

Fetch ProcSshSource::fetch(const SamplingTarget *target, const QList<SamplingTarget> &) {
    const QString node = target->name;
    std::shared_ptr<Connection> conn = connection(node);
    auto promise = std::make_shared<QPromise<FetchResult>>();
    promise->start();
    Fetch fetch;
    fetch.result = promise->future();
    fetch.cancel = [conn] {
        conn->connected = false;
        conn->client->cancel();
    };
    auto deliver = [promise](FetchResult result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    auto failed = [node](const SshStatus &status) {
        FetchResult r;
        r.error = status.kind == SshErrorKind::Canceled  ? KubeErrorKind::Canceled
                  : status.kind == SshErrorKind::Timeout ? KubeErrorKind::Timeout
                  : status.kind == SshErrorKind::Connect ? KubeErrorKind::ConnectionRefused
                  : status.kind == SshErrorKind::Resolve ? KubeErrorKind::HostNotFound
                                                         : KubeErrorKind::Network;
        r.message =
            QCoreApplication::translate("Sampling", "Reading /proc of node %1 over SSH failed: %2")
                .arg(node, status.message);
        return r;
    };
    QObject *ctx = context();
    auto exec = [conn, node, deliver, failed, ctx] {
        conn->client->exec(command()).then(ctx, [conn, node, deliver,
                                                 failed](const SshExecResult &r) {
            if (!r.ok()) {
                conn->connected = false;
                deliver(failed(r.status));
                return;
            }
            if (!r.stdOut.contains("/proc/stat:")) {
                // grep exits 2 when a file is missing; only output without /proc/stat is an error.
                FetchResult f;
                f.error = KubeErrorKind::Http;
                f.message = QCoreApplication::translate("Sampling",
                                                        "Reading /proc of node %1 over SSH gave no "
                                                        "/proc/stat (exit status %2): %3")
                                .arg(node)
                                .arg(r.exitStatus)
                                .arg(QString::fromUtf8(r.stdErr.left(200)).trimmed());
                deliver(f);
                return;
            }
            FetchResult f;
            f.body = r.stdOut;
            deliver(f);
        });
    };
    if (conn->connected) {
        exec();
    } else {
        SshConnectOptions options = m_options.value(node);
        if (m_timeoutMs > 0)
            options.timeoutMs = m_timeoutMs;
        conn->client->connectToHost(options).then(
            ctx, [conn, deliver, failed, exec](const SshStatus &status) {
                if (!status.ok()) {
                    deliver(failed(status));
                    return;
                }
                conn->connected = true;
                exec();
            });
    }
    return fetch;
}

QString ProcSshSource::decode(const SamplingTarget *target, const QList<SamplingTarget> &,
                              const FetchResult &result, qint64 nowMs, NodeGauges &out) {
    std::vector<Gauge> gauges;
    QString error = decodeProc(result.body, target->name, nowMs, m_nodes[target->name], gauges);
    if (error.isEmpty())
        out[target->name].insert(out[target->name].end(), gauges.begin(), gauges.end());
    return error;
}

QString ProcSshSource::decodeProc(const QByteArray &text, const QString &node, qint64 nowMs,
                                  NodeState &state, std::vector<Gauge> &out) {
    std::optional<double> total, idleish, iowait, memTotal, memAvailable, load1, tasks, pidMax;
    std::optional<double> psi[5]; // cpu some, memory some, memory full, io some, io full
    int cpus = 0;
    std::map<std::string, DiskCounters> devices;

    const std::string_view all(text.constData(), size_t(text.size()));
    size_t pos = 0;
    while (pos < all.size()) {
        size_t eol = all.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = all.size();
        const std::string_view line = all.substr(pos, eol - pos);
        pos = eol + 1;
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos || !line.starts_with("/proc/"))
            continue;
        const std::string_view file = line.substr(0, colon);
        const std::string_view rest = line.substr(colon + 1);
        if (file == "/proc/stat") {
            if (rest.starts_with("cpu ")) {
                // user nice system idle iowait irq softirq steal (guest is inside user).
                std::array<std::string_view, 9> f;
                if (fields(rest, f) < 9)
                    continue;
                std::array<double, 8> v{};
                bool ok = true;
                for (size_t i = 0; i < 8; ++i) {
                    const auto n = toNumber(f[i + 1]);
                    ok = ok && n;
                    v[i] = n.value_or(0);
                }
                if (!ok)
                    continue;
                total = v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7];
                idleish = v[3] + v[4] + v[7]; // idle + iowait + steal, as the node-mixin
                iowait = v[4];
            } else if (rest.starts_with("cpu") && rest.size() > 3 &&
                       std::isdigit(static_cast<unsigned char>(rest[3]))) {
                ++cpus;
            }
        } else if (file == "/proc/meminfo") {
            std::array<std::string_view, 3> f;
            if (fields(rest, f) < 2)
                continue;
            if (f[0] == "MemTotal:")
                memTotal = toNumber(f[1]);
            else if (f[0] == "MemAvailable:")
                memAvailable = toNumber(f[1]);
        } else if (file == "/proc/diskstats") {
            // major minor name reads merged sectors ms writes merged sectors ms in-flight io_ms
            // weighted_ms ...: sectors are always 512 bytes here, whatever the disk's own size.
            std::array<std::string_view, 14> f;
            if (fields(rest, f) < 14 || !isWholeDisk(f[2]))
                continue;
            auto n = [&f](size_t i) { return toNumber(f[i]); };
            DiskCounters &d = devices[std::string(f[2])];
            d.reads = n(3);
            if (auto s = n(5))
                d.readBytes = *s * 512;
            d.writes = n(7);
            if (auto s = n(9))
                d.writeBytes = *s * 512;
            if (auto ms = n(12))
                d.ioTime = *ms / 1000.0;
            if (auto ms = n(13))
                d.ioTimeWeighted = *ms / 1000.0;
        } else if (file == "/proc/loadavg") {
            // "0.12 0.96 1.61 2/345 12345": 345 tasks (threads), what the kubelet counts as
            // rlimit.curproc against pid_max.
            std::array<std::string_view, 4> f;
            if (fields(rest, f) < 4)
                continue;
            load1 = toNumber(f[0]);
            const size_t slash = f[3].find('/');
            if (slash != std::string_view::npos)
                tasks = toNumber(f[3].substr(slash + 1));
        } else if (file == "/proc/sys/kernel/pid_max") {
            std::array<std::string_view, 1> f;
            if (fields(rest, f) == 1)
                pidMax = toNumber(f[0]);
        } else if (file.starts_with("/proc/pressure/")) {
            const std::string_view resource = file.substr(15);
            const bool some = rest.starts_with("some ");
            const bool full = rest.starts_with("full ");
            if (resource == "cpu" && some)
                psi[0] = avg10(rest);
            else if (resource == "memory" && some)
                psi[1] = avg10(rest);
            else if (resource == "memory" && full)
                psi[2] = avg10(rest);
            else if (resource == "io" && some)
                psi[3] = avg10(rest);
            else if (resource == "io" && full)
                psi[4] = avg10(rest);
        }
    }
    if (!total)
        return QCoreApplication::translate("Sampling",
                                           "The /proc of node %1 read over SSH holds no CPU "
                                           "counters (/proc/stat).")
            .arg(node);

    auto put = [&out](Metric metric, std::optional<double> value) {
        if (value && std::isfinite(*value))
            out.push_back({metric, *value});
    };
    // Ratios of rates over the same two readings: exact whatever the tick rate (USER_HZ), and a
    // reboot (every counter back near 0) is a reset of each, as CounterRate handles it.
    const auto totalRate = state.total.add(nowMs, *total).value;
    const auto idleRate = state.idle.add(nowMs, *idleish).value;
    const auto iowaitRate = state.iowait.add(nowMs, *iowait).value;
    if (totalRate && *totalRate > 0) {
        if (idleRate)
            put(Metric::CpuPercent, std::clamp((1.0 - *idleRate / *totalRate) * 100.0, 0.0, 100.0));
        if (iowaitRate)
            put(Metric::IowaitPercent, std::clamp(*iowaitRate / *totalRate * 100.0, 0.0, 100.0));
    }
    if (load1 && cpus > 0)
        put(Metric::Load1PerCore, *load1 / cpus);
    if (memTotal && memAvailable && *memTotal > 0) {
        put(Metric::MemoryPercent, (1.0 - *memAvailable / *memTotal) * 100.0);
        put(Metric::MemoryWorkingSetBytes, (*memTotal - *memAvailable) * 1024.0);
    }
    put(Metric::PidsUsed, tasks);
    put(Metric::PidsMax, pidMax);
    if (tasks && pidMax && *pidMax > 0)
        put(Metric::PidPercent, *tasks / *pidMax * 100.0);
    state.disks.add(nowMs, devices, out);
    put(Metric::PsiCpuSomeAvg10, psi[0]);
    put(Metric::PsiMemorySomeAvg10, psi[1]);
    put(Metric::PsiMemoryFullAvg10, psi[2]);
    put(Metric::PsiIoSomeAvg10, psi[3]);
    put(Metric::PsiIoFullAvg10, psi[4]);
    return {};
}

} // namespace nt
