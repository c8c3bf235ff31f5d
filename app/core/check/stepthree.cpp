#include "check/stepthree.h"

#include "kube/kubeclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(StepThree)
};

const QRegularExpression &nameRe() {
    static const QRegularExpression re(
        QStringLiteral(R"(^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$)"));
    return re;
}

bool validName(const QString &name) {
    return name.size() <= 253 && nameRe().match(name).hasMatch();
}

// The serving certificate's DNS names, less the loopback ones: the simulator (and a tunnel to a
// real API server) is reached by address but names the API server in its certificate.
QString fqdnFromCertificate(const ClusterAccess &access) {
    const QUrl url(access.server);
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!access.caPem.isEmpty())
        config.setCaCertificates(QSslCertificate::fromData(access.caPem, QSsl::Pem));
    if (access.insecureSkipTlsVerify)
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.setSslConfiguration(config);
    socket.setPeerVerifyName(access.tlsServerName.isEmpty() ? url.host() : access.tlsServerName);
    socket.connectToHostEncrypted(url.host(), quint16(url.port(443)));
    if (!socket.waitForEncrypted(5000))
        return {};
    const QSslCertificate cert = socket.peerCertificate();
    socket.disconnectFromHost();
    for (const QString &san : cert.subjectAlternativeNames().values(QSsl::DnsEntry)) {
        const QString name = san.toLower();
        if (name != u"localhost" && !name.startsWith(u"kubernetes") && validName(name))
            return name;
    }
    return {};
}

