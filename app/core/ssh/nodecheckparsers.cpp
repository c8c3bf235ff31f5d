#include "ssh/nodecheckparsers.h"

#include <QHash>
#include <QRegularExpression>

namespace nt {

namespace {

QStringList textLines(const QByteArray &data) {
    QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QString firstLine(const QByteArray &data) {
    const QStringList lines = textLines(data);
    return lines.isEmpty() ? QString() : lines.first().trimmed();
}

// bash says "bash: line 1: crictl: command not found" (or "bash: crictl: ...").
std::optional<ToolProblem> commandNotFound(const QByteArray &err) {
    static const QRegularExpression re(QStringLiteral("([\\w.-]+): command not found"));
    for (const QString &line : textLines(err)) {
        const auto m = re.match(line);
        if (m.hasMatch())
            return ToolProblem{m.captured(1), line.trimmed()};
    }
    return std::nullopt;
}

// Splits a tabwriter-aligned table (crictl, docker) by its header's column starts.
QList<QHash<QString, QString>> alignedTable(const QStringList &lines,
                                            const QStringList &headerNames) {
    QList<QHash<QString, QString>> rows;
    if (lines.isEmpty())
        return rows;
    const QString &header = lines.first();
    QList<qsizetype> starts;
    for (const QString &name : headerNames) {
        const qsizetype at = header.indexOf(name);
        starts << at;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (line.trimmed().isEmpty())
            continue;
        QHash<QString, QString> row;
        for (qsizetype c = 0; c < headerNames.size(); ++c) {
            if (starts[c] < 0)
                continue;
            qsizetype end = line.size();
            for (qsizetype n = c + 1; n < headerNames.size(); ++n) {
                if (starts[n] > starts[c]) {
                    end = starts[n];
                    break;
                }
            }
            row.insert(headerNames[c], line.mid(starts[c], end - starts[c]).trimmed());
        }
        rows << row;
    }
    return rows;
}

} // namespace

QString TunnelContainersEvidence::flavour() const {
    // tunnelfront's container is named "tunnel-front" in a pod "tunnelfront-*".
    const std::pair<const char *, const char *> names[] = {{"konnectivity", "konnectivity"},
                                                           {"tunnelfront", "tunnelfront"},
                                                           {"tunnel-front", "tunnelfront"},
                                                           {"aks-link", "aks-link"}};
    for (const auto &[pattern, flavourName] : names) {
        for (const TunnelContainer &c : containers) {
            if (c.name.contains(QLatin1String(pattern)) ||
                c.podName.contains(QLatin1String(pattern)))
                return QLatin1String(flavourName);
        }
    }
    return {};
}

TunnelContainersEvidence parseTunnelContainers(const QByteArray &out, const QByteArray &err,
                                               int exitStatus) {
    TunnelContainersEvidence evidence;
    const QStringList lines = textLines(out);
    const QString header = lines.isEmpty() ? QString() : lines.first();
    // docker: "CONTAINER ID IMAGE COMMAND CREATED STATUS PORTS NAMES"; crictl: "CONTAINER[ ID]
    // IMAGE CREATED STATE NAME ATTEMPT POD ID[ POD]" (the POD column since cri-tools 1.19).
    const bool docker = header.startsWith(QLatin1String("CONTAINER")) &&
                        header.contains(QLatin1String("NAMES")) &&
                        header.contains(QLatin1String("STATUS"));
    if (docker) {
        evidence.runtime = QStringLiteral("docker");
        const QStringList columns = {QStringLiteral("CONTAINER ID"), QStringLiteral("IMAGE"),
                                     QStringLiteral("COMMAND"),      QStringLiteral("CREATED"),
                                     QStringLiteral("STATUS"),       QStringLiteral("PORTS"),
                                     QStringLiteral("NAMES")};
        for (const auto &row : alignedTable(lines, columns)) {
            TunnelContainer c;
            c.id = row.value(columns[0]);
            c.image = row.value(columns[1]);
            c.state = row.value(columns[4]);
            c.name = row.value(columns[6]);
            c.running = c.state.startsWith(QLatin1String("Up"));
            evidence.containers << c;
        }
    } else if (header.startsWith(QLatin1String("CONTAINER"))) {
        evidence.runtime = QStringLiteral("crictl");
        const QStringList columns = {QStringLiteral("CONTAINER"), QStringLiteral("IMAGE"),
                                     QStringLiteral("CREATED"),   QStringLiteral("STATE"),
                                     QStringLiteral("NAME"),      QStringLiteral("ATTEMPT"),
                                     QStringLiteral("POD ID"),    QStringLiteral("POD")};
        // "POD" is also the start of "POD ID": the pod name column is the last "POD".
        const qsizetype podAt = header.lastIndexOf(QLatin1String("POD"));
        const qsizetype podIdAt = header.indexOf(QLatin1String("POD ID"));
        const auto rows = alignedTable(lines, columns.mid(0, 7));
        qsizetype r = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines[i].trimmed().isEmpty() || r >= rows.size())
                continue;
            const auto &row = rows[r++];
            TunnelContainer c;
            c.id = row.value(columns[0]);
            c.image = row.value(columns[1]);
            c.state = row.value(columns[3]);
            c.name = row.value(columns[4]);
            c.running = c.state.compare(QLatin1String("Running"), Qt::CaseInsensitive) == 0;
            if (podAt > podIdAt && podIdAt >= 0)
                c.podName = lines[i].mid(podAt).trimmed();
            evidence.containers << c;
        }
    } else if (auto missing = commandNotFound(err)) {
        evidence.problem = missing;
    } else if (exitStatus != 0) {
        const QString line = firstLine(err).isEmpty() ? firstLine(out) : firstLine(err);
        evidence.problem =
            ToolProblem{line.contains(QLatin1String("Docker daemon")) ? QStringLiteral("docker")
                                                                      : QStringLiteral("crictl"),
                        line};
    }
    return evidence;
}

