// Translation contexts: what the program looks up at run time under context C is in the
// catalogue under C. A tr() helper whose context lupdate cannot see files its strings under the
// wrong context, and then they stay English in Chinese; these tests catch that two ways:
//  - lupdate over the tree prints no "lacks Q_OBJECT" warning and finds nothing new (every
//    string it extracts is already in the catalogue, translated);
//  - a translator installed behind zh_CN records every lookup the zh_CN catalogue could not
//    answer while `check` runs in-process against the simulator, and each must be a message
//    of the .ts under the same context (one whose translation equals the English, which lrelease
//    leaves out), never a string the catalogue does not have under that context.
#include "check/checkcommand.h"
#include "testsupport.h"
#include "util/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace nt;

namespace {
bool hasChinese(const QString &text) {
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

// context + '\x1f' + source + '\x1f' + disambiguation
QString key(const QString &context, const QString &source, const QString &comment) {
    return context + QChar(0x1f) + source + QChar(0x1f) + comment;
}

struct Catalogue {
    QSet<QString> messages;
    QSet<QString> contexts;
    int unfinished = 0;
};

Catalogue readTs(const QString &path) {
    Catalogue c;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return c;
    QXmlStreamReader xml(&file);
    QString context, source, comment;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
            c.contexts.insert(context);
        } else if (xml.name() == u"message") {
            source.clear();
            comment.clear();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"comment") {
            comment = xml.readElementText();
        } else if (xml.name() == u"translation") {
            if (xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished"))
                ++c.unfinished;
            c.messages.insert(key(context, source, comment));
        }
    }
    return c;
}

// Answers nothing; remembers what it was asked. Installed before zh_CN, it is asked only for
// what zh_CN's catalogue does not have.
class RecordingTranslator : public QTranslator {
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *disambiguation,
                      int) const override {
        const QMutexLocker lock(&m_mutex);
        m_asked.insert(key(QString::fromUtf8(context), QString::fromUtf8(source),
                           QString::fromUtf8(disambiguation)));
        return {};
    }
    QSet<QString> asked() const {
        const QMutexLocker lock(&m_mutex);
        return m_asked;
    }

private:
    mutable QMutex m_mutex;
    mutable QSet<QString> m_asked;
};

QString readable(const QString &k) {
    QStringList parts = k.split(QChar(0x1f));
    return QStringLiteral("[%1] %2").arg(parts.value(0), parts.value(1));
}
} // namespace

class TestTrContexts : public QObject {
    Q_OBJECT
    Catalogue m_ts;

private slots:
    void initTestCase() {
        m_ts = readTs(QStringLiteral(NT_ZH_CN_TS));
        QVERIFY(m_ts.messages.size() > 500);
    }

    void lupdateSeesEveryContext() {
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("zh_CN.ts"));
        QVERIFY(QFile::copy(QStringLiteral(NT_ZH_CN_TS), ts));
        // The sources resources/translations/CMakeLists.txt hands lupdate: app/ but the
        // simulator, and ui/.
        const QDir src(nt::test::sourceDir());
        QStringList args;
        for (const char *sub : {"app/core", "app/main", "app/report", "ui"})
            args << src.filePath(QString::fromLatin1(sub));
        args << QStringLiteral("-I") << src.filePath(QStringLiteral("app/core"))
             << QStringLiteral("-I") << src.filePath(QStringLiteral("ui"))
             << QStringLiteral("-extensions") << QStringLiteral("cpp,h")
             << QStringLiteral("-no-obsolete") << QStringLiteral("-locations")
             << QStringLiteral("none") << QStringLiteral("-ts") << ts;
        const nt::test::ProcessResult run =
            nt::test::runProcess(QStringLiteral(NT_LUPDATE), args, 120000);
        const QString out = QString::fromUtf8(run.out + run.err);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!out.contains(QStringLiteral("lacks Q_OBJECT")), qPrintable(out));
        const auto found =
            QRegularExpression(QStringLiteral("\\((\\d+) new and (\\d+) already")).match(out);
        QVERIFY2(found.hasMatch(), qPrintable(out));
        // Something new = a string the catalogue does not have under the context lupdate sees.
        QVERIFY2(found.captured(1).toInt() == 0, qPrintable(out));
        QCOMPARE(readTs(ts).unfinished, 0);
    }

    void checkLooksUpOnlyWhatTheCatalogueHas_data() {
        QTest::addColumn<QString>("scenario");
        for (const char *s : {"notready-unreachable", "konnectivity-broken", "npd-kernel-deadlock",
                              "kubelet-restart-loop", "disk-pressure", "vm-event-scheduled"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void checkLooksUpOnlyWhatTheCatalogueHas() {
        QFETCH(QString, scenario);
        nt::test::SimProcess sim({QStringLiteral("--scenario"), scenario});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        RecordingTranslator recorder;
        QCoreApplication::installTranslator(&recorder);
        QString out, err;
        {
            QTextStream outStream(&out), errStream(&err);
            // No step 3: its DNS query would leave the machine. One snapshot (--duration 0).
            runCheckCommand({QStringLiteral("--kubeconfig"), sim.kubeconfig(),
                             QStringLiteral("--lang"), QStringLiteral("zh_CN"),
                             QStringLiteral("--steps"), QStringLiteral("1,2,4,5,6"),
                             QStringLiteral("--duration"), QStringLiteral("0")},
                            outStream, errStream);
        }
        QCoreApplication::removeTranslator(&recorder);
        QVERIFY(installTranslations(QStringLiteral("en")).ok());

        QStringList missing;
        for (const QString &asked : recorder.asked()) {
            const QString context = asked.section(QChar(0x1f), 0, 0);
            // Qt's own classes ask qtbase's catalogue, not ours.
            if (!m_ts.contexts.contains(context) &&
                QRegularExpression(QStringLiteral("^Q[A-Z]")).match(context).hasMatch())
                continue;
            if (!m_ts.messages.contains(asked))
                missing << readable(asked);
        }
        missing.sort();
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
        // And what `check` printed is Chinese: the table header and the findings' details, which
        // the core writes (before the context fix they came out in English).
        QVERIFY2(hasChinese(out), qPrintable(out + err));
        const QStringList lines = out.split(QLatin1Char('\n'));
        int findings = 0;
        for (const QString &line : lines) {
            if (!line.startsWith(QLatin1String("critical")) &&
                !line.startsWith(QLatin1String("warning")))
                continue;
            ++findings;
            QVERIFY2(hasChinese(line), qPrintable(line));
        }
        QVERIFY2(findings > 0, qPrintable(out));
    }
};

QTEST_MAIN(TestTrContexts)
#include "tst_trcontexts.moc"
