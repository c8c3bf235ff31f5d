// The export dialog: the preview of the first pages arrives from a worker thread and follows the
// options; an export writes the chosen format where asked; a cancelled export leaves no file.
#include "exportdialog.h"
#include "reportexport.h"

#include <nlohmann/json.hpp>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace nt::report;
using nt::ui::ExportDialog;

namespace {

ReportInput sampleInput(int nodes) {
    ReportInput in;
    nt::CheckReport &r = in.check;
    r.generatedAt = QDateTime(QDate(2026, 11, 28), QTime(9, 0), QTimeZone::utc());
    r.cluster.context = QStringLiteral("prod-weu");
    r.cluster.server = QStringLiteral("https://prod-weu-dns-77aa.hcp.westeurope.azmk8s.io:443");
    r.window = {r.generatedAt.addSecs(-60), r.generatedAt, 5, 13};
    for (int s = 1; s <= 6; ++s)
        r.steps << nt::StepResult::make(s, s == 1 ? nt::StepStatus::Fail : nt::StepStatus::Pass);
    auto store = std::make_shared<nt::MetricStore>();
    std::vector<nt::StoreSample> batch;
    for (int i = 0; i < nodes; ++i) {
        const QString name = QStringLiteral("aks-np-3141-vmss%1").arg(i, 6, 10, QLatin1Char('0'));
        r.nodes << nt::Node::fromJson(nlohmann::json::parse(
            QStringLiteral(R"({"metadata":{"name":"%1","labels":{"agentpool":"np"}},
            "status":{"conditions":[{"type":"Ready","status":"%2"}]}})")
                .arg(name, i == 2 ? QStringLiteral("Unknown") : QStringLiteral("True"))
                .toStdString()));
        const nt::NodeId id = store->addNode(name);
        for (int t = 0; t <= 60; t += 5)
            batch.push_back({id, nt::Metric::CpuPercent,
                             r.window.start.toMSecsSinceEpoch() + t * 1000, 20.0 + (t + i) % 30});
    }
    store->ingest(batch);
    in.store = store;
    nt::Finding f =
        nt::Finding::fromCatalog("node.unknown", QStringLiteral("aks-np-3141-vmss000002"));
    f.detail = QStringLiteral("Kubelet stopped posting node status 7 minutes ago.");
    r.findings << f;
    return in;
}

bool blank(const QImage &image) {
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            if (qGray(image.pixel(x, y)) < 200)
                return false;
        }
    }
    return true;
}

} // namespace

class TstExportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void previewFollowsOptions();
    void exportsChosenFormat();
    void cancelledExportLeavesNoFile();
};

void TstExportDialog::previewFollowsOptions() {
    ExportDialog dialog(sampleInput(4));
    QSignalSpy ready(&dialog, &ExportDialog::previewReady);
    QVERIFY(ready.wait(30000));
    QVERIFY(dialog.previewPages() >= 2);
    QVERIFY(!blank(dialog.previewImage(0)));
    const QImage a4 = dialog.previewImage(0);
    dialog.setPaper(PaperSize::Letter);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 30000);
    // Letter is wider for its height than A4: the preview is the page being exported.
    const QImage letter = dialog.previewImage(0);
    QVERIFY(double(letter.height()) / letter.width() < double(a4.height()) / a4.width());
}

void TstExportDialog::exportsChosenFormat() {
    QTemporaryDir dir;
    ExportDialog dialog(sampleInput(4));
    dialog.setFormat(ExportDialog::Format::Json);
    dialog.setPseudonymise(true);
    dialog.setPath(dir.filePath(QStringLiteral("out.json")));
    QSignalSpy done(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    QVERIFY(done.wait(30000));
    QCOMPARE(done.first().first().toString(), QString());
    QFile file(dir.filePath(QStringLiteral("out.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(json.contains("\"node-0003\""));
    QVERIFY(!json.contains("aks-np-3141"));
    QVERIFY(dialog.statusText().contains(QStringLiteral("out.json")));

    dialog.setFormat(ExportDialog::Format::Pdf);
    dialog.setPath(dir.filePath(QStringLiteral("missing/out.pdf")));
    dialog.startExport();
    QVERIFY(dialog.statusText().contains(QStringLiteral("does not exist")));
}

void TstExportDialog::cancelledExportLeavesNoFile() {
    QTemporaryDir dir;
    ReportFiles files;
    files.pdf = dir.filePath(QStringLiteral("big.pdf"));
    std::atomic_bool cancel{true};
    QCOMPARE(writeReports(sampleInput(50), files, {}, {}, &cancel), QStringLiteral("cancelled"));
    QVERIFY(!QFile::exists(files.pdf));
}

QTEST_MAIN(TstExportDialog)
#include "tst_exportdialog.moc"