DnsEvidence parseDnsLookup(const QByteArray &out, const QByteArray &err, int exitStatus) {
    DnsEvidence evidence;
    if (auto missing = commandNotFound(err)) {
        evidence.outcome = DnsEvidence::Outcome::ToolMissing;
        evidence.detail = missing->detail;
        return evidence;
    }
    const QStringList lines = textLines(out) + textLines(err);
    static const QRegularExpression nsAddress(QStringLiteral("^Address:\\s*(\\S+)$"));
    static const QRegularExpression nsCname(QStringLiteral("canonical name = (\\S+?)\\.?$"));
    static const QRegularExpression nsCantFind(
        QStringLiteral("^\\*\\* server can't find \\S+?:? ([A-Z]+)$"));
    static const QRegularExpression digServer(QStringLiteral("^;; SERVER: (\\S+?)(?:\\(|$)"));
    static const QRegularExpression digStatus(QStringLiteral("status: ([A-Z]+)"));
    static const QRegularExpression digRecord(
        QStringLiteral("^\\S+\\s+\\d+\\s+IN\\s+(A|AAAA|CNAME)\\s+(\\S+?)\\.?$"));
    bool serverSeen = false;
    bool inAnswer = false;
    bool unreachable = false;
    bool noAnswer = false;
    QString unreachableDetail;
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("Server:")) && !serverSeen) {
            serverSeen = true;
            continue;
        }
        auto m = nsAddress.match(line);
        if (m.hasMatch()) {
            // nslookup's first "Address:" (after "Server:") is the server's own, with "#53".
            if (evidence.server.isEmpty() && m.captured(1).contains(QLatin1Char('#')))
                evidence.server = m.captured(1);
            else
                evidence.addresses << m.captured(1);
            continue;
        }
        if ((m = nsCname.match(line)).hasMatch()) {
            evidence.canonicalName = m.captured(1);
            continue;
        }
        // nslookup asks for A and AAAA: "** server can't find NAME: NXDOMAIN" (or REFUSED,
        // SERVFAIL) may follow an answer, for the other record type.
        if ((m = nsCantFind.match(line)).hasMatch()) {
            if (evidence.rcode.isEmpty() || evidence.rcode == QLatin1String("NOERROR")) {
                evidence.rcode = m.captured(1);
                evidence.detail = line;
            }
            continue;
        }
        if (line.contains(QLatin1String("no servers could be reached")) ||
            line.contains(QLatin1String("communications error")) ||
            line.contains(QLatin1String("connection refused"))) {
            // ";; communications error to 127.0.0.1#53: connection refused" (each try), then
            // ";; no servers could be reached": the first says why.
            unreachable = true;
            if (unreachableDetail.isEmpty())
                unreachableDetail =
                    QString(line).remove(QRegularExpression(QStringLiteral("^;; ")));
            continue;
        }
        if (line.startsWith(QLatin1String("*** Can't find"))) {
            evidence.detail = line;
            noAnswer = true;
            continue;
        }
        if ((m = digServer.match(line)).hasMatch()) {
            evidence.server = m.captured(1);
            continue;
        }
        if (line.startsWith(QLatin1String(";; ->>HEADER<<-")) &&
            (m = digStatus.match(line)).hasMatch()) {
            evidence.rcode = m.captured(1);
            continue;
        }
        if (line.startsWith(QLatin1String(";; ANSWER SECTION:"))) {
            inAnswer = true;
            continue;
        }
        if (inAnswer) {
            if (line.isEmpty() || line.startsWith(QLatin1Char(';'))) {
                inAnswer = false;
                continue;
            }
            if ((m = digRecord.match(line)).hasMatch()) {
                if (m.captured(1) == QLatin1String("CNAME"))
                    evidence.canonicalName = m.captured(2);
                else
                    evidence.addresses << m.captured(2);
            }
        }
    }
    using O = DnsEvidence::Outcome;
    if (!evidence.addresses.isEmpty()) {
        evidence.outcome = O::Resolved; // whatever the other record type's query said
        evidence.detail.clear();
    } else if (evidence.rcode == QLatin1String("NXDOMAIN")) {
        evidence.outcome = O::NxDomain;
    } else if (!evidence.rcode.isEmpty() && evidence.rcode != QLatin1String("NOERROR")) {
        evidence.outcome = O::ServerError; // REFUSED, SERVFAIL: it answered, with no address
    } else if (noAnswer || evidence.rcode == QLatin1String("NOERROR")) {
        evidence.outcome = O::NoAnswer;
    } else if (unreachable) {
        evidence.outcome = O::ServerUnreachable;
        evidence.detail = unreachableDetail;
    } else if (exitStatus != 0 && evidence.detail.isEmpty()) {
        evidence.detail = firstLine(err);
    }
    return evidence;
}

