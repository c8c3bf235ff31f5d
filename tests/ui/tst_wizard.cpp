// The wizard walked by keyboard only, on the real window against the real simulator: Ctrl+N to
// each step, Ctrl+R to run it, the rail's verdict, every expected finding's title on its page,
// Enter on a finding opening its evidence; and the changes (rollout restart, the DNS probe pod)
// leave nothing before the confirmation's OK, then exactly the call the dialog showed. The
// workstation resolves names only against a dnsmasq on 127.0.0.1.
#include "../dns/dnsmasqprocess.h"
#include "check/findingcatalog.h"
#include "mainwindow.h"
#include "steprail.h"
#include "testsupport.h"
#include "wizard/apicalldialog.h"
#include "wizard/checkpage.h"
#include "wizard/findingmodel.h"
#include "wizard/findingpane.h"
#include "wizard/summarypage.h"
#include "wizard/wizardcontroller.h"

#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using nt::ui::CheckPage;
using nt::ui::FindingModel;
using nt::ui::LaunchOptions;
using nt::ui::MainWindow;
using nt::ui::StepStatus;

// Button mnemonics (Alt+letter) do not fire under QT_QPA_PLATFORM=offscreen, so buttons are
// reached as Tab would reach them: focused, then Space.
static void press(QPushButton *button) {
    QVERIFY(button && button->isVisible() && button->isEnabled());
    button->setFocus(Qt::TabFocusReason);
    QTest::keyClick(button, Qt::Key_Space);
}

namespace {
constexpr int loadTimeoutMs = 60000;
constexpr int stepTimeoutMs = 120000;
const QString kFqdn = QStringLiteral("myaks-dns-1a2b3c4d.hcp.westeurope.azmk8s.io");

QString title(const char *id) {
    const nt::FindingDef *def = nt::findingDef(QString::fromLatin1(id));
    return def ? def->trTitle() : QStringLiteral("<unknown id %1>").arg(QLatin1String(id));
}

QStringList shownTitles(const FindingModel *model) {
    QStringList titles;
    for (int row = 0; row < model->rowCount(); ++row)
        titles << model->index(row, FindingModel::TitleColumn).data().toString();
    return titles;
}

// "METHOD path" of every request that is not a read, in order.
QStringList mutating(const nt::test::SimProcess &sim) {
    QStringList out;
    for (const nlohmann::json &req : sim.recordedRequests()) {
        const std::string method = req.value("method", std::string());
        if (method != "GET")
            out << QString::fromStdString(method + ' ' + req.value("path", std::string()));
    }
    return out;
}

struct StepExpectation {
    int step;
    StepStatus status;
    QList<const char *> ids; // each title must be on the step's page
};

struct Fixture {
    explicit Fixture(const QString &scenario)
        : dnsmasq({QStringLiteral("--address=/%1/20.61.183.92").arg(kFqdn)})
        , sim({QStringLiteral("--scenario"), scenario}) {}
    nt::test::DnsmasqProcess dnsmasq;
    nt::test::SimProcess sim;
    std::unique_ptr<MainWindow> window;

    bool open() {
        if (!dnsmasq.start() || !sim.start())
            return false;
        LaunchOptions options;
        options.kubeconfig = sim.kubeconfig();
        options.dnsServer = dnsmasq.server();
        options.fqdn = kFqdn;
        options.checkWindowSeconds = 3;
        options.samplingIntervalSeconds = 1;
        window = std::make_unique<MainWindow>(options);
        window->show();
        QApplication::setActiveWindow(window.get());
        if (!QTest::qWaitForWindowActive(window.get()))
            return false;
        window->start();
        return true;
    }
    CheckPage *page(int step) const { return window->wizard()->page(step); }
};

// Ctrl+N, Ctrl+R, wait for the verdict; then the titles, and Enter on the first finding.
void walkStep(Fixture &f, const StepExpectation &e) {
    MainWindow *w = f.window.get();
    QTest::keyClick(w, Qt::Key(Qt::Key_0 + e.step), Qt::ControlModifier);
    QCOMPARE(w->rail()->currentStep(), e.step);
    CheckPage *page = f.page(e.step);
    QCOMPARE(w->pages()->currentWidget(), page);
    QTest::keyClick(w, Qt::Key_R, Qt::ControlModifier); // Steps > Run this step
    QCOMPARE(w->rail()->status(e.step), StepStatus::Running);
    QVERIFY(page->cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(w->rail()->status(e.step) != StepStatus::Running, stepTimeoutMs);
    const QStringList titles = shownTitles(page->model());
    QVERIFY2(w->rail()->status(e.step) == e.status,
             qPrintable(QStringLiteral("step %1: %2; shown: %3; %4")
                            .arg(e.step)
                            .arg(w->rail()->stepText(e.step), titles.join(QStringLiteral(" | ")),
                                 page->statusLabel()->text())));
    QVERIFY(w->rail()->stepText(e.step).contains(nt::ui::StepStatusText::text(e.status)));
    for (const char *id : e.ids)
        QVERIFY2(titles.contains(title(id)),
                 qPrintable(QStringLiteral("step %1 lacks \"%2\"; shown: %3")
                                .arg(e.step)
                                .arg(title(id), titles.join(QStringLiteral(" | ")))));
    if (page->model()->rowCount() == 0)
        return;
    // Tab from the rail reaches the findings; Down selects, Enter opens the pane.
    w->rail()->setFocus(Qt::OtherFocusReason);
    for (int i = 0; i < 12 && QApplication::focusWidget() != page->findingsView(); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), page->findingsView());
    const int last = page->model()->rowCount() - 1;
    for (int i = 0; i < last; ++i)
        QTest::keyClick(page->findingsView(), Qt::Key_Down);
    QTest::keyClick(page->findingsView(), Qt::Key_Return);
    const nt::Finding *shown = page->model()->finding(last);
    QVERIFY(shown);
    QCOMPARE(page->pane()->titleLabel()->text(), shown->title);
    QCOMPARE(QApplication::focusWidget(), page->pane()->evidenceView());
    QVERIFY(!page->pane()->evidenceView()->toPlainText().isEmpty());
}
} // namespace

class TestWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void walkKonnectivityBroken();
    void walkDnsCustomBrokenWithProbePod();
};

void TestWizard::initTestCase() {
    qunsetenv("KUBECONFIG");
}

void TestWizard::walkKonnectivityBroken() {
    Fixture f(QStringLiteral("konnectivity-broken"));
    QVERIFY2(f.open(), qPrintable(f.sim.errorString() + f.dnsmasq.errorString()));
    MainWindow *w = f.window.get();
    QTRY_VERIFY_WITH_TIMEOUT(w->rail()->status(1) == StepStatus::Pass, loadTimeoutMs);
    for (int step = 2; step <= 6; ++step)
        QCOMPARE(w->rail()->status(step), StepStatus::NotRun);

    const QList<StepExpectation> walk{
        {2,
         StepStatus::Fail,
         {"connectivity.agent-unavailable", "connectivity.agent-restarting",
          "connectivity.agent-log-errors", "connectivity.logs-unreachable"}},
        {3, StepStatus::Pass, {"dns.probe-not-run"}},
        {4, StepStatus::Pass, {"kubelet.metrics-unreachable"}},
        {5, StepStatus::Pass, {}},
        {6, StepStatus::Pass, {}},
    };
    for (const StepExpectation &e : walk) {
        walkStep(f, e);
        if (QTest::currentTestFailed())
            return;
    }
    // The summary (Ctrl+7): every step's verdict, the findings of all steps worst first.
    QTest::keyClick(w, Qt::Key_7, Qt::ControlModifier);
    QCOMPARE(w->pages()->currentWidget(), w->wizard()->summary());
    const FindingModel *all = w->wizard()->summary()->model();
    QVERIFY(all->rowCount() > 0);
    QVERIFY(all->finding(0)->severity == nt::Severity::Critical);
    const QStringList titles = shownTitles(all);
    QVERIFY(titles.contains(title("connectivity.agent-unavailable")));
    QVERIFY(titles.contains(title("kubelet.metrics-unreachable")));
    QVERIFY(w->wizard()->summary()->stepsModel()->item(1, 1)->text().contains(
        nt::ui::StepStatusText::text(StepStatus::Fail)));
    QVERIFY(mutating(f.sim).isEmpty()); // a walk reads only

    // Step 2's rollout restart: the dialog shows the call, Escape and Enter (Cancel is the
    // default) send nothing, Alt+R in the dialog sends exactly that call.
    QTest::keyClick(w, Qt::Key_2, Qt::ControlModifier);
    press(f.page(2)->findChild<QPushButton *>(QStringLiteral("restartAgent")));
    nt::ui::ApiCallDialog *dialog = w->wizard()->pendingDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY2(dialog->callsText().startsWith(QStringLiteral(
                 "PATCH /apis/apps/v1/namespaces/kube-system/deployments/konnectivity-agent")),
             qPrintable(dialog->callsText()));
    QVERIFY(dialog->cancelButton()->isDefault());
    QVERIFY(mutating(f.sim).isEmpty());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!w->wizard()->pendingDialog());
    press(f.page(2)->findChild<QPushButton *>(QStringLiteral("restartAgent")));
    dialog = w->wizard()->pendingDialog();
    QVERIFY(dialog);
    QTest::keyClick(dialog, Qt::Key_Return);
    QTRY_VERIFY(!w->wizard()->pendingDialog());
    // A full read of step 5 after both refusals: it is answered, and still nothing changed.
    QTest::keyClick(w, Qt::Key_5, Qt::ControlModifier);
    QTest::keyClick(w, Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(w->rail()->status(5) != StepStatus::Running, stepTimeoutMs);
    QVERIFY2(mutating(f.sim).isEmpty(), qPrintable(mutating(f.sim).join(u'\n')));

    QTest::keyClick(w, Qt::Key_2, Qt::ControlModifier);
    press(f.page(2)->findChild<QPushButton *>(QStringLiteral("restartAgent")));
    dialog = w->wizard()->pendingDialog();
    QVERIFY(dialog);
    const QString shown = dialog->callsText();
    QSignalSpy answered(w->wizard(), &nt::ui::WizardController::changeFinished);
    press(dialog->okButton());
    QVERIFY(answered.wait(30000));
    QVERIFY2(answered.first().at(0).toBool(), qPrintable(answered.first().at(1).toString()));
    const QList<nt::ui::ApiCall> calls = w->wizard()->lastShownCalls();
    QCOMPARE(calls.size(), 1);
    QVERIFY(shown.contains(calls.first().line()));
    QVERIFY(shown.contains(QString::fromUtf8(calls.first().body)));
    QCOMPARE(mutating(f.sim), QStringList{calls.first().line()});
    for (const nlohmann::json &req : f.sim.recordedRequests())
        if (req.value("method", std::string()) == "PATCH")
            QCOMPARE(req.value("bodyBytes", -1), int(calls.first().body.size()));
}

