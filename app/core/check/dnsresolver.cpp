#include "check/dnsresolver.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHostInfo>
#include <resolv.h>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DnsResolver)
};

DnsAnswer viaLibresolv(const QString &name, const QString &server, int timeoutMs) {
    DnsAnswer a;
    a.server = server;
    const qsizetype colon = server.indexOf(u':');
    const QString host = colon < 0 ? server : server.left(colon);
    const int port = colon < 0 ? 53 : server.mid(colon + 1).toInt();
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(quint16(port));
    if (inet_pton(AF_INET, host.toLatin1().constData(), &addr.sin_addr) != 1) {
        a.error = Tr::tr("%1 is not an IPv4 address.").arg(host);
        return a;
    }
    struct __res_state state;
    std::memset(&state, 0, sizeof state);
    if (res_ninit(&state) != 0) {
        a.error = Tr::tr("The resolver library could not be initialised.");
        return a;
    }
    // Only the named server, no search domains, a bounded wait.
    state.nscount = 1;
    state.nsaddr_list[0] = addr;
    state.options &= ~(RES_DNSRCH | RES_DEFNAMES);
    state.retrans = qMax(1, timeoutMs / 1000);
    state.retry = 1;

    const QByteArray qname = name.toLatin1();
    unsigned char query[NS_PACKETSZ];
    const int qlen = res_nmkquery(&state, ns_o_query, qname.constData(), ns_c_in, ns_t_a, nullptr,
                                  0, nullptr, query, sizeof query);
    if (qlen < 0) {
        res_nclose(&state);
        a.error = Tr::tr("%1 is not a name that can be asked for.").arg(name);
        return a;
    }
    unsigned char answer[4096];
    errno = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    const int alen = res_nsend(&state, query, qlen, answer, sizeof answer);
    const int sendErrno = errno;
    res_nclose(&state);
    if (alen < 0) {
        // glibc's res_nsend hands back no answer whose code is SERVFAIL or REFUSED (it moves on to
        // the next server, and we gave it one): such a quick failure is an error answer, a slow
        // one is silence.
        if (sendErrno == ECONNREFUSED) {
            a.status = DnsAnswer::Status::Unreachable;
            a.error = Tr::tr("Nothing answers DNS at %1 (connection refused).").arg(server);
        } else if (elapsed.elapsed() < qint64(state.retrans) * 1000 / 2) {
            a.status = DnsAnswer::Status::ServFail;
            a.error = Tr::tr("DNS server %1 answered %2 with a failure (SERVFAIL or REFUSED).")
                          .arg(server, name);
        } else {
            a.status = DnsAnswer::Status::Timeout;
            a.error =
                Tr::tr("DNS server %1 did not answer within %2 s.").arg(server).arg(state.retrans);
        }
        return a;
    }
    ns_msg msg;
    if (ns_initparse(answer, alen, &msg) != 0) {
        a.error = Tr::tr("DNS server %1 sent an answer that does not parse.").arg(server);
        return a;
    }
    switch (ns_msg_getflag(msg, ns_f_rcode)) {
    case ns_r_noerror:
        break;
    case ns_r_nxdomain:
        a.status = DnsAnswer::Status::NxDomain;
        a.error = Tr::tr("DNS server %1 says %2 does not exist (NXDOMAIN).").arg(server, name);
        return a;
    case ns_r_servfail:
        a.status = DnsAnswer::Status::ServFail;
        a.error = Tr::tr("DNS server %1 failed to resolve %2 (SERVFAIL).").arg(server, name);
        return a;
    case ns_r_refused:
        a.status = DnsAnswer::Status::Refused;
        a.error = Tr::tr("DNS server %1 refused to resolve %2 (REFUSED).").arg(server, name);
        return a;
    default:
        a.error = Tr::tr("DNS server %1 answered %2 with error code %3.")
                      .arg(server, name)
                      .arg(ns_msg_getflag(msg, ns_f_rcode));
        return a;
    }
    const int count = ns_msg_count(msg, ns_s_an);
    for (int i = 0; i < count; ++i) {
        ns_rr rr;
        if (ns_parserr(&msg, ns_s_an, i, &rr) != 0)
            continue;
        if (ns_rr_type(rr) == ns_t_a && ns_rr_rdlen(rr) == 4) {
            char text[INET_ADDRSTRLEN];
            if (inet_ntop(AF_INET, ns_rr_rdata(rr), text, sizeof text))
                a.addresses << QString::fromLatin1(text);
        }
    }
    a.status = a.addresses.isEmpty() ? DnsAnswer::Status::NoData : DnsAnswer::Status::Ok;
    if (a.addresses.isEmpty())
        a.error = Tr::tr("DNS server %1 has no address for %2.").arg(server, name);
    return a;
}

DnsAnswer viaSystem(const QString &name) {
    DnsAnswer a;
    a.server = Tr::tr("system resolver");
    const QHostInfo info = QHostInfo::fromName(name);
    if (info.error() != QHostInfo::NoError) {
        a.status = info.error() == QHostInfo::HostNotFound ? DnsAnswer::Status::NxDomain
                                                           : DnsAnswer::Status::Error;
        a.error =
            Tr::tr("The system resolver could not resolve %1: %2").arg(name, info.errorString());
        return a;
    }
    for (const QHostAddress &h : info.addresses()) {
        if (h.protocol() == QAbstractSocket::IPv4Protocol)
            a.addresses << h.toString();
    }
    a.status = a.addresses.isEmpty() ? DnsAnswer::Status::NoData : DnsAnswer::Status::Ok;
    if (a.addresses.isEmpty())
        a.error = Tr::tr("The system resolver has no IPv4 address for %1.").arg(name);
    return a;
}

} // namespace

QString DnsAnswer::describe() const {
    if (ok())
        return addresses.join(QStringLiteral(", "));
    return error;
}

DnsAnswer resolveName(const QString &name, const QString &server, int timeoutMs) {
    return server.isEmpty() ? viaSystem(name) : viaLibresolv(name, server, timeoutMs);
}

bool isPrivateIPv4(const QString &address) {
    const QHostAddress a(address);
    if (a.protocol() != QAbstractSocket::IPv4Protocol)
        return false;
    return a.isInSubnet(QHostAddress(QStringLiteral("10.0.0.0")), 8) ||
           a.isInSubnet(QHostAddress(QStringLiteral("172.16.0.0")), 12) ||
           a.isInSubnet(QHostAddress(QStringLiteral("192.168.0.0")), 16) ||
           a.isInSubnet(QHostAddress(QStringLiteral("100.64.0.0")), 10);
}

} // namespace nt