TcpProbeEvidence parseTcpProbe(const QByteArray &out, const QByteArray &err, int) {
    TcpProbeEvidence evidence;
    static const QRegularExpression exitRe(QStringLiteral("probe-exit=(\\d+)"));
    const auto m = exitRe.match(QString::fromUtf8(out));
    if (auto missing = commandNotFound(err)) {
        evidence.detail = missing->detail;
        return evidence;
    }
    // bash prints "HOST: line 1: connect: REASON" then "... /dev/tcp/HOST/PORT: REASON".
    static const QRegularExpression prefix(QStringLiteral("^\\S+: (?:line \\d+: )?"));
    const QStringList errLines = textLines(err);
    if (!errLines.isEmpty())
        evidence.detail = QString(errLines.first()).remove(prefix);
    if (!m.hasMatch())
        return evidence;
    const int code = m.captured(1).toInt();
    if (code == 0) {
        evidence.outcome = TcpProbeEvidence::Outcome::Open;
    } else if (code == 124) {
        evidence.outcome = TcpProbeEvidence::Outcome::TimedOut;
    } else {
        const QString all = QString::fromUtf8(err);
        if (all.contains(QLatin1String("Connection refused")))
            evidence.outcome = TcpProbeEvidence::Outcome::Refused;
        else if (all.contains(QLatin1String("Name or service not known")) ||
                 all.contains(QLatin1String("Temporary failure in name resolution")))
            evidence.outcome = TcpProbeEvidence::Outcome::NameUnknown;
        else if (all.contains(QLatin1String("No route to host")) ||
                 all.contains(QLatin1String("Network is unreachable")))
            evidence.outcome = TcpProbeEvidence::Outcome::Unreachable;
        else if (all.contains(QLatin1String("timed out")))
            evidence.outcome = TcpProbeEvidence::Outcome::TimedOut;
    }
    return evidence;
}