QString fqdnFromAgentLog(KubeClient &client, const GatherContext &ctx) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("labelSelector"), QStringLiteral("app=konnectivity-agent"));
    const TypedList<Pod> pods = ctx.await(client.listAs<Pod>(
        QStringLiteral("/api/v1/namespaces/kube-system/pods"), &Pod::fromJson, q));
    if (!pods.ok())
        return {};
    static const QRegularExpression host(QStringLiteral(R"re(ProxyServerHost set to "([^"]+)")re"));
    for (const Pod &p : pods.items) {
        LogOptions o;
        o.tailLines = 200;
        const KubeResponse r =
            ctx.await(client.podLogs(QStringLiteral("kube-system"), p.meta.name, o));
        if (!r.ok())
            continue;
        const QRegularExpressionMatch m = host.match(QString::fromUtf8(r.body));
        if (m.hasMatch() && validName(m.captured(1).toLower()))
            return m.captured(1).toLower();
    }
    return {};
}

QString vantageEvidence(const QString &where, const DnsVantage &v, bool withDetail = false) {
    if (v.resolved && !v.addresses.isEmpty()) {
        const QString addresses = v.addresses.join(QStringLiteral(", "));
        // The node's detail says how it was asked (over SSH, which server) in one line.
        if (withDetail && !v.detail.isEmpty() && !v.detail.contains(u'\n'))
            return QStringLiteral("%1: %2 (%3)").arg(where, addresses, v.detail);
        return QStringLiteral("%1: %2").arg(where, addresses);
    }
    return QStringLiteral("%1: %2").arg(where, v.detail);
}

// Runs the probe pod: create, wait for its answer (bounded), read the log, and delete it in
// every case. Only called with --allow-changes.
DnsVantage runProbe(KubeClient &client, const CheckOptions &o, const QString &fqdn, QString *object,
                    QString *cleanupError, const GatherContext &ctx) {
    DnsVantage v;
    v.ran = true;
    const QString ns = QStringLiteral("default");
    const QString name =
        QStringLiteral("nodetriage-dns-probe-%1")
            .arg(QRandomGenerator::global()->generate() & 0xfffff, 5, 16, QLatin1Char('0'));
    *object = objectRef(QStringLiteral("pod"), ns, name);
    const nlohmann::json pod = {
        {"apiVersion", "v1"},
        {"kind", "Pod"},
        {"metadata",
         {{"name", name.toStdString()},
          {"namespace", ns.toStdString()},
          {"labels",
           {{"app.kubernetes.io/name", "nodetriage-dns-probe"},
            {"app.kubernetes.io/managed-by", "nodetriage"}}}}},
        {"spec",
         {{"restartPolicy", "Never"},
          {"activeDeadlineSeconds", o.probeTimeoutSeconds},
          {"terminationGracePeriodSeconds", 0},
          {"automountServiceAccountToken", false},
          {"containers",
           {{{"name", "probe"},
             {"image", o.probeImage.toStdString()},
             // argv, no shell: the name was validated and is passed as one argument.
             {"command", {"nslookup", fqdn.toStdString()}}}}}}}};
    const QString path = QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns);
    // Not cut short by a cancel: a pod that was created must be known, to be deleted.
    const KubeResponse created = client.post(path, QByteArray::fromStdString(pod.dump())).result();
    if (!created.ok()) {
        v.ran = false;
        v.why = Tr::tr("the probe pod could not be created: %1").arg(responseError(created));
        object->clear();
        return v;
    }
    QElapsedTimer timer;
    timer.start();
    bool answered = false;
    while (!answered && !ctx.canceled() && timer.elapsed() < qint64(o.probeTimeoutSeconds) * 1000) {
        const auto next = std::chrono::steady_clock::now() + std::chrono::seconds(1);
        const KubeResponse got = ctx.await(client.get(path + u'/' + name));
        QString phase;
        if (got.ok()) {
            const nlohmann::json j = got.json();
            if (j.is_object() && j.contains("status") && j["status"].is_object())
                phase = QString::fromStdString(j["status"].value("phase", std::string()));
        }
        if (phase == u"Succeeded" || phase == u"Failed" || phase == u"Running") {
            LogOptions lo;
            const KubeResponse log = ctx.await(client.podLogs(ns, name, lo));
            if (log.ok()) {
                const DnsVantage parsed = parseNslookup(QString::fromUtf8(log.body), fqdn);
                // A running pod's log may still be empty; a finished pod's log is final.
                if (parsed.resolved || !parsed.detail.isEmpty() || phase != u"Running") {
                    v = parsed;
                    v.ran = true;
                    answered = true;
                    break;
                }
            }
        }
        ctx.cancel.sleepUntil(next);
    }
    if (!answered) {
        v.ran = false;
        v.why = ctx.canceled()
                    ? Tr::tr("the check was cancelled before the probe pod %1 answered").arg(name)
                    : Tr::tr("the probe pod %1 gave no answer within %2 s")
                          .arg(name)
                          .arg(o.probeTimeoutSeconds);
    }
    QUrlQuery del;
    KubeRequest request;
    request.verb = "DELETE";
    request.path = path + u'/' + name;
    del.addQueryItem(QStringLiteral("gracePeriodSeconds"), QStringLiteral("0"));
    request.query = del;
    const KubeResponse deleted = client.send(request).result();
    if (!deleted.ok() && deleted.error != KubeErrorKind::NotFound)
        *cleanupError =
            Tr::tr("The probe pod %1 could not be deleted; delete it with \"kubectl delete "
                   "pod %1 -n %2\": %3")
                .arg(name, ns, responseError(deleted));
    return v;
}

} // namespace

FqdnKind classifyFqdn(const QString &fqdn) {
    static const QRegularExpression pub(QStringLiteral(R"(\.hcp\.[a-z0-9]+\.azmk8s\.io$)"));
    static const QRegularExpression priv(
        QStringLiteral(R"(\.privatelink\.[a-z0-9]+\.azmk8s\.io$)"));
    if (priv.match(fqdn).hasMatch())
        return FqdnKind::Private;
    if (pub.match(fqdn).hasMatch())
        return FqdnKind::Public;
    return FqdnKind::Other;
}

