// Simplified Chinese beside English: the catalogue is complete (lrelease finds nothing
// unfinished or untranslated), and with zh_CN installed the window's step rail and the finding
// titles it shows are Chinese.
#include "charts/nodechartspanel.h"
#include "check/findingcatalog.h"
#include "clustersession.h"
#include "mainwindow.h"
#include "nodespage.h"
#include "nodetablemodel.h"
#include "steprail.h"
#include "testsupport.h"
#include "util/translations.h"

#include <QChart>
#include <QDir>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace nt;
using namespace nt::ui;

namespace {
// CJK Unified Ideographs: a translated string has some, an English one has none.
bool hasChinese(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}
constexpr int loadTimeoutMs = 60000;
// Every text the charts draw (axis tick labels, axis titles, chart titles) as painted: QtCharts
// elides a label with "…" when its place is too narrow.
QStringList chartTexts(const NodeChartsPanel *panel) {
    QStringList texts;
    for (QChart *chart : panel->charts()) {
        if (!chart->scene())
            continue;
        for (QGraphicsItem *item : chart->scene()->items())
            if (auto *text = qgraphicsitem_cast<QGraphicsTextItem *>(item);
                text && text->isVisible())
                texts << text->toPlainText();
    }
    return texts;
}
} // namespace

class TestChineseWindow : public QObject {
    Q_OBJECT
private slots:
    void catalogueHasNothingUnfinished()
    {
        QTemporaryDir dir;
        const nt::test::ProcessResult run = nt::test::runProcess(
            QStringLiteral(NT_LRELEASE),
            {QStringLiteral(NT_ZH_CN_TS), QStringLiteral("-qm"),
             dir.filePath(QStringLiteral("zh_CN.qm"))});
        QCOMPARE(run.exitCode, 0);
        const QString out = QString::fromUtf8(run.out + run.err);
        const auto m = QRegularExpression(QStringLiteral("\\((\\d+) finished and (\\d+) unfinished\\)"))
                           .match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QVERIFY2(m.captured(1).toInt() > 500, qPrintable(out));
        QVERIFY2(m.captured(2).toInt() == 0, qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("untranslated")), qPrintable(out));
    }

    // --lang on the command line reaches the first message the program prints.
    void langOptionOnTheCommandLine()
    {
        const nt::test::ProcessResult check = nt::test::runProcess(
            nt::test::appBinary(),
            {QStringLiteral("check"), QStringLiteral("--lang"), QStringLiteral("zh_CN"),
             QStringLiteral("--kubeconfig"), QStringLiteral("/nonexistent/kubeconfig")});
        QCOMPARE(check.exitCode, 3);
        const QString err = QString::fromUtf8(check.err);
        QVERIFY2(hasChinese(err) && err.contains(QStringLiteral("/nonexistent/kubeconfig")),
                 qPrintable(err));
        const nt::test::ProcessResult english = nt::test::runProcess(
            nt::test::appBinary(),
            {QStringLiteral("check"), QStringLiteral("--lang"), QStringLiteral("en"),
             QStringLiteral("--kubeconfig"), QStringLiteral("/nonexistent/kubeconfig")});
        QVERIFY2(!hasChinese(QString::fromUtf8(english.err)), english.err.constData());
        const nt::test::ProcessResult help = nt::test::runProcess(
            nt::test::appBinary(), {QStringLiteral("--lang"), QStringLiteral("zh_CN"),
                                    QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(hasChinese(QString::fromUtf8(help.out)), help.out.constData());
    }

    void windowSpeaksChinese()
    {
        QVERIFY(installTranslations(QStringLiteral("zh_CN")).ok());
        LaunchOptions options;
        options.demo = true;
        options.scenario = QStringLiteral("notready-unreachable");
        options.simulator = nt::test::simBinary();
        auto window = std::make_unique<MainWindow>(options);
        window->show();
        window->start();
        QTRY_VERIFY_WITH_TIMEOUT(window->rail()->status(1) == nt::ui::StepStatus::Fail, loadTimeoutMs);
        for (int step = 1; step <= 6; ++step)
            QVERIFY2(hasChinese(window->rail()->stepText(step)),
                     qPrintable(window->rail()->stepText(step)));
        // The finding the window raises for the dead node, titled in Chinese.
        const FindingDef *unknown = findingDef(u"node.unknown");
        QVERIFY(unknown);
        QVERIFY2(hasChinese(unknown->trTitle()), qPrintable(unknown->trTitle()));
        QVERIFY2(hasChinese(window->windowTitle()) || hasChinese(window->rail()->stepText(1)),
                 "the window shows Chinese");
        window->close();
        QVERIFY(installTranslations(QStringLiteral("en")).ok());
        QVERIFY(!hasChinese(unknown->trTitle()));
    }

    // In Chinese the wider glyphs once made the charts elide their tick labels: at a modest
    // window size and for every time span, no text in the charts is cut.
    void chartLabelsAreWholeInChinese() {
        QVERIFY(installTranslations(QStringLiteral("zh_CN")).ok());
        LaunchOptions options;
        options.demo = true;
        options.scenario = QStringLiteral("iops-throttled");
        options.simulator = nt::test::simBinary();
        options.samplingIntervalSeconds = 1;
        auto window = std::make_unique<MainWindow>(options);
        window->resize(1024, 700);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->start();
        QTRY_VERIFY_WITH_TIMEOUT(window->session() && window->nodesPage()->model()->rowCount() > 0,
                                 loadTimeoutMs);
        NodeChartsPanel *panel = window->nodesPage()->chartsPanel();
        QSignalSpy refreshed(panel, &NodeChartsPanel::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 2, loadTimeoutMs);
        for (const qint64 span : NodeChartsPanel::windowSpans()) {
            panel->setWindowSpan(span);
            refreshed.clear();
            QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 1, loadTimeoutMs);
            const QStringList texts = chartTexts(panel);
            if (!qEnvironmentVariableIsEmpty("NT_SCREENSHOT_DIR"))
                window->grab().save(QDir(qEnvironmentVariable("NT_SCREENSHOT_DIR"))
                                        .filePath(QStringLiteral("charts-zh_CN-%1.png").arg(span)));
            QVERIFY2(texts.size() > 20, qPrintable(texts.join(QLatin1Char('|'))));
            for (const QString &text : texts)
                QVERIFY2(!text.contains(QChar(0x2026)) && !text.contains(QLatin1String("...")),
                         qPrintable(QStringLiteral("span %1 ms: \"%2\" is cut; all: %3")
                                        .arg(span)
                                        .arg(text, texts.join(QLatin1Char('|')))));
        }
        window->close();
        QVERIFY(installTranslations(QStringLiteral("en")).ok());
    }
};

QTEST_MAIN(TestChineseWindow)
#include "tst_chinesewindow.moc"