void TestWizard::walkDnsCustomBrokenWithProbePod() {
    Fixture f(QStringLiteral("dns-custom-broken"));
    QVERIFY2(f.open(), qPrintable(f.sim.errorString() + f.dnsmasq.errorString()));
    MainWindow *w = f.window.get();
    QTRY_VERIFY_WITH_TIMEOUT(w->rail()->status(1) == StepStatus::Pass, loadTimeoutMs);
    const QList<StepExpectation> walk{
        {2, StepStatus::Pass, {}}, {3, StepStatus::Pass, {"dns.probe-not-run"}},
        {4, StepStatus::Pass, {}}, {5, StepStatus::Pass, {}},
        {6, StepStatus::Pass, {}},
    };
    for (const StepExpectation &e : walk) {
        walkStep(f, e);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY2(mutating(f.sim).isEmpty(), qPrintable(mutating(f.sim).join(u'\n')));

    // Step 3 with the probe pod: nothing leaves before OK, then the POST shown and its DELETE.
    QTest::keyClick(w, Qt::Key_3, Qt::ControlModifier);
    press(f.page(3)->findChild<QPushButton *>(QStringLiteral("runWithProbe")));
    nt::ui::ApiCallDialog *dialog = w->wizard()->pendingDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY2(
        dialog->callsText().startsWith(QStringLiteral("POST /api/v1/namespaces/default/pods\n")),
        qPrintable(dialog->callsText()));
    QVERIFY(dialog->callsText().contains(
        QStringLiteral("DELETE /api/v1/namespaces/default/pods/nodetriage-dns-probe-")));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!w->wizard()->pendingDialog());
    QCOMPARE(w->rail()->status(3), StepStatus::Pass); // nothing ran
    QVERIFY2(mutating(f.sim).isEmpty(), qPrintable(mutating(f.sim).join(u'\n')));

    press(f.page(3)->findChild<QPushButton *>(QStringLiteral("runWithProbe")));
    dialog = w->wizard()->pendingDialog();
    QVERIFY(dialog);
    press(dialog->okButton());
    QTRY_VERIFY_WITH_TIMEOUT(w->rail()->status(3) == StepStatus::Running, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(w->rail()->status(3) != StepStatus::Running, stepTimeoutMs);
    const QStringList titles = shownTitles(f.page(3)->model());
    QCOMPARE(w->rail()->status(3), StepStatus::Fail);
    QVERIFY2(titles.contains(title("dns.pod-failure")), qPrintable(titles.join(u'|')));
    QVERIFY2(titles.contains(title("dns.pod-only-failure")), qPrintable(titles.join(u'|')));
    const QList<nt::ui::ApiCall> calls = w->wizard()->lastShownCalls();
    QCOMPARE(calls.size(), 2);
    const QStringList sent = mutating(f.sim);
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent[0], calls[0].line());
    const QString pattern = calls[1].line().chopped(5); // the name's five hex digits
    QVERIFY2(sent[1].startsWith(pattern) && sent[1].size() == calls[1].line().size(),
             qPrintable(sent[1] + QStringLiteral(" vs ") + calls[1].line()));

    // Cancel: the run stops, the step keeps its last verdict, and the next run is possible.
    QApplication::setActiveWindow(w);
    QVERIFY(QTest::qWaitForWindowActive(w));
    QTest::keyClick(w, Qt::Key_6, Qt::ControlModifier);
    QTest::keyClick(w, Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(w->rail()->status(6), StepStatus::Running);
    press(f.page(6)->cancelButton());
    QCOMPARE(w->rail()->status(6), StepStatus::Pass);
    QVERIFY(f.page(6)->statusLabel()->text().contains(QStringLiteral("Cancelled")));
    QVERIFY(!w->wizard()->isRunning());
    QVERIFY(f.page(6)->runButton()->isEnabled());
}

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
