// Choosing the language: --lang wins, else the system locale; what we do not ship falls back to
// English for the system locale but is an error when asked for by name.
#include "testsupport.h"
#include "util/translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>

using namespace nt;

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void resolve_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("expected"); // "" = an error
        QTest::newRow("system en_US") << QString() << QStringLiteral("en_US") << "en";
        QTest::newRow("system zh_CN") << QString() << QStringLiteral("zh_CN") << "zh_CN";
        QTest::newRow("system zh_SG") << QString() << QStringLiteral("zh_SG") << "zh_CN";
        QTest::newRow("system zh_TW: not shipped") << QString() << QStringLiteral("zh_TW") << "en";
        QTest::newRow("system de_DE: not shipped") << QString() << QStringLiteral("de_DE") << "en";
        QTest::newRow("system C") << QString() << QStringLiteral("C") << "en";
        QTest::newRow("system with codeset") << QString() << QStringLiteral("zh_CN.UTF-8")
                                             << "zh_CN";
        QTest::newRow("--lang wins") << QStringLiteral("en") << QStringLiteral("zh_CN") << "en";
        QTest::newRow("--lang zh") << QStringLiteral("zh") << QStringLiteral("en_US") << "zh_CN";
        QTest::newRow("--lang zh-CN") << QStringLiteral("zh-CN") << QStringLiteral("en_US")
                                      << "zh_CN";
        QTest::newRow("--lang zh_Hans_CN") << QStringLiteral("zh_Hans_CN") << QString()
                                           << "zh_CN";
        QTest::newRow("--lang fr: error") << QStringLiteral("fr") << QStringLiteral("en_US") << "";
        QTest::newRow("--lang zh_TW: error") << QStringLiteral("zh_TW") << QString() << "";
    }
    void resolve()
    {
        QFETCH(QString, requested);
        QFETCH(QString, system);
        QFETCH(QString, expected);
        const Result<QString> language = resolveLanguage(requested, system);
        if (expected.isEmpty()) {
            QVERIFY(!language);
            // One sentence naming what was asked and what there is.
            QVERIFY2(language.error().contains(requested), qPrintable(language.error()));
            QVERIFY2(language.error().contains(QStringLiteral("zh_CN")),
                     qPrintable(language.error()));
        } else {
            QVERIFY2(language.ok(), qPrintable(language.error()));
            QCOMPARE(language.value(), expected);
        }
    }

    void installSetsTheLocale()
    {
        QVERIFY(installTranslations(QStringLiteral("zh_CN")).ok());
        QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));
        // Back to English: our translator is removed again, the locale follows.
        QVERIFY(installTranslations(QStringLiteral("en")).ok());
        QCOMPARE(QLocale().language(), QLocale::English);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
