#include "wizardcontroller.h"

#include "apicalldialog.h"
#include "charts/nodechartspanel.h"
#include "check/checkoptions.h"
#include "check/disklimits.h"
#include "checkpage.h"
#include "findingmodel.h"
#include "kube/kubeconfig.h"
#include "stepcatalog.h"
#include "steprail.h"
#include "summarypage.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>

namespace nt::ui {

namespace {
StepStatus fromCore(nt::StepStatus status) {
    switch (status) {
    case nt::StepStatus::Pass:
        return StepStatus::Pass;
    case nt::StepStatus::Warn:
        return StepStatus::Warn;
    case nt::StepStatus::Fail:
        return StepStatus::Fail;
    case nt::StepStatus::Error:
        return StepStatus::Error;
    case nt::StepStatus::Skipped:
        return StepStatus::NotRun;
    }
    return StepStatus::NotRun;
}

// "critical: 1 · warnings: 2", or the number of findings when none needs attention.
QString countsLine(const QList<Finding> &findings) {
    int critical = 0, warnings = 0;
    for (const Finding &f : findings) {
        critical += f.severity == Severity::Critical;
        warnings += f.severity == Severity::Warning;
    }
    if (critical + warnings == 0)
        return WizardController::tr("no problems");
    return WizardController::tr("critical: %1 \u00b7 warnings: %2")
        .arg(QLocale().toString(critical), QLocale().toString(warnings));
}

// "pod/kube-system/NAME" -> {namespace, name}; empty when the object is not a pod.
std::pair<QString, QString> podOf(const QString &object) {
    const QStringList parts = object.split(u'/');
    if (parts.size() == 3 && parts[0] == u"pod")
        return {parts[1], parts[2]};
    return {};
}
} // namespace

WizardController::WizardController(StepRail *rail, std::function<StepJobRequest()> requestBase,
                                   QObject *parent)
    : QObject(parent)
    , m_rail(rail)
    , m_requestBase(std::move(requestBase)) {
    createPages();
}

WizardController::~WizardController() {
    // A running check stops within a second instead of sampling a cluster nobody looks at, and
    // its progress no longer reaches this object (the application waits for the pool on exit).
    if (m_control) {
        m_control->detach();
        m_control->cancel();
    }
}

CheckPage *WizardController::page(int step) const {
    return step >= 2 && step <= 6 ? m_pages.at(step - 2) : nullptr;
}

void WizardController::createPages() {
    for (const StepInfo &step : StepCatalog::steps()) {
        if (step.number < 2)
            continue;
        auto *page = new CheckPage(step);
        m_pages << page;
        const int number = step.number;
        connect(page, &CheckPage::runRequested, this, [this, number] { run({number}); });
        connect(page, &CheckPage::cancelRequested, this, &WizardController::cancel);
        connect(page, &CheckPage::consoleRequested, this, &WizardController::consoleRequested);
        connect(page, &CheckPage::findingChanged, this,
                [this, page](const Finding *f) { showChartFor(page, f); });
    }
    // Step 2: the two ways to restart the tunnel agent, each behind the confirmation.
    CheckPage *two = page(2);
    QPushButton *restart =
        two->addAction(tr("Restart konnectivity-a&gent\u2026"), QStringLiteral("restartAgent"));
    restart->setToolTip(tr("kubectl rollout restart: new agent pods replace the old ones"));
    connect(restart, &QPushButton::clicked, this, [this, two] {
        const QString name = QStringLiteral("konnectivity-agent");
        const ApiCall call = ApiCall::rolloutRestart(QStringLiteral("kube-system"), name,
                                                     QDateTime::currentDateTimeUtc());
        confirmChange(two,
                      tr("Restart the deployment kube-system/%1 (as “kubectl rollout "
                         "restart” does): its pods are replaced one by one, and logs, exec "
                         "and port-forward may pause meanwhile.")
                          .arg(name),
                      {call}, tr("&Restart"), [this, two, call, name] {
                          sendChange(two, call, tr("Rollout restart of kube-system/%1").arg(name));
                      });
    });
    QPushButton *deletePod =
        two->addAction(tr("Delete the selected &pod\u2026"), QStringLiteral("deletePod"));
    deletePod->setToolTip(tr("For a finding on a konnectivity-agent or kube-proxy pod: delete it "
                             "so that its controller starts a fresh one"));
    deletePod->setEnabled(false);
    connect(two, &CheckPage::findingChanged, deletePod, [deletePod](const Finding *f) {
        deletePod->setEnabled(f && !podOf(f->object).first.isEmpty());
    });
    connect(deletePod, &QPushButton::clicked, this, [this, two] {
        const Finding *f = two->currentFinding();
        if (!f)
            return;
        const auto [ns, pod] = podOf(f->object);
        if (pod.isEmpty())
            return;
        const ApiCall call = ApiCall::deletePod(ns, pod);
        confirmChange(two,
                      tr("Delete the pod %1/%2. Its controller (DaemonSet or Deployment) creates "
                         "a new one.")
                          .arg(ns, pod),
                      {call}, tr("&Delete"), [this, two, call, ns, pod] {
                          sendChange(two, call, tr("Deleted pod %1/%2").arg(ns, pod));
                      });
    });

    // Step 3: the probe pod, the one vantage point that needs a change.
    CheckPage *three = page(3);
    QPushButton *probe =
        three->addAction(tr("Run with a &probe pod\u2026"), QStringLiteral("runWithProbe"));
    probe->setToolTip(tr("Resolve the API server's name from inside the cluster: a short-lived "
                         "pod runs nslookup and is deleted afterwards"));
    connect(probe, &QPushButton::clicked, this, &WizardController::runProbePod);

    m_summary = new SummaryPage;
    connect(m_summary, &SummaryPage::runAllRequested, this, [this] { run({2, 3, 4, 5, 6}); });
    connect(m_summary, &SummaryPage::exportRequested, this, &WizardController::exportRequested);
    connect(m_summary, &SummaryPage::stepActivated, m_rail, &StepRail::setCurrentStep);
}

void WizardController::setStore(std::shared_ptr<MetricStore> store, int intervalMs) {
    m_store = std::move(store);
    m_intervalMs = intervalMs;
    for (CheckPage *p : m_pages) {
        if (NodeChartsPanel *charts = p->charts()) {
            charts->setStore(m_store);
            charts->setSampleIntervalMs(intervalMs);
        }
    }
}

void WizardController::samplingRound() {
    for (CheckPage *p : m_pages)
        if (NodeChartsPanel *charts = p->charts(); charts && p->isVisible())
            charts->scheduleRefresh();
}

void WizardController::showChartFor(CheckPage *page, const Finding *finding) {
    NodeChartsPanel *charts = page->charts();
    if (!charts)
        return;
    QString node = finding ? finding->node : QString();
    if (node.isEmpty()) {
        // The first finding on a node: the chart shows something relevant before a pick.
        for (const Finding &f : page->model()->findings())
            if (!f.node.isEmpty()) {
                node = f.node;
                break;
            }
    }
    if (node == charts->node())
        return;
    const auto it = m_nodes.constFind(node);
    if (it == m_nodes.cend()) {
        charts->setNode(node);
        return;
    }
    QString why;
    const std::optional<EffectiveCap> cap = effectiveCap(*it, &why);
    charts->setNode(node, it->instanceType(),
                    cap ? std::optional<IoLimit>(cap->limit) : std::nullopt);
    if (page->step() == 6)
        page->scrollChartsToEnd();
}

void WizardController::setStepOne(StepStatus status, const QString &statusLine,
                                  const QList<Finding> &findings, const QString &note) {
    m_status[1] = status;
    m_detail[1] = statusLine;
    m_findings[1] = findings;
    m_summary->setStep(1, status, statusLine, note);
    updateSummary();
}

void WizardController::setStepState(int step, StepStatus status, const QString &detail) {
    m_status[step] = status;
    m_detail[step] = detail;
    m_rail->setStatus(step, status, detail);
    const QString line = detail.isEmpty()
                             ? StepStatusText::text(status)
                             : tr("%1 \u2013 %2").arg(StepStatusText::text(status), detail);
    m_summary->setStep(step, status, line, m_results.value(step).note);
}

void WizardController::run(const QList<int> &steps, bool allowChanges) {
    if (m_job != 0 || steps.isEmpty())
        return;
    StepJobRequest request = m_requestBase();
    request.steps = steps;
    request.allowChanges = allowChanges;
    const bool windowed = steps.contains(4) || steps.contains(6);
    request.durationSeconds = windowed ? m_windowSeconds : 0;
    if (windowed)
        request.intervalSeconds =
            qBound(1, qMin(m_intervalMs / 1000, qMax(1, m_windowSeconds / 3)), 60);
    const quint64 job = ++m_lastJob;
    m_job = job;
    m_running = steps;
    for (int step : steps) {
        setStepState(step, StepStatus::Running, {});
        page(step)->setRunning(request.durationSeconds);
    }
    m_summary->runAllButton()->setEnabled(false);
    for (CheckPage *p : m_pages)
        p->runButton()->setEnabled(false);
    // Cancel reaches the runner through the control; its progress lines come back on the GUI
    // thread (queued to this object, dropped once this job is no longer the current one).
    m_control = std::make_shared<StepJobControl>();
    m_control->onProgress = [this, job, steps](const QString &line) {
        QMetaObject::invokeMethod(
            this,
            [this, job, steps, line] {
                if (job != m_job)
                    return;
                for (int step : steps)
                    page(step)->setProgressText(line);
            },
            Qt::QueuedConnection);
    };
    StepJob::start(request, m_control).then(this, [this, job, steps](const StepJobResult &result) {
        applyResult(job, steps, result);
    });
}

void WizardController::cancel() {
    if (m_job == 0)
        return;
    // The runner stops within a second (a probe pod it created is still deleted); whatever it
    // answers is dropped.
    if (m_control)
        m_control->cancel();
    m_control.reset();
    const QList<int> steps = std::exchange(m_running, {});
    m_job = 0;
    for (int step : steps) {
        const bool had = m_results.contains(step);
        const StepStatus back = had ? fromCore(m_results.value(step).status) : StepStatus::NotRun;
        setStepState(step, back, had ? countsLine(m_findings.value(step)) : QString());
        page(step)->setStopped(back, tr("Cancelled; nothing was judged."));
    }
    for (CheckPage *p : m_pages)
        p->runButton()->setEnabled(true);
    m_summary->runAllButton()->setEnabled(true);
    Q_EMIT stepsFinished(steps);
}

void WizardController::applyResult(quint64 job, const QList<int> &steps,
                                   const StepJobResult &result) {
    if (job != m_job)
        return; // cancelled, or the cluster changed
    m_job = 0;
    m_control.reset();
    m_running.clear();
    for (CheckPage *p : m_pages)
        p->runButton()->setEnabled(true);
    m_summary->runAllButton()->setEnabled(true);
    if (!result.ok) {
        for (int step : steps) {
            setStepState(step, StepStatus::Error, tr("could not run"));
            page(step)->setStopped(StepStatus::Error,
                                   tr("The check could not run: %1").arg(result.error));
        }
        Q_EMIT stepsFinished(steps);
        return;
    }
    for (const Node &n : result.report.nodes)
        m_nodes.insert(n.meta.name, n);
    for (const StepResult &sr : result.report.steps) {
        if (!steps.contains(sr.number))
            continue;
        QList<Finding> findings;
        for (const Finding &f : result.report.findings)
            if (f.step == sr.number)
                findings << f;
        QString note = sr.note;
        if (sr.number == 3 && !result.warnings.isEmpty())
            note += (note.isEmpty() ? QString() : QStringLiteral(" ")) + result.warnings.join(u' ');
        StepResult kept = sr;
        kept.note = note;
        m_results.insert(sr.number, kept);
        m_findings.insert(sr.number, findings);
        const StepStatus status = fromCore(sr.status);
        page(sr.number)->setResult(status, findings, note);
        setStepState(sr.number, status,
                     status == StepStatus::Error ? tr("could not run") : countsLine(findings));
    }
    updateSummary();
    Q_EMIT stepsFinished(steps);
}

void WizardController::updateSummary() {
    QList<Finding> all;
    for (int step = 1; step <= 6; ++step)
        all << m_findings.value(step);
    m_summary->setFindings(all);
}

void WizardController::reset() {
    cancel();
    m_results.clear();
    m_findings.clear();
    m_nodes.clear();
    m_actionClient.reset();
    for (CheckPage *p : m_pages) {
        p->setResult(StepStatus::NotRun, {}, {});
        p->setStopped(StepStatus::NotRun, tr("Not run yet."));
        setStepState(p->step(), StepStatus::NotRun, {});
    }
    updateSummary();
}

std::optional<StepResult> WizardController::stepResult(int step) const {
    const auto it = m_results.constFind(step);
    if (it == m_results.cend())
        return std::nullopt;
    return *it;
}

QList<Finding> WizardController::findings(int step) const {
    return m_findings.value(step);
}

QString WizardController::notesText() const {
    QStringList parts;
    for (CheckPage *p : m_pages) {
        const QString text = p->notesEdit()->toPlainText().trimmed();
        if (!text.isEmpty())
            parts << tr("Step %1 \u2013 %2:\n%3")
                         .arg(QString::number(p->step()), StepCatalog::step(p->step()).title, text);
    }
    return parts.join(QStringLiteral("\n\n"));
}

void WizardController::confirmChange(CheckPage *page, const QString &what,
                                     const QList<ApiCall> &calls, const QString &okText,
                                     std::function<void()> onOk) {
    if (m_dialog)
        return;
    auto *dialog = new ApiCallDialog(what, calls, okText, page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    // Non-blocking: the window keeps running while the question is open.
    connect(dialog, &QDialog::finished, this, [this, calls, onOk](int result) {
        if (result != QDialog::Accepted)
            return;
        m_shownCalls = calls;
        onOk();
    });
    dialog->open();
}

KubeClient *WizardController::actionClient(QString *error) {
    if (m_actionClient)
        return m_actionClient.get();
    const StepJobRequest base = m_requestBase();
    Result<Kubeconfig> config = Kubeconfig::loadDefault(base.kubeconfig);
    if (!config) {
        *error = config.error();
        return nullptr;
    }
    Result<ClusterAccess> access = config->resolve(base.context);
    if (!access) {
        *error = access.error();
        return nullptr;
    }
    m_actionClient = std::make_unique<KubeClient>(std::move(access.value()), ClientOptions{});
    return m_actionClient.get();
}

void WizardController::sendChange(CheckPage *page, const ApiCall &call,
                                  const QString &description) {
    QString error;
    KubeClient *client = actionClient(&error);
    if (!client) {
        page->statusLabel()->setText(tr("%1 was not sent: %2").arg(call.line(), error));
        Q_EMIT changeFinished(false, page->statusLabel()->text());
        return;
    }
    page->statusLabel()->setText(tr("Sending %1\u2026").arg(call.line()));
    const QDateTime at = QDateTime::currentDateTimeUtc();
    client->send(call.request())
        .then(this, [this, page, call, description, at](const KubeResponse &response) {
            const bool ok = response.ok();
            const QString outcome = ok ? tr("done (HTTP %1)").arg(response.httpStatus)
                                       : (response.errorMessage.isEmpty()
                                              ? tr("failed (HTTP %1)").arg(response.httpStatus)
                                              : response.errorMessage);
            const QString message =
                tr("%1: %2. Run the step again to see the effect.").arg(call.line(), outcome);
            page->statusLabel()->setText(message);
            m_actions << report::ReportAction{at, description, outcome};
            Q_EMIT changeFinished(ok, message);
        });
}

void WizardController::runProbePod() {
    if (m_job != 0)
        return;
    const StepJobRequest base = m_requestBase();
    const QString image = base.probeImage.isEmpty() ? CheckOptions().probeImage : base.probeImage;
    const QList<ApiCall> calls = ApiCall::probePod(image, base.fqdn, base.probeTimeoutSeconds);
    CheckPage *three = page(3);
    confirmChange(three,
                  tr("Run step 3 with a probe pod: a pod in the namespace “default” "
                     "resolves the API server's name with the cluster's DNS, then it is deleted "
                     "(also when it fails or times out after %1 s).")
                      .arg(base.probeTimeoutSeconds),
                  calls, tr("&Create the probe pod"), [this, calls] {
                      m_actions << report::ReportAction{QDateTime::currentDateTimeUtc(),
                                                        tr("DNS probe pod (step 3)"),
                                                        calls.first().line()};
                      run({3}, true);
                  });
}

} // namespace nt::ui