KubeletJournalEvidence parseKubeletJournal(const QByteArray &out, const QByteArray &err,
                                           int exitStatus) {
    KubeletJournalEvidence evidence;
    if (auto missing = commandNotFound(err)) {
        evidence.problem = missing;
        return evidence;
    }
    // klog: "E1128 09:00:01.123456    1234 file.go:12] message" after the journal's prefix.
    static const QRegularExpression klogError(QStringLiteral("\\]: E\\d{4} \\d{2}:\\d{2}"));
    static const QRegularExpression failed(QStringLiteral("\\b(failed|error)\\b"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (const QString &line : textLines(out) + textLines(err)) {
        if (line.startsWith(QLatin1String("-- No entries --"))) {
            evidence.noEntries = true;
            continue;
        }
        if (line.startsWith(QLatin1String("No journal files were found")) ||
            line.startsWith(QLatin1String("Failed to "))) {
            evidence.problem = ToolProblem{QStringLiteral("journalctl"), line};
            continue;
        }
        if (line.startsWith(QLatin1String("-- ")) || line.trimmed().isEmpty())
            continue; // "-- Boot ... --", "-- Logs begin at ..."
        ++evidence.lines;
        if (line.contains(QLatin1String("Started kubelet")) ||
            line.contains(QLatin1String("Started Kubelet")))
            ++evidence.restarts;
        if (klogError.match(line).hasMatch() || failed.match(line).hasMatch()) {
            ++evidence.errorLines;
            evidence.lastErrors << line;
            if (evidence.lastErrors.size() > 20)
                evidence.lastErrors.removeFirst();
        }
    }
    if (exitStatus != 0 && !evidence.problem && evidence.lines == 0 && !evidence.noEntries)
        evidence.problem = ToolProblem{QStringLiteral("journalctl"), firstLine(err)};
    return evidence;
}

namespace {

std::optional<PressureLine> pressure(const QString &line) {
    static const QRegularExpression re(
        QStringLiteral("avg10=([\\d.]+) avg60=([\\d.]+) avg300=([\\d.]+) total=(\\d+)"));
    const auto m = re.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    return PressureLine{m.captured(1).toDouble(), m.captured(2).toDouble(),
                        m.captured(3).toDouble(), m.captured(4).toULongLong()};
}

} // namespace

ProcDiskEvidence parseProcDisk(const QByteArray &out, const QByteArray &err, int) {
    ProcDiskEvidence evidence;
    enum class Section { DiskStats, Stat, Pressure } section = Section::DiskStats;
    for (const QString &line : textLines(out)) {
        if (line.startsWith(QLatin1String("--- /proc/stat"))) {
            section = Section::Stat;
            continue;
        }
        if (line.startsWith(QLatin1String("--- /proc/pressure/io"))) {
            section = Section::Pressure;
            continue;
        }
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        if (section == Section::DiskStats) {
            if (f.size() < 14)
                continue;
            const QString &name = f[2];
            if (name.startsWith(QLatin1String("loop")) || name.startsWith(QLatin1String("ram")))
                continue;
            DiskStats d;
            d.device = name;
            quint64 *fields[] = {&d.readsCompleted,  nullptr,      &d.sectorsRead,    &d.msReading,
                                 &d.writesCompleted, nullptr,      &d.sectorsWritten, &d.msWriting,
                                 &d.inFlight,        &d.msDoingIo, &d.weightedMs};
            for (int i = 0; i < 11; ++i) {
                if (fields[i])
                    *fields[i] = f[3 + i].toULongLong();
            }
            evidence.disks << d;
        } else if (section == Section::Stat) {
            if (f.size() >= 9 && f[0] == QLatin1String("cpu")) {
                CpuTimes cpu;
                quint64 *fields[] = {&cpu.user,   &cpu.nice, &cpu.system,  &cpu.idle,
                                     &cpu.iowait, &cpu.irq,  &cpu.softirq, &cpu.steal};
                for (int i = 0; i < 8; ++i)
                    *fields[i] = f[1 + i].toULongLong();
                evidence.cpu = cpu;
            }
        } else if (line.startsWith(QLatin1String("some "))) {
            evidence.ioSome = pressure(line);
        } else if (line.startsWith(QLatin1String("full "))) {
            evidence.ioFull = pressure(line);
        }
    }
    if (evidence.disks.isEmpty())
        evidence.problems << QStringLiteral("/proc/diskstats");
    if (!evidence.cpu)
        evidence.problems << QStringLiteral("/proc/stat");
    if (!evidence.ioSome)
        evidence.problems << QStringLiteral("/proc/pressure/io");
    Q_UNUSED(err);
    return evidence;
}

} // namespace nt
