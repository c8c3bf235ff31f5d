// The frame around the pages: the settings dialog writes what the user chose (and refuses what
// would not work), the About box names every library we ship with its licence, the dark theme
// really is dark.
#include "frame/aboutdialog.h"
#include "frame/settingsdialog.h"
#include "frame/theme.h"
#include "testsupport.h"
#include "util/settings.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;
using namespace nt::ui;

class TestFrame : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString settingsFile(const char *name) { return m_dir.filePath(QString::fromLatin1(name)); }
    static QPushButton *okButton(QDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

private slots:
    void settingsDialogSavesWhatTheUserChose()
    {
        Settings settings(settingsFile("a.conf"));
        SettingsDialog dialog(settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("language"));
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        auto *interval = dialog.findChild<QSpinBox *>(QStringLiteral("interval"));
        interval->setValue(15);
        auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("prometheusUrl"));
        QTest::keyClicks(url, QStringLiteral("https://prom.internal:9090"));
        auto *source = dialog.findChild<QComboBox *>(QStringLiteral("tokenSource"));
        source->setCurrentIndex(source->findData(int(TokenSource::Kind::Environment)));
        auto *tokenName = dialog.findChild<QLineEdit *>(QStringLiteral("tokenName"));
        QTest::keyClicks(tokenName, QStringLiteral("PROM_TOKEN"));
        auto *jump = dialog.findChild<QLineEdit *>(QStringLiteral("sshJump"));
        QTest::keyClicks(jump, QStringLiteral("azureuser@bastion:2222"));
        QVERIFY(okButton(dialog)->isEnabled());

        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.restartNeeded()); // the language changed

        Settings saved(settingsFile("a.conf"));
        QCOMPARE(saved.language(), QStringLiteral("zh_CN"));
        QCOMPARE(saved.samplingIntervalSeconds(), 15);
        QCOMPARE(saved.prometheusUrl(), QStringLiteral("https://prom.internal:9090"));
        QCOMPARE(saved.prometheusTokenSource().name, QStringLiteral("PROM_TOKEN"));
        QCOMPARE(saved.sshDefaults().jumpHost, QStringLiteral("azureuser@bastion:2222"));
    }

    void settingsDialogRefusesWhatWouldNotWork_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("ftp url") << "prometheusUrl" << "ftp://prom" << "http:// or https://";
        QTest::newRow("password in url")
            << "prometheusUrl" << "https://admin:pw@prom" << "no user name or password";
        QTest::newRow("bad jump host") << "sshJump" << "bastion; rm -rf /" << "[user@]host[:port]";
        QTest::newRow("bad image") << "probeImage" << "Busy Box" << "image reference";
    }
    void settingsDialogRefusesWhatWouldNotWork()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, problem);
        Settings settings(settingsFile("b.conf"));
        SettingsDialog dialog(settings);
        dialog.show();
        auto *edit = dialog.findChild<QLineEdit *>(field);
        QVERIFY(edit);
        edit->setText(text);
        auto *label = dialog.findChild<QLabel *>(QStringLiteral("problem"));
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(problem), qPrintable(label->text()));
        QVERIFY(!okButton(dialog)->isEnabled());
        edit->clear();
        if (field == u"probeImage")
            edit->setText(Settings::defaultProbeImage());
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(!label->isVisible());
    }

    void aboutNamesEveryLibraryWithItsLicence()
    {
        AboutDialog about;
        auto *table = about.findChild<QTableWidget *>(QStringLiteral("libraries"));
        QVERIFY(table);
        QHash<QString, QString> licences;
        for (int row = 0; row < table->rowCount(); ++row) {
            QVERIFY(!table->item(row, 1)->text().isEmpty()); // a version for each
            licences.insert(table->item(row, 0)->text(), table->item(row, 2)->text());
        }
        for (const char *name : {"Qt", "Qt Charts", "libssh", "libvterm", "OpenSSL", "yaml-cpp",
                                 "JSON for Modern C++"})
            QVERIFY2(!licences.value(QString::fromLatin1(name)).isEmpty(), name);
        QCOMPARE(licences.value(QStringLiteral("libssh")), QStringLiteral("LGPL-2.1-or-later"));
        auto *title = about.findChild<QLabel *>(QStringLiteral("title"));
        QVERIFY(title->text().contains(QStringLiteral(NODETRIAGE_VERSION)));
    }

    void darkThemeIsDark()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        applyTheme(*app, Theme::Dark);
        QVERIFY(isDarkPalette());
        // Text stays readable: strong contrast between text and its background.
        const QPalette palette = QApplication::palette();
        QVERIFY(palette.color(QPalette::Text).lightness() -
                    palette.color(QPalette::Base).lightness() > 150);
        applyTheme(*app, Theme::Light);
        QVERIFY(!isDarkPalette());
        QCOMPARE(themeFromString(QStringLiteral("dark")), Theme::Dark);
        QCOMPARE(themeFromString(QStringLiteral("purple")), Theme::System);
    }
};

QTEST_MAIN(TestFrame)
#include "tst_frame.moc"
