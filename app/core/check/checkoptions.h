#pragma once
// The options of `nodetriage check` (CONTRACT.md), parsed and validated. Errors are one sentence
// naming the option and the value.
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace nt {

struct CheckOptions {
    QString kubeconfig;
    QString context;
    QList<int> steps{1, 2, 3, 4, 5, 6}; // sorted, unique
    int durationSeconds = 30;
    int intervalSeconds = 5;
    QString prometheus;
    // Node-side SSH: accepted now, used by the SSH-based checks.
    QString sshConfig, sshUser, sshKey, sshJump, knownHosts;
    int sshPort = 0;
    int sshNodes = 5; // nodes the node-side checks visit, affected ones first
    // The DNS server the node-side lookups ask instead of the node's resolver and 168.63.129.16
    // (a custom DNS server to test, and the tests' dnsmasq): digits and dots only; "" = none.
    QString nodeDnsServer;
    int nodeDnsPort = 53;
    // True when any --ssh-* option asks for the node-side checks.
    bool sshEnabled() const {
        return !sshUser.isEmpty() || !sshKey.isEmpty() || !sshConfig.isEmpty() ||
               !sshJump.isEmpty() || !knownHosts.isEmpty() || sshPort != 0;
    }
    QString jsonPath; // "-" = stdout
    QString pdfPath;
    QString htmlPath;
    QString markdownPath;
    // Reports (every format, --json included) with IPs, node and cluster names replaced by
    // stand-ins; --pseudonymize is the same option.
    bool pseudonymise = false;
    bool allowChanges = false;
    // Step 3 extensions (docs/cli.md): the API server name when the server URL is an address,
    // the DNS server the workstation asks (IPv4, port 53 unless given), the probe pod's image and
    // how long it may run.
    QString fqdn;
    QString dnsServer; // "IP" or "IP:PORT", validated
    QString probeImage = QStringLiteral("mcr.microsoft.com/cbl-mariner/busybox:2.0");
    int probeTimeoutSeconds = 60;
    // API server VNet integration with Azure CNI: no konnectivity agent is expected.
    bool vnetIntegration = false;
    QString lang;
    bool help = false;
    QString helpText;

    // `args` are the arguments after "check".
    static Result<CheckOptions> parse(const QStringList &args);
};

// "1,2,6", "1-6", "1-3,6" -> sorted unique step numbers in 1..6.
Result<QList<int>> parseStepList(const QString &text);

} // namespace nt