DnsVantage parseNslookup(const QString &output, const QString &fqdn) {
    DnsVantage v;
    v.ran = true;
    bool afterName = false;
    static const QRegularExpression ip(QStringLiteral(R"((\d{1,3}(?:\.\d{1,3}){3}))"));
    for (const QString &raw : output.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.startsWith(u"Name:", Qt::CaseInsensitive) &&
            line.contains(fqdn, Qt::CaseInsensitive)) {
            afterName = true;
        } else if (afterName && line.startsWith(u"Address", Qt::CaseInsensitive)) {
            const QRegularExpressionMatch m = ip.match(line.section(u':', 1));
            if (m.hasMatch())
                v.addresses << m.captured(1);
        } else if (line.contains(u"can't find") || line.contains(u"can't resolve") ||
                   line.contains(u"NXDOMAIN") || line.contains(u"SERVFAIL") ||
                   line.contains(u"timed out") || line.contains(u"no servers could be reached")) {
            v.detail = line;
        }
    }
    v.resolved = !v.addresses.isEmpty();
    if (v.resolved)
        v.detail = output.trimmed();
    return v;
}

StepOutcome judgeStepThree(const StepThreeInput &in) {
    StepOutcome out;
    if (in.coredns) {
        const Deployment &d = *in.coredns;
        if (d.readyReplicas < d.replicas) {
            Finding f = Finding::fromCatalog("dns.coredns-unhealthy");
            f.object = objectRef(QStringLiteral("deployment"), d.meta.namespaceName, d.meta.name);
            f.detail =
                Tr::tr("%1 of %2 CoreDNS replicas are ready.").arg(d.readyReplicas).arg(d.replicas);
            f.evidence << QStringLiteral("replicas=%1 ready=%2 available=%3")
                              .arg(d.replicas)
                              .arg(d.readyReplicas)
                              .arg(d.availableReplicas);
            for (const Pod &p : in.corednsPods)
                f.evidence << QStringLiteral("pod %1 node=%2 phase=%3 ready=%4 restarts=%5")
                                  .arg(p.meta.name, p.nodeName, p.phase,
                                       p.ready() ? QStringLiteral("true") : QStringLiteral("false"))
                                  .arg(p.restarts());
            f.commands
                << QStringLiteral("kubectl get deploy %1 -n %2 -o wide")
                       .arg(d.meta.name, d.meta.namespaceName)
                << QStringLiteral("kubectl logs -l k8s-app=kube-dns -n kube-system --tail=50")
                << QStringLiteral(
                       "kubectl get configmap coredns coredns-custom -n kube-system -o yaml");
            out.findings << f;
        }
    } else {
        out.notes << Tr::tr(
            "No CoreDNS deployment (label k8s-app=kube-dns) in kube-system; its health "
            "was not checked.");
    }
    if (in.fqdn.isEmpty()) {
        out.notes << Tr::tr(
            "The API server's name is unknown (the server URL is an address and the "
            "certificate names none); pass --fqdn to check its resolution.");
        out.finish(3);
        return out;
    }
    const FqdnKind kind = classifyFqdn(in.fqdn);
    out.notes << (kind == FqdnKind::Private  ? Tr::tr("%1 (%2) is a private API server name.")
                  : kind == FqdnKind::Public ? Tr::tr("%1 (%2) is a public API server name.")
                                             : Tr::tr("%1 (%2) is not an AKS API server name."))
                     .arg(in.fqdn, in.fqdnSource);
    const QString nslookup = QStringLiteral("nslookup %1").arg(in.fqdn);
    const QString podCmd =
        QStringLiteral("kubectl run dns-probe --rm -it --restart=Never "
                       "--image=mcr.microsoft.com/cbl-mariner/busybox:2.0 -- nslookup %1")
            .arg(in.fqdn);

    if (in.workstation.ran && !in.workstation.resolved) {
        Finding f = Finding::fromCatalog("dns.workstation-failure");
        f.object = in.fqdn;
        f.detail =
            kind == FqdnKind::Private
                ? Tr::tr("%1 does not resolve here: %2 Outside the VNet a private name resolves "
                         "only through a DNS server that forwards the private zone.")
                      .arg(in.fqdn, in.workstation.detail)
                : Tr::tr("%1 does not resolve here: %2").arg(in.fqdn, in.workstation.detail);
        f.evidence << vantageEvidence(Tr::tr("workstation"), in.workstation);
        f.commands << nslookup;
        out.findings << f;
    }
    if (kind == FqdnKind::Private) {
        const QList<QPair<QString, const DnsVantage *>> vantages{
            {Tr::tr("workstation"), &in.workstation},
            {Tr::tr("pod"), &in.pod},
            {Tr::tr("node"), &in.node}};
        QStringList evidence;
        for (const auto &[where, v] : vantages) {
            if (!v->resolved)
                continue;
            for (const QString &a : v->addresses) {
                if (!isPrivateIPv4(a))
                    evidence
                        << Tr::tr("%1 resolved %2 to public address %3").arg(where, in.fqdn, a);
            }
        }
        if (!evidence.isEmpty()) {
            Finding f = Finding::fromCatalog("dns.private-resolves-public");
            f.object = in.fqdn;
            f.detail =
                Tr::tr("The private API server name %1 resolves to a public address; inside the "
                       "VNet it must resolve to the private endpoint.")
                    .arg(in.fqdn);
            f.evidence = evidence;
            f.commands << nslookup
                       << QStringLiteral(
                              "az network private-dns link vnet list -g <NODE_RESOURCE_GROUP> "
                              "-z %1 -o table")
                              .arg(in.fqdn.section(u'.', 2));
            out.findings << f;
        }
    }
    if (in.pod.ran && !in.pod.resolved) {
        Finding f = Finding::fromCatalog("dns.pod-failure");
        f.object = in.probeObject;
        f.detail = Tr::tr("%1 does not resolve in a pod: %2").arg(in.fqdn, in.pod.detail);
        f.evidence << vantageEvidence(Tr::tr("pod"), in.pod);
        if (in.workstation.ran)
            f.evidence << vantageEvidence(Tr::tr("workstation"), in.workstation);
        if (in.node.ran)
            f.evidence << vantageEvidence(Tr::tr("node"), in.node, true);
        f.commands << podCmd
                   << QStringLiteral("kubectl get configmap coredns-custom -n kube-system -o yaml")
                   << QStringLiteral("kubectl logs -l k8s-app=kube-dns -n kube-system --tail=50");
        out.findings << f;
        // The comparison that names the fault: the node resolves, so the VNet's DNS works and
        // Kubernetes DNS (CoreDNS, its custom forwards) is what fails.
        if (in.node.ran && in.node.resolved) {
            Finding only = Finding::fromCatalog("dns.pod-only-failure");
            only.object = in.probeObject;
            only.detail = Tr::tr("%1 resolves on the node but not in a pod: the fault is in "
                                 "Kubernetes DNS (CoreDNS or its coredns-custom forwards), not in "
                                 "the VNet's DNS.")
                              .arg(in.fqdn);
            only.evidence = f.evidence;
            only.commands = f.commands;
            out.findings << only;
        }
    }
    if (in.node.ran && !in.node.resolved) {
        Finding f = Finding::fromCatalog("dns.node-failure");
        f.detail = Tr::tr("%1 does not resolve on the node: %2").arg(in.fqdn, in.node.detail);
        f.evidence << vantageEvidence(Tr::tr("node"), in.node, true);
        out.findings << f;
    }
    if (in.upstream.ran && !in.upstream.resolved) {
        Finding f = Finding::fromCatalog("dns.upstream-failure");
        f.object = in.fqdn;
        f.detail = Tr::tr("The upstream DNS server does not resolve %1 from the node: %2")
                       .arg(in.fqdn, in.upstream.detail);
        f.evidence << vantageEvidence(Tr::tr("upstream from the node"), in.upstream);
        if (in.node.ran)
            f.evidence << vantageEvidence(Tr::tr("node"), in.node, true);
        f.commands << QStringLiteral("nslookup %1 168.63.129.16").arg(in.fqdn);
        out.findings << f;
    }
    if (!in.pod.ran) {
        Finding f = Finding::fromCatalog("dns.probe-not-run");
        f.detail = Tr::tr("The pod vantage was not checked: %1.").arg(in.pod.why);
        f.commands << podCmd;
        out.findings << f;
    }
    if (!in.node.ran)
        out.notes << Tr::tr("The node vantage was not checked: %1.").arg(in.node.why);
    if (!in.upstream.ran)
        out.notes << Tr::tr("The upstream check (168.63.129.16) from the node was not run: %1.")
                         .arg(in.upstream.why.isEmpty() ? in.node.why : in.upstream.why);
    out.finish(3);
    return out;
}

