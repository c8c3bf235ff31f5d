#pragma once
// Runs the selected steps of `nodetriage check` against a cluster: lists nodes (every interval
// for the sampling window, to observe readiness), leases and the version, then judges each step.
//
// run() blocks its thread until the report is ready (KubeClient and the sampler work on threads
// of their own), so the CLI calls it on its main thread and the window on a worker thread
// (QtConcurrent::run or a QThread): never on the GUI thread. It needs no event loop in its thread.
//
// For the window (the wizard) three more things, all optional:
// - setProgress(): a callback, called on run()'s thread, in this order:
//     Sampling ("Listing nodes", then once per sampling round with done/total rounds);
//     then for each selected step in order: StepStarted, zero or more Check (the check inside
//     the step that starts now, translated), StepFinished (the step's StepResult - status and
//     note - with its findings and notes). A step not selected gets StepFinished(Skipped) only.
//   Relay to the GUI with QMetaObject::invokeMethod(receiver, ..., Qt::QueuedConnection).
// - cancel(): from any thread. run() then returns promptly (well within a second, unless a DNS
//   query or the TLS handshake that finds the API server's name is in progress: those time out
//   within 5 s) with what it has: steps finished so far keep their results, the others are
//   Skipped with the note "cancelled", and report.canceled is true. A probe pod that was created
//   is still deleted. Nothing else is sent to the cluster after a cancel.
// - setExternalSamples(): judge steps 1, 4 and 6 from a MetricStore someone else fills (the
//   window's sampling engine) over a given window instead of sampling: run() then lists the
//   nodes once and does not sample at all (report.window is the given window).
#include "check/checkcancel.h"
#include "check/checkoptions.h"
#include "check/checkreport.h"
#include "check/stepcommon.h"
#include "check/stepone.h"
#include "metrics/metricstore.h"
#include "util/result.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <QStringList>
#include <vector>

namespace nt {

class KubeClient;
struct NodeVantageResult;

struct CheckProgress {
    enum class Kind {
        Sampling,     // step 0; text, done/total rounds (total 0 while only listing nodes)
        StepStarted,  // step, text = the step's title
        Check,        // step, text = the check that starts now
        StepFinished, // step, result, findings, notes
    };
    Kind kind = Kind::Sampling;
    int step = 0;
    QString text;
    int done = 0, total = 0;
    StepResult result; // StepFinished: number, id, title, status, note (notes joined)
    QList<Finding> findings;
    QStringList notes;
};
using CheckProgressCallback = std::function<void(const CheckProgress &)>;

// Samples someone else took: the window's engine store and the part of it to judge.
struct ExternalSamples {
    std::shared_ptr<const MetricStore> store;
    qint64 fromMs = 0, toMs = 0; // Unix epoch ms, the window judged
    // How many sampling rounds the window holds (steps 4 and 6 note when fewer than 2); -1 when
    // unknown (no note).
    int rounds = -1;
    // Optional, node -> why sampling it failed (SamplingEngine::nodeStates()' lastError): a node
    // with no kubelet series in the window and an entry here gets kubelet.metrics-unreachable.
    QHash<QString, QString> nodeProblems;
};

class CheckRunner {
public:
    CheckRunner(KubeClient &client, const CheckOptions &options, const QString &contextName);
    ~CheckRunner();

    // Before run(); see the top of this file.
    void setProgress(CheckProgressCallback callback) { m_progress = std::move(callback); }
    void setExternalSamples(ExternalSamples samples);
    // Thread-safe; see the top of this file.
    void cancel() { m_cancel.cancel(); }
    bool isCanceled() const { return m_cancel.isCanceled(); }

    // The report, or the one-sentence reason the check could not run (exit status 3). A cancel
    // before the first node list is such a reason ("The check was cancelled.").
    Result<CheckReport> run();
    // Things worth telling the user on stderr that are not findings (a failed re-list...).
    const QStringList &warnings() const { return m_warnings; }
    // The samples of the window the judges read; the reports draw their charts from it.
    std::shared_ptr<const MetricStore> store() const { return m_store; }

private:
    // One LIST of the nodes: keeps them (typed) and adds a readiness sample per node.
    Result<bool> sampleNodes();
    // Fills m_store over the window with the sampling engine's WindowSampler, re-listing the
    // nodes on the interval's ticks meanwhile; leaves m_store empty when cancelled.
    void sampleWindow(CheckReport &report, int *samples);
    // Steps 1-6 each on their own: a gather that fails makes that step "error", never the run.
    StepOutcome runStepOne(const CheckReport &report, int samples);
    StepOutcome runStep(int number, CheckReport &report);
    std::optional<QList<Event>> nodeEvents(QString *error);
    void fillLatest(CheckReport &report) const;
    // The node-side checks over SSH (--ssh-*), once, before the first of steps 2-4 that runs.
    void ensureNodeVantage(const CheckReport &report, int step);
    void emitProgress(const CheckProgress &progress) const;
    void announce(int step, const QString &check) const;

    KubeClient &m_client;
    CheckOptions m_options;
    QString m_context;
    CheckCancel m_cancel;
    GatherContext m_ctx; // m_cancel, and Check progress for the current step
    CheckProgressCallback m_progress;
    std::optional<ExternalSamples> m_external;
    std::vector<Node> m_lastNodes;
    QDateTime m_serverNow; // from the last node list's Date header, else invalid
    ReadinessHistory m_readiness;
    QStringList m_warnings;
    std::chrono::steady_clock::time_point m_start;
    std::shared_ptr<const MetricStore> m_store;
    int m_rounds = 0;
    QHash<QString, QString> m_kubeletErrors, m_ioErrors;
    qint64 m_windowFromMs = 0, m_windowToMs = 0;
    std::optional<std::optional<QList<Event>>> m_events; // listed once, for steps 4 and 5
    QString m_eventsError;
    int m_currentStep = 0;
    std::optional<QList<NodeVantageResult>> m_vantage;
};

} // namespace nt
