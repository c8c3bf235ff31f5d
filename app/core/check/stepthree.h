#pragma once
// Step 3, DNS: the API server's name (from the server URL, --fqdn, the serving certificate or the
// konnectivity agent's ProxyServerHost line), resolved from the workstation, from a short-lived
// probe pod (only with --allow-changes; always deleted) and from the node (over SSH); CoreDNS
// health; then the comparison that names the fault.
#include "check/checkoptions.h"
#include "check/dnsresolver.h"
#include "check/stepcommon.h"

#include <optional>

namespace nt {

class KubeClient;

enum class FqdnKind { Public, Private, Other };
FqdnKind classifyFqdn(const QString &fqdn);

// What one vantage point saw. `ran` false: not run, `why` says so.
struct DnsVantage {
    bool ran = false;
    QString why;
    bool resolved = false;
    QStringList addresses;
    QString detail; // the error or the raw answer
};

struct StepThreeInput {
    QString fqdn; // "" when it could not be found
    QString fqdnSource;
    DnsVantage workstation, pod, node;
    // Azure DNS (168.63.129.16, or --node-dns-server) asked from the node over SSH.
    DnsVantage upstream;
    std::optional<Deployment> coredns;
    QList<Pod> corednsPods;
    QString probeObject; // "pod/default/nodetriage-dns-probe-..." when a probe ran
};

// nslookup's output (busybox or bind) -> resolved addresses, or the failure line.
DnsVantage parseNslookup(const QString &output, const QString &fqdn);

StepOutcome judgeStepThree(const StepThreeInput &input);
// The API server's name as step 3 finds it (server URL, --fqdn, certificate, agent log), with
// where it came from in *source; "" when none.
QString findApiServerFqdn(KubeClient &client, const CheckOptions &options, QString *source,
                          const GatherContext &ctx = {});
// A cancel (ctx) stops waiting on the API server; a probe pod already created is still deleted.
std::optional<StepThreeInput> gatherStepThree(KubeClient &client, const CheckOptions &options,
                                              const QList<Node> &nodes, QString *error,
                                              const GatherContext &ctx = {});

} // namespace nt
