#pragma once
// The console's one-click node-side checks: which CommandTemplate each runs, what argument it
// needs, and the verdict its parsed evidence gives. The console panel and (later) `check
// --ssh-*` use this list; the command lines themselves live only in CommandTemplate.
#include "ssh/commandtemplate.h"
#include "ssh/sshtypes.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace nt {

struct NodeCheckInput {
    QString apiServerFqdn; // the cluster's API server FQDN (e.g. x.hcp.eastus.azmk8s.io)
    QString containerId;   // a tunnel container, from the tunnel-containers result
    QString since;         // journal start, "2026-11-28 09:00" or "-15 min"
};

struct NodeCheckVerdict {
    bool problem = false;      // true: evidence of a fault for the step
    bool inconclusive = false; // the command could not answer (tool missing, no daemon)
    QString verdict;           // one sentence
    QStringList details;       // facts, one per line
};

struct NodeCheck {
    QString id;            // "tunnel-containers"
    QString templateId;    // the CommandTemplate it renders
    int step = 0;          // the guide's step it gives evidence for (2 connectivity, 3 DNS, ...)
    QString title() const; // translated button text

    // The arguments for the template, taken from `input`.
    QHash<QString, QString> arguments(const NodeCheckInput &input) const;
    NodeCheckVerdict evaluate(const SshExecResult &result) const;

    static const QList<NodeCheck> &all();
    static const NodeCheck *find(const QString &id);
};

// Templates `nodetriage check` adds to CommandTemplate's catalogue (which holds the console's):
// - "dns-server-lookup": the API server name against a given DNS server and port, instead of the
//   node's resolver and of 168.63.129.16 (check --node-dns-server); slots host, server, port.
// - "tcp-probe-port": bash's /dev/tcp to a given port (the API server's, from the kubeconfig);
//   slots host, port, output as the tcp-probe templates ("probe-exit=N").
// The server must be an IPv4 address and the port a number from 1 to 65535: checked here, then
// the slots' validator and quoting apply as everywhere.
Result<QString> renderDnsServerLookup(const QString &host, const QString &server, int port);
Result<QString> renderTcpProbe(const QString &host, int port);

} // namespace nt
