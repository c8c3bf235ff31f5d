#pragma once
// Every number a check judges against, in one place, with where it comes from. Checks, the UI
// and the reports read these; nothing else hard-codes a threshold.
namespace nt {

struct Thresholds {
    // Step 1: heartbeats. The kubelet renews its Lease in kube-node-lease every ~10 s; the node
    // controller marks a node Unknown when neither Lease nor status moved for
    // node-monitor-grace-period, 40 s by default [kube-controller-manager reference].
    int leaseStaleSeconds = 40;
    // With leases, the kubelet rewrites the Ready condition's lastHeartbeatTime only every
    // nodeStatusReportFrequency (5 min) when nothing changed [kubelet config reference], so the
    // fallback without leases allows that plus the grace period before calling it stale.
    int statusHeartbeatStaleSeconds = 5 * 60 + 40;

    // KubeNodeReadinessFlapping: more than 2 Ready changes in 15 min [kubernetes-mixin].
    int flapWindowSeconds = 15 * 60;
    int flapMaxChanges = 2;

    // How long a state has to last before the mixin's alerts fire; we report the state at once
    // and quote these in the detail so the reader can tell a blip from an outage.
    int notReadyAlertSeconds = 15 * 60;    // KubeNodeNotReady [kubernetes-mixin]
    int unreachableAlertSeconds = 15 * 60; // KubeNodeUnreachable [kubernetes-mixin]
    int pressureAlertSeconds = 10 * 60;    // KubeNodePressure [kubernetes-mixin]

    // Resource use, for the sampling issue (node.cpu-high etc.) [node-mixin, kubernetes-mixin].
    double cpuHighPercent = 90;           // NodeCPUHighUsage
    double memoryHighPercent = 90;        // NodeMemoryHighUtilization, for 15 min
    double fsHighPercent = 95;            // NodeFilesystemAlmostOutOfSpace: < 5% free
    double fsCriticalPercent = 97;        // NodeFilesystemAlmostOutOfSpace: < 3% free
    double podsHighPercent = 95;          // KubeletTooManyPods
    double pidsHighPercent = 90;          // same bar as memory: no upstream alert exists for PIDs
    double plegP99Seconds = 10;           // KubeletPlegDurationHigh, for 5 min
    double diskIoWeightedSaturation = 10; // NodeDiskIOSaturation, for 30 min

    // Step 2: the guide reads the agent's last 50 log lines (`kubectl logs --tail=50`). A pod
    // that restarted 3 times within the hour is restarting, not recovering from one upgrade (our
    // bar: no upstream alert for the agent; KubePodCrashLooping counts any restart over 15 min).
    int agentLogTailLines = 50;
    int agentRestartsWarn = 3;
    int agentRestartWindowSeconds = 3600;

    // Step 4/6: "sustained, not a blip": a rate counts as sustained when at least this share of
    // the window's samples (and at least minSustainedSamples of them) are over the bar. Our bar:
    // the mixins' `for:` clauses (5-30 min) are longer than a check's window.
    double sustainedShare = 0.6;
    int minSustainedSamples = 2;
    // Step 5: NPD events older than this are history, not news (the API server's default event
    // TTL is 1 h [kube-apiserver --event-ttl]).
    int npdEventLookbackSeconds = 3600;
    // Step 4: more than one kubelet start in this long is a restart loop (NPD's
    // FrequentKubeletRestart: 5 restarts in 20 min [node-problem-detector config]; we report 2).
    int kubeletStartWindowSeconds = 20 * 60;
    // Step 6: at the cap = at least this share of the effective IOPS / MB/s limit (Azure
    // throttles at the limit; measured rates land a little under it).
    double diskCapShare = 0.95;
    // PSI io "some" share of time (percent) and CPU iowait (percent) that mark a stalling disk
    // (our bar: no upstream alert; node-mixin has none for PSI).
    double psiIoSomePercent = 20;
    double iowaitPercent = 20;

    static const Thresholds &defaults() {
        static const Thresholds t;
        return t;
    }
};

} // namespace nt
