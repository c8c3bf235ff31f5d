#include "stepjob.h"

#include "check/checkoptions.h"
#include "check/checkrunner.h"
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"

#include <QtConcurrent>

namespace nt::ui {

void StepJobControl::cancel() {
    std::lock_guard lock(m_mutex);
    m_canceled = true;
    if (m_runner)
        m_runner->cancel();
}

void StepJobControl::report(const QString &line) {
    std::lock_guard lock(m_mutex);
    if (onProgress)
        onProgress(line);
}

void StepJobControl::detach() {
    std::lock_guard lock(m_mutex);
    onProgress = nullptr;
}

bool StepJobControl::isCanceled() const {
    std::lock_guard lock(m_mutex);
    return m_canceled;
}

QFuture<StepJobResult> StepJob::start(const StepJobRequest &request,
                                      std::shared_ptr<StepJobControl> control) {
    return QtConcurrent::run([request, control] { return run(request, control); });
}

StepJobResult StepJob::run(const StepJobRequest &request,
                           const std::shared_ptr<StepJobControl> &control) {
    StepJobResult result;
    Result<Kubeconfig> config = Kubeconfig::loadDefault(request.kubeconfig);
    if (!config) {
        result.error = config.error();
        return result;
    }
    Result<ClusterAccess> access = config->resolve(request.context);
    if (!access) {
        result.error = access.error();
        return result;
    }
    CheckOptions options;
    options.kubeconfig = request.kubeconfig;
    options.context = request.context;
    options.steps = request.steps;
    options.durationSeconds = request.durationSeconds;
    options.intervalSeconds = qMax(1, request.intervalSeconds);
    options.dnsServer = request.dnsServer;
    options.fqdn = request.fqdn;
    options.allowChanges = request.allowChanges;
    if (!request.probeImage.isEmpty())
        options.probeImage = request.probeImage;
    options.probeTimeoutSeconds = request.probeTimeoutSeconds;
    const QString contextName = access->contextName;
    // Non-interactive: a credential plugin that needs a person gets its answer through the
    // window's own client (ClusterSession), which already holds the token.
    KubeClient client(std::move(access.value()), ClientOptions{});
    CheckRunner runner(client, options, contextName);
    if (control) {
        runner.setProgress([control](const CheckProgress &p) {
            if (p.kind == CheckProgress::Kind::Check || p.kind == CheckProgress::Kind::Sampling)
                control->report(p.text);
        });
        std::lock_guard lock(control->m_mutex);
        if (control->m_canceled)
            runner.cancel();
        control->m_runner = &runner;
    }
    Result<CheckReport> report = runner.run();
    if (control) {
        std::lock_guard lock(control->m_mutex);
        control->m_runner = nullptr;
    }
    if (!report) {
        result.error = report.error();
        return result;
    }
    result.ok = true;
    result.report = std::move(report.value());
    result.warnings = runner.warnings();
    return result;
}

} // namespace nt::ui
