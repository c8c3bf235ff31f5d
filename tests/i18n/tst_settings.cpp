// Settings round-trip through the real XDG location, keep values in range, and never hold a
// secret: a token or a password in a URL never reaches the file.
#include "testsupport.h"
#include "util/settings.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;

class TestSettings : public QObject {
    Q_OBJECT
    QTemporaryDir m_config;

private slots:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    }

    void fileIsAtTheXdgLocation()
    {
        Settings settings;
        QCOMPARE(settings.fileName(),
                 m_config.filePath(QStringLiteral("nodetriage/nodetriage.conf")));
    }

    void roundTrip()
    {
        {
            Settings settings;
            settings.setLastCluster(QStringLiteral("/home/a/.kube/config"), QStringLiteral("prod"));
            settings.setSamplingIntervalSeconds(10);
            settings.setPrometheusUrl(QStringLiteral("https://prom.example.internal/"));
            settings.setPrometheusTokenSource(
                {TokenSource::Kind::Environment, QStringLiteral("PROM_TOKEN")});
            settings.setSshDefaults({QStringLiteral("azureuser"), QStringLiteral("/k/id_ed25519"),
                                     QStringLiteral("jump@bastion:2222"), QString()});
            settings.setProbeImage(QStringLiteral("myacr.azurecr.io/busybox:1.36 "));
            settings.setLanguage(QStringLiteral("zh_CN"));
            settings.setWindowLayout(QByteArray("geom\0etry", 9), QByteArray("state"));
            settings.sync();
        }
        Settings again;
        QCOMPARE(again.lastKubeconfig(), QStringLiteral("/home/a/.kube/config"));
        QCOMPARE(again.lastContext(), QStringLiteral("prod"));
        QCOMPARE(again.samplingIntervalSeconds(), 10);
        QCOMPARE(again.prometheusUrl(), QStringLiteral("https://prom.example.internal/"));
        QCOMPARE(int(again.prometheusTokenSource().kind), int(TokenSource::Kind::Environment));
        QCOMPARE(again.prometheusTokenSource().name, QStringLiteral("PROM_TOKEN"));
        QCOMPARE(again.sshDefaults().user, QStringLiteral("azureuser"));
        QCOMPARE(again.sshDefaults().jumpHost, QStringLiteral("jump@bastion:2222"));
        QCOMPARE(again.probeImage(), QStringLiteral("myacr.azurecr.io/busybox:1.36"));
        QCOMPARE(again.language(), QStringLiteral("zh_CN"));
        QCOMPARE(again.windowGeometry(), QByteArray("geom\0etry", 9));
    }

    void recentClustersAreMostRecentFirstWithoutDuplicates()
    {
        Settings settings;
        for (int i = 0; i < Settings::kMaxRecent + 3; ++i)
            settings.setLastCluster(QStringLiteral("/k"), QStringLiteral("c%1").arg(i));
        settings.setLastCluster(QStringLiteral("/k"), QStringLiteral("c5"));
        const QStringList recent = settings.recentClusters();
        QCOMPARE(recent.size(), Settings::kMaxRecent);
        QCOMPARE(recent.first(), QStringLiteral("/k|c5"));
        QCOMPARE(recent.count(QStringLiteral("/k|c5")), 1);
        QCOMPARE(recent.at(1), QStringLiteral("/k|c12"));
    }

    void outOfRangeValuesFallBack()
    {
        const QString file = m_config.filePath(QStringLiteral("edited.conf"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[sampling]\nintervalSeconds=0\nprometheusUrl=ftp://x\n"
                    "prometheusTokenSource=file\n[checks]\nprobeImage=\n");
        }
        Settings settings(file);
        QCOMPARE(settings.samplingIntervalSeconds(), 5);
        QCOMPARE(settings.prometheusUrl(), QString());
        // "file" without a path is no source at all.
        QCOMPARE(int(settings.prometheusTokenSource().kind), int(TokenSource::Kind::None));
        QCOMPARE(settings.probeImage(), Settings::defaultProbeImage());
        settings.setSamplingIntervalSeconds(600);
        QCOMPARE(settings.samplingIntervalSeconds(), 60);
    }

    void noSecretReachesTheFile()
    {
        const QString canary = QStringLiteral("s3cr3t-canary-7f2a");
        const QString file = m_config.filePath(QStringLiteral("secrets.conf"));
        {
            Settings settings(file);
            settings.setPrometheusUrl(QStringLiteral("https://admin:%1@prom.internal/").arg(canary));
            settings.sync();
            QCOMPARE(settings.prometheusUrl(), QStringLiteral("https://prom.internal/"));
        }
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("prom.internal"));
        QVERIFY2(!text.contains(canary.toUtf8()), text.constData());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
