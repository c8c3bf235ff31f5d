#pragma once
// The node-side checks of `nodetriage check --ssh-*` (issue 4 and step 3's node vantage): over
// SSH to a bounded set of nodes (the affected ones first, at most --ssh-nodes, four at a time,
// each within a deadline), the fixed templates of ssh/nodechecks.h and ssh/commandtemplate.h:
// tunnel containers and their logs, the API server name from the node's resolver and from Azure
// DNS 168.63.129.16 (or --node-dns-server for both), a TCP probe of the API server's port (and
// 9000 where tunnelfront runs), the kubelet journal since the window's start. Host keys are
// checked against --known-hosts (else ~/.ssh/known_hosts); an unknown key is refused. A node
// that cannot be reached is one sentence naming node and address, never a failed run.
#include "check/checkoptions.h"
#include "check/stepcommon.h"
#include "check/stepthree.h"
#include "ssh/nodecheckparsers.h"
#include "ssh/nodechecks.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace nt {

struct NodeCheckRun {
    bool ran = false;
    QString command; // exactly what ran on the node
    NodeCheckVerdict verdict;
};

struct NodeVantageResult {
    QString node;
    QString address; // "user@10.224.0.4:22" as connected to
    QString error;   // could not connect / authenticate: one sentence naming node and address
    NodeCheckRun tunnel, tunnelLogs, dnsNode, dnsUpstream, tcpApi, tcpTunnel, journal;
    TunnelContainersEvidence tunnelEvidence;
    DnsEvidence dnsNodeEvidence, dnsUpstreamEvidence;
    QString dnsServerLabel; // "the node's resolver" or "127.0.0.1:5353 (--node-dns-server)"
    bool reached() const { return error.isEmpty(); }
};

struct NodeVantageInput {
    QList<Node> nodes;       // in the order to visit (affected ones first); capped by the caller
    QString apiHost;         // the API server as the kubeconfig names it (host of the server URL)
    int apiPort = 443;       // and its port
    QString fqdn;            // the API server's name for the lookups; "" = no lookups
    int journalMinutes = 15; // the kubelet journal since this many minutes ago
};

// Runs the checks; blocks the calling thread (never the GUI's). `warnings` gets one line per
// node that could not be reached or whose tools were missing.
QList<NodeVantageResult> runNodeVantage(const CheckOptions &options, const NodeVantageInput &input,
                                        const GatherContext &ctx, QStringList *warnings);

// The nodes to visit: those named by `findings` (warning or critical) first, then the others in
// list order; at most `cap`, only nodes with an InternalIP.
QList<Node> nodesToVisit(const QList<Node> &nodes, const QList<Finding> &findings, int cap);

// What the results mean for the steps.
// Step 2: connectivity.node-apiserver-unreachable per node whose probe failed, and notes.
void addNodeVantageToStepTwo(const QList<NodeVantageResult> &results, StepOutcome &out);
// Step 3: the node and upstream vantage (over SSH) replacing the inferred one, when any node
// answered a lookup.
void addNodeVantageToStepThree(const QList<NodeVantageResult> &results, StepThreeInput &in);
// Step 4: the kubelet journal as evidence of the node's findings, and notes.
void addNodeVantageToStepFour(const QList<NodeVantageResult> &results, StepOutcome &out);

} // namespace nt
