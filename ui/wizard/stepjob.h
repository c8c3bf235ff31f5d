#pragma once
// Runs steps of the diagnosis for the window: core's CheckRunner (the same code as
// `nodetriage check`) on a thread-pool thread with its own API client for the window's
// kubeconfig and context, so the GUI thread never waits on the cluster. The result comes back
// through a QFuture the caller continues with .then(context, ...).
#include "check/checkreport.h"

#include <functional>
#include <memory>
#include <mutex>
#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

namespace nt {
class CheckRunner;
}

namespace nt::ui {

struct StepJobRequest {
    QString kubeconfig; // as the window loaded it; empty: $KUBECONFIG, else ~/.kube/config
    QString context;
    QList<int> steps;
    int durationSeconds = 0; // the sampling window (steps 4 and 6 judge deltas over it)
    int intervalSeconds = 5;
    QString dnsServer;         // step 3: the server the workstation asks ("" = the system resolver)
    QString fqdn;              // step 3: the API server name when the URL is an address
    bool allowChanges = false; // step 3: the probe pod, only after the user confirmed it
    QString probeImage;        // "" = core's default
    int probeTimeoutSeconds = 60;
};

struct StepJobResult {
    bool ok = false;
    QString error; // one sentence when the check could not run at all
    CheckReport report;
    QStringList warnings; // not findings: a probe pod that could not be deleted...
};

// Shared between the GUI and the worker: Cancel reaches the running CheckRunner (which stops
// within a second and still deletes a probe pod it created); progress lines come back through
// `onProgress`, called on the worker thread.
class StepJobControl {
public:
    void cancel();
    bool isCanceled() const;
    // Set before start(); called on the worker thread, under the control's lock.
    std::function<void(const QString &line)> onProgress;
    // From the worker: hands a progress line to onProgress, if still attached.
    void report(const QString &line);
    // From the owner before it goes away: no onProgress call is running or will run after this.
    void detach();

private:
    friend class StepJob;
    mutable std::mutex m_mutex;
    bool m_canceled = false;
    CheckRunner *m_runner = nullptr;
};

class StepJob {
public:
    static QFuture<StepJobResult> start(const StepJobRequest &request,
                                        std::shared_ptr<StepJobControl> control = {});
    // Blocking; what start() runs on the pool. Public for tests.
    static StepJobResult run(const StepJobRequest &request,
                             const std::shared_ptr<StepJobControl> &control = {});
};

} // namespace nt::ui
