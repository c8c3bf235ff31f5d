// Every option a user can type is documented: in --help (which must work with no display, as on
// a server or in a package build) and in the man pages the .deb installs. CONTRACT.md's options
// are the floor; options added later are caught because the man page must name every option
// --help prints.
#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace nt::test;

namespace {

QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return env;
}

// "--foo" words of a help text or a man page (groff escapes "\-" first).
QSet<QString> longOptions(QString text)
{
    text.replace(QStringLiteral("\\-"), QStringLiteral("-"));
    static const QRegularExpression fontEscape(QStringLiteral("\\\\f[BIRP]"));
    text.remove(fontEscape);
    QSet<QString> options;
    static const QRegularExpression option(QStringLiteral("(?<![\\w-])--[a-z][a-z0-9-]*"));
    for (auto it = option.globalMatch(text); it.hasNext();)
        options.insert(it.next().captured(0));
    return options;
}

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestHelpText : public QObject {
    Q_OBJECT
private slots:
    void helpWorksWithoutDisplay_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("contractOptions");
        QTest::addColumn<QString>("manPage");
        QTest::newRow("desktop") << appBinary() << QStringList{QStringLiteral("--help")}
                                 << QStringList{QStringLiteral("--kubeconfig"),
                                                QStringLiteral("--context"),
                                                QStringLiteral("--demo"), QStringLiteral("--lang")}
                                 << QStringLiteral("nodetriage.1");
        QTest::newRow("check")
            << appBinary() << QStringList{QStringLiteral("check"), QStringLiteral("--help")}
            << QStringList{QStringLiteral("--kubeconfig"),   QStringLiteral("--context"),
                           QStringLiteral("--steps"),        QStringLiteral("--duration"),
                           QStringLiteral("--interval"),     QStringLiteral("--prometheus"),
                           QStringLiteral("--ssh-config"),   QStringLiteral("--ssh-user"),
                           QStringLiteral("--ssh-key"),      QStringLiteral("--ssh-port"),
                           QStringLiteral("--ssh-jump"),     QStringLiteral("--known-hosts"),
                           QStringLiteral("--json"),         QStringLiteral("--pdf"),
                           QStringLiteral("--html"),         QStringLiteral("--allow-changes"),
                           QStringLiteral("--lang")}
            << QStringLiteral("nodetriage.1");
        QTest::newRow("ssh") << appBinary()
                             << QStringList{QStringLiteral("ssh"), QStringLiteral("--help")}
                             << QStringList{QStringLiteral("--ssh-config"),
                                            QStringLiteral("--ssh-user"),
                                            QStringLiteral("--ssh-key"),
                                            QStringLiteral("--ssh-port"),
                                            QStringLiteral("--ssh-jump"),
                                            QStringLiteral("--known-hosts")}
                             << QStringLiteral("nodetriage.1");
        QTest::newRow("simulator")
            << simBinary() << QStringList{QStringLiteral("--help")}
            << QStringList{QStringLiteral("--scenario"), QStringLiteral("--nodes"),
                           QStringLiteral("--port"), QStringLiteral("--kubeconfig-out"),
                           QStringLiteral("--node-address"), QStringLiteral("--list-scenarios")}
            << QStringLiteral("nodetriage-sim.1");
    }

    void helpWorksWithoutDisplay()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, args);
        QFETCH(QStringList, contractOptions);
        QFETCH(QString, manPage);

        const ProcessResult result = runProcess(program, args, 30000, withoutDisplay());
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QSet<QString> helpOptions = longOptions(QString::fromUtf8(result.out));
        for (const QString &option : contractOptions)
            QVERIFY2(helpOptions.contains(option),
                     qPrintable(QStringLiteral("--help does not list %1").arg(option)));

        const QString man = readFile(sourceDir() + QStringLiteral("/packaging/") + manPage);
        QVERIFY2(!man.isEmpty(), qPrintable(manPage));
        const QSet<QString> manOptions = longOptions(man);
        // Qt's own generic options are documented by Qt, not by us.
        const QSet<QString> generic{QStringLiteral("--help"), QStringLiteral("--help-all"),
                                    QStringLiteral("--version")};
        for (const QString &option : helpOptions) {
            if (generic.contains(option))
                continue;
            QVERIFY2(manOptions.contains(option),
                     qPrintable(QStringLiteral("%1 does not document %2 (printed by %3 %4)")
                                    .arg(manPage, option, program, args.join(u' '))));
        }
    }

    void versionWorksWithoutDisplay()
    {
        const ProcessResult result =
            runProcess(appBinary(), {QStringLiteral("--version")}, 30000, withoutDisplay());
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith("nodetriage " NODETRIAGE_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestHelpText)
#include "tst_helptext.moc"
