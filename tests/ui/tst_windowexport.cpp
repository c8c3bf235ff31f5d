// File > Export report... in the window: after the nodes are judged, the window writes what it
// knows (step 1's findings, the nodes, the samples) through the report writers, and the PDF holds
// the finding the user saw, on its node.
#include "check/findingcatalog.h"
#include "exportdialog.h"
#include "mainwindow.h"
#include "steprail.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace nt::ui;

class TestWindowExport : public QObject {
    Q_OBJECT
private slots:
    void exportFromTheWindow()
    {
        QTemporaryDir dir;
        LaunchOptions options;
        options.demo = true;
        options.scenario = QStringLiteral("notready-unreachable");
        options.simulator = nt::test::simBinary();
        auto window = std::make_unique<MainWindow>(options);
        window->show();
        window->start();

        auto *exportAction = window->findChild<QAction *>(QStringLiteral("exportAction"));
        QVERIFY(exportAction);
        QCOMPARE(exportAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QTRY_VERIFY_WITH_TIMEOUT(exportAction->isEnabled(), 60000); // once step 1 is judged
        QCOMPARE(window->rail()->status(1), nt::ui::StepStatus::Fail);

        const QString pdf = dir.filePath(QStringLiteral("window.pdf"));
        QString error = QStringLiteral("the dialog did not open");
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            QSignalSpy finished(dialog, &ExportDialog::exportFinished);
            dialog->setFormat(ExportDialog::Format::Pdf);
            dialog->setPath(pdf);
            dialog->startExport();
            error = finished.wait(60000) ? finished.at(0).at(0).toString()
                                         : QStringLiteral("export timed out");
            dialog->reject();
        });
        exportAction->trigger(); // modal: returns when the lambda closes the dialog
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const nt::test::ProcessResult text =
            nt::test::runProcess(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        if (text.exitCode == -1)
            QSKIP("pdftotext (poppler-utils) is not installed");
        QCOMPARE(text.exitCode, 0);
        const QString body = QString::fromUtf8(text.out);
        const nt::FindingDef *unknown = nt::findingDef(u"node.unknown");
        QVERIFY(unknown);
        QVERIFY2(body.contains(unknown->trTitle()), qPrintable(body.left(2000)));
        QVERIFY2(body.contains(QStringLiteral("vmss000002")), qPrintable(body.left(2000)));
        window->close();
    }
};

QTEST_MAIN(TestWindowExport)
#include "tst_windowexport.moc"
