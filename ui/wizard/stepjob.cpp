#include "stepjob.h"

#include "check/checkoptions.h"
#include "check/checkrunner.h"
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"

#include <QtConcurrent>

namespace nt::ui {

QFuture<StepJobResult> StepJob::start(const StepJobRequest &request) {
    return QtConcurrent::run([request] { return run(request); });
}

StepJobResult StepJob::run(const StepJobRequest &request) {
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
    Result<CheckReport> report = runner.run();
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