QString findApiServerFqdn(KubeClient &client, const CheckOptions &o, QString *source,
                          const GatherContext &ctx) {
    const QString host = client.serverHost().toLower();
    if (!host.isEmpty() && QHostAddress(host).isNull()) {
        *source = Tr::tr("server URL");
        return host;
    }
    if (!o.fqdn.isEmpty()) {
        *source = QStringLiteral("--fqdn");
        return o.fqdn;
    }
    if (const QString fromCert = fqdnFromCertificate(client.access()); !fromCert.isEmpty()) {
        *source = Tr::tr("API server certificate");
        return fromCert;
    }
    if (const QString fromLog = fqdnFromAgentLog(client, ctx); !fromLog.isEmpty()) {
        *source = Tr::tr("konnectivity agent log");
        return fromLog;
    }
    return {};
}

std::optional<StepThreeInput> gatherStepThree(KubeClient &client, const CheckOptions &o,
                                              const QList<Node> &nodes, QString *error,
                                              const GatherContext &ctx) {
    StepThreeInput in;
    ctx.announce(Tr::tr("Finding the API server's name"));
    in.fqdn = findApiServerFqdn(client, o, &in.fqdnSource, ctx);

    QUrlQuery q;
    q.addQueryItem(QStringLiteral("labelSelector"), QStringLiteral("k8s-app=kube-dns"));
    ctx.announce(Tr::tr("Checking CoreDNS"));
    const TypedList<Deployment> deployments = ctx.await(client.listAs<Deployment>(
        QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments"), &Deployment::fromJson,
        q));
    if (!deployments.ok()) {
        *error = responseError(deployments.status);
        return std::nullopt;
    }
    if (!deployments.items.empty()) {
        in.coredns = deployments.items.front();
        const TypedList<Pod> pods = ctx.await(client.listAs<Pod>(
            QStringLiteral("/api/v1/namespaces/kube-system/pods"), &Pod::fromJson, q));
        if (pods.ok())
            in.corednsPods = QList<Pod>(pods.items.begin(), pods.items.end());
    }
    if (in.fqdn.isEmpty() || ctx.canceled())
        return in;

    ctx.announce(Tr::tr("Resolving %1 from this workstation").arg(in.fqdn));
    const DnsAnswer here = resolveName(in.fqdn, o.dnsServer);
    in.workstation.ran = true;
    in.workstation.resolved = here.ok();
    in.workstation.addresses = here.addresses;
    in.workstation.detail = here.ok() ? here.server : here.error;

    if (o.allowChanges && !ctx.canceled()) {
        ctx.announce(Tr::tr("Resolving %1 from a probe pod").arg(in.fqdn));
        QString cleanup;
        in.pod = runProbe(client, o, in.fqdn, &in.probeObject, &cleanup, ctx);
        if (!cleanup.isEmpty())
            *error = cleanup; // not fatal: the caller shows it as a warning
    } else if (!o.allowChanges) {
        in.pod.why = Tr::tr("creating a probe pod changes the cluster; run with --allow-changes to "
                            "allow it");
    } else {
        in.pod.why = Tr::tr("the check was cancelled");
    }
    // Without SSH the node vantage is inferred: AKS kubelets reach the API server by this very
    // name (their kubeconfig names the FQDN), so Ready nodes with fresh heartbeats resolve it.
    int ready = 0;
    for (const Node &n : nodes)
        ready += nodeIsReady(n) ? 1 : 0;
    in.upstream.why = Tr::tr("it needs SSH access to a node (--ssh-user, --ssh-key)");
    if (ready > 0) {
        in.node.ran = true;
        in.node.resolved = true;
        in.node.detail =
            Tr::tr("inferred: %1 of %2 nodes are Ready, and their kubelets reach the API "
                   "server by this name")
                .arg(ready)
                .arg(nodes.size());
    } else {
        in.node.why =
            Tr::tr("no node is Ready and no SSH access was given (--ssh-user, --ssh-key)");
    }
    return in;
}

} // namespace nt
