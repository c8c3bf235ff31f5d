#pragma once
// The node-side checks' output turned into evidence: one parser per CommandTemplate of the
// console's checks. Pure functions of (stdout, stderr, exit status), so they are tested on output
// captured from the real commands. Each evidence struct carries what the step needs, not the
// text: the text stays in the transcript.
#include <optional>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace nt {

// A command that could not run at all (not installed, no daemon, no permission).
struct ToolProblem {
    QString tool;   // "crictl", "nslookup", "journalctl", ...
    QString detail; // the line the node printed
};

// `crictl ps -a --name ...` / `docker ps -a --filter name=...`.
struct TunnelContainer {
    QString id;
    QString image;
    QString name;
    QString state; // crictl: Running/Exited/...; docker: the STATUS column ("Up 2 hours")
    QString podName;
    bool running = false;
};

struct TunnelContainersEvidence {
    QString runtime; // "crictl" or "docker" (from the header), empty when neither answered
    std::optional<ToolProblem> problem;
    QList<TunnelContainer> containers;
    // "konnectivity", "tunnelfront", "aks-link", or empty when no tunnel container was listed.
    QString flavour() const;
};

TunnelContainersEvidence parseTunnelContainers(const QByteArray &out, const QByteArray &err,
                                               int exitStatus);

// `nslookup NAME [SERVER]` or `dig [@SERVER] NAME`.
struct DnsEvidence {
    enum class Outcome {
        Resolved,
        NxDomain,
        NoAnswer,
        ServerError, // the server answered REFUSED, SERVFAIL, ... (rcode) and no address
        ServerUnreachable,
        ToolMissing,
        Unknown
    };
    Outcome outcome = Outcome::Unknown;
    QString rcode;         // the answer's status: "NOERROR", "NXDOMAIN", "REFUSED", "SERVFAIL"
    QString server;        // "168.63.129.16#53" as the tool printed it
    QStringList addresses; // A/AAAA answers, in order
    QString canonicalName; // CNAME target, if any
    QString detail;        // the tool's error line for the failures
};

DnsEvidence parseDnsLookup(const QByteArray &out, const QByteArray &err, int exitStatus);

// The tcp-probe templates: bash's /dev/tcp under `timeout 5`, then "probe-exit=N".
struct TcpProbeEvidence {
    enum class Outcome { Open, Refused, TimedOut, Unreachable, NameUnknown, Failed };
    Outcome outcome = Outcome::Failed;
    QString detail; // bash's message, without its "NAME: line 1: " prefix
};

TcpProbeEvidence parseTcpProbe(const QByteArray &out, const QByteArray &err, int exitStatus);

// `journalctl -u kubelet --since ...`.
struct KubeletJournalEvidence {
    std::optional<ToolProblem> problem; // no journal files, journalctl missing
    bool noEntries = false;
    int lines = 0;
    int errorLines = 0;     // klog E-lines and lines saying failed/error
    QStringList lastErrors; // at most the last 20, as printed
    int restarts = 0;       // "Started kubelet" lines: kubelet (re)starts in the window
};

KubeletJournalEvidence parseKubeletJournal(const QByteArray &out, const QByteArray &err,
                                           int exitStatus);

// The proc-disk template: /proc/diskstats, the cpu line of /proc/stat, /proc/pressure/io.
struct DiskStats {
    QString device;
    quint64 readsCompleted = 0, sectorsRead = 0, msReading = 0;
    quint64 writesCompleted = 0, sectorsWritten = 0, msWriting = 0;
    quint64 inFlight = 0, msDoingIo = 0, weightedMs = 0;
};

struct CpuTimes {
    quint64 user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    quint64 total() const { return user + nice + system + idle + iowait + irq + softirq + steal; }
    double iowaitShare() const { return total() ? double(iowait) / double(total()) : 0.0; }
};

struct PressureLine {
    double avg10 = 0, avg60 = 0, avg300 = 0;
    quint64 totalUs = 0;
};

struct ProcDiskEvidence {
    QList<DiskStats> disks; // whole disks and partitions; loop and ram devices left out
    std::optional<CpuTimes> cpu;
    std::optional<PressureLine> ioSome;
    std::optional<PressureLine> ioFull;
    QStringList problems; // sections that were missing or unreadable
};

ProcDiskEvidence parseProcDisk(const QByteArray &out, const QByteArray &err, int exitStatus);

} // namespace nt
