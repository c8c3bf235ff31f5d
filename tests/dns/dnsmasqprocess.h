#pragma once
// A real DNS server for tests: /usr/sbin/dnsmasq (Debian dnsmasq-base) on 127.0.0.1 and a free
// port, as the current user, with no upstream, no /etc/hosts and no config file, answering only
// the zone it is given. Header-only so tests/check can use it too.
#include "check/dnsresolver.h"

#include <pwd.h>
#include <QDeadlineTimer>
#include <QProcess>
#include <QStringList>
#include <QUdpSocket>
#include <unistd.h>

namespace nt::test {

class DnsmasqProcess {
public:
    // records: "--address=/name/1.2.3.4" style arguments (see dnsmasq(8)).
    explicit DnsmasqProcess(QStringList records)
        : m_records(std::move(records)) {}
    ~DnsmasqProcess() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    static QString binary() { return QStringLiteral("/usr/sbin/dnsmasq"); }

    // Starts it and waits until it answers a query for a name of its own, so the test never
    // races its start-up.
    bool start() {
        const QString probeName = QStringLiteral("ready.nodetriage.test");
        QUdpSocket finder;
        if (!finder.bind(QHostAddress::LocalHost, 0)) {
            m_error = QStringLiteral("no free UDP port");
            return false;
        }
        m_port = finder.localPort();
        finder.close();
        const passwd *pw = getpwuid(getuid());
        QStringList args{QStringLiteral("--keep-in-foreground"),
                         QStringLiteral("--no-resolv"),
                         QStringLiteral("--no-hosts"),
                         QStringLiteral("--conf-file=/dev/null"),
                         QStringLiteral("--port=%1").arg(m_port),
                         QStringLiteral("--listen-address=127.0.0.1"),
                         QStringLiteral("--bind-interfaces"),
                         QStringLiteral("--pid-file="),
                         QStringLiteral("--log-facility=-"),
                         QStringLiteral("--log-queries")};
        if (pw)
            args << QStringLiteral("--user=%1").arg(QString::fromLocal8Bit(pw->pw_name));
        args << QStringLiteral("--address=/ready.nodetriage.test/127.0.0.1") << m_records;
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(binary(), args);
        if (!m_process.waitForStarted(5000)) {
            m_error = m_process.errorString();
            return false;
        }
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            if (m_process.state() == QProcess::NotRunning) {
                m_error = QString::fromLocal8Bit(m_process.readAll());
                return false;
            }
            // A bounded wait on a real query is the readiness condition, not a sleep.
            const auto status = nt::resolveName(probeName, server(), 1000).status;
            if (status != nt::DnsAnswer::Status::Timeout &&
                status != nt::DnsAnswer::Status::Unreachable)
                return true;
            m_process.waitForReadyRead(100);
        }
        m_error = QStringLiteral("dnsmasq did not answer within 10 s: ") +
                  QString::fromLocal8Bit(m_process.readAll());
        return false;
    }

    quint16 port() const { return m_port; }
    QString server() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString errorString() const { return m_error; }
    // What dnsmasq logged (its query log), e.g. to check a name was asked for.
    QString log() {
        m_log += QString::fromLocal8Bit(m_process.readAll());
        return m_log;
    }

private:
    QStringList m_records;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
    QString m_log;
};

} // namespace nt::test
