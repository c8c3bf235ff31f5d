#pragma once
// Resolving the API server's name from the workstation: against a named DNS server through
// glibc's libresolv (res_nmkquery + res_nsend + ns_initparse: a real resolver with its retries
// and parsing, not a hand-written DNS client), else through Qt's system resolver. Blocking: the
// CLI thread has nothing else to do.
#include <QString>
#include <QStringList>

namespace nt {

struct DnsAnswer {
    // Refused: the server answered REFUSED; Unreachable: nothing listens there (ICMP refused).
    enum class Status { Ok, NxDomain, ServFail, Refused, NoData, Timeout, Unreachable, Error };
    Status status = Status::Error;
    QStringList addresses; // A records, in the order of the answer
    QString server;        // "127.0.0.1:5353" or "system resolver"
    QString error;         // one sentence when status != Ok

    bool ok() const { return status == Status::Ok && !addresses.isEmpty(); }
    QString describe() const; // "10.0.0.4" or "NXDOMAIN from 127.0.0.1:5353"
};

// server: "IP" or "IP:PORT" (IPv4); empty = the system resolver.
DnsAnswer resolveName(const QString &name, const QString &server, int timeoutMs = 3000);

// RFC 1918 (10/8, 172.16/12, 192.168/16), plus 100.64/10 shared space, which Azure private
// endpoints never use but VNets may: both are "not public" for the private-FQDN rule.
bool isPrivateIPv4(const QString &address);

} // namespace nt
