#include "frame/settingsdialog.h"

#include "util/settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace nt::ui {

namespace {
QWidget *withBrowse(QLineEdit *edit, QWidget *parent, const QString &title)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit);
    auto *browse = new QToolButton(row);
    browse->setText(SettingsDialog::tr("Browse…"));
    browse->setToolTip(title);
    QObject::connect(browse, &QToolButton::clicked, edit, [edit, title] {
        const QString file = QFileDialog::getOpenFileName(edit, title, edit->text());
        if (!file.isEmpty())
            edit->setText(file);
    });
    layout->addWidget(browse);
    return row;
}
} // namespace

SettingsDialog::SettingsDialog(Settings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(generalPage(), tr("&General"));
    tabs->addTab(samplingPage(), tr("&Sampling"));
    tabs->addTab(nodesPage(), tr("&Nodes"));

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::BrightText);
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::RestoreDefaults,
                                     this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    load();
    for (QLineEdit *edit : {m_prometheusUrl, m_tokenName, m_sshJump, m_probeImage})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_tokenSource, &QComboBox::currentIndexChanged, this, &SettingsDialog::validate);
    validate();
}

QWidget *SettingsDialog::generalPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("Follow the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en")); // i18n-ok: endonym
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN")); // i18n-ok: endonym
    form->addRow(tr("&Language:"), m_language);
    m_theme = new QComboBox(page);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    form->addRow(tr("&Theme:"), m_theme);
    auto *note = new QLabel(tr("Language and theme apply the next time NodeTriage starts."), page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

QWidget *SettingsDialog::samplingPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_interval = new QSpinBox(page);
    m_interval->setObjectName(QStringLiteral("interval"));
    m_interval->setRange(1, 60);
    m_interval->setSuffix(tr(" s"));
    form->addRow(tr("Sampling &interval:"), m_interval);
    m_prometheusUrl = new QLineEdit(page);
    m_prometheusUrl->setObjectName(QStringLiteral("prometheusUrl"));
    m_prometheusUrl->setPlaceholderText(tr("optional, e.g. https://prometheus.example:9090"));
    form->addRow(tr("&Prometheus URL:"), m_prometheusUrl);
    m_tokenSource = new QComboBox(page);
    m_tokenSource->setObjectName(QStringLiteral("tokenSource"));
    m_tokenSource->addItem(tr("No token"), int(TokenSource::Kind::None));
    m_tokenSource->addItem(tr("Ask when connecting"), int(TokenSource::Kind::Ask));
    m_tokenSource->addItem(tr("From an environment variable"),
                           int(TokenSource::Kind::Environment));
    m_tokenSource->addItem(tr("From a file"), int(TokenSource::Kind::File));
    form->addRow(tr("Bearer &token:"), m_tokenSource);
    m_tokenName = new QLineEdit(page);
    m_tokenName->setObjectName(QStringLiteral("tokenName"));
    m_tokenName->setPlaceholderText(tr("variable name or file path"));
    form->addRow(tr("Token &variable or file:"), m_tokenName);
    auto *note = new QLabel(tr("The token itself is never saved: NodeTriage reads it from the "
                               "source you name each time it connects."),
                            page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

QWidget *SettingsDialog::nodesPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_sshUser = new QLineEdit(page);
    m_sshUser->setObjectName(QStringLiteral("sshUser"));
    m_sshUser->setPlaceholderText(tr("from ~/.ssh/config, e.g. azureuser"));
    form->addRow(tr("SSH &user:"), m_sshUser);
    m_sshKey = new QLineEdit(page);
    m_sshKey->setObjectName(QStringLiteral("sshKey"));
    m_sshKey->setPlaceholderText(tr("from ~/.ssh/config or the agent"));
    form->addRow(tr("SSH &key:"), withBrowse(m_sshKey, page, tr("Choose an SSH private key")));
    m_sshJump = new QLineEdit(page);
    m_sshJump->setObjectName(QStringLiteral("sshJump"));
    m_sshJump->setPlaceholderText(tr("[user@]host[:port], e.g. azureuser@bastion"));
    form->addRow(tr("&Jump host:"), m_sshJump);
    m_knownHosts = new QLineEdit(page);
    m_knownHosts->setObjectName(QStringLiteral("knownHosts"));
    m_knownHosts->setPlaceholderText(QStringLiteral("~/.ssh/known_hosts")); // i18n-ok: a path
    form->addRow(tr("Known &hosts file:"),
                 withBrowse(m_knownHosts, page, tr("Choose a known_hosts file")));
    m_probeImage = new QLineEdit(page);
    m_probeImage->setObjectName(QStringLiteral("probeImage"));
    form->addRow(tr("DNS &probe pod image:"), m_probeImage);
    return page;
}

void SettingsDialog::load()
{
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_settings.language())));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(m_settings.theme())));
    m_interval->setValue(m_settings.samplingIntervalSeconds());
    m_prometheusUrl->setText(m_settings.prometheusUrl());
    const TokenSource token = m_settings.prometheusTokenSource();
    m_tokenSource->setCurrentIndex(qMax(0, m_tokenSource->findData(int(token.kind))));
    m_tokenName->setText(token.name);
    const SshDefaults ssh = m_settings.sshDefaults();
    m_sshUser->setText(ssh.user);
    m_sshKey->setText(ssh.keyFile);
    m_sshJump->setText(ssh.jumpHost);
    m_knownHosts->setText(ssh.knownHosts);
    m_probeImage->setText(m_settings.probeImage());
}

void SettingsDialog::restoreDefaults()
{
    m_language->setCurrentIndex(0);
    m_theme->setCurrentIndex(0);
    m_interval->setValue(5);
    m_prometheusUrl->clear();
    m_tokenSource->setCurrentIndex(0);
    m_tokenName->clear();
    for (QLineEdit *edit : {m_sshUser, m_sshKey, m_sshJump, m_knownHosts})
        edit->clear();
    m_probeImage->setText(Settings::defaultProbeImage());
}

void SettingsDialog::validate()
{
    QStringList problems;
    const QString url = m_prometheusUrl->text().trimmed();
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() ||
            (parsed.scheme() != u"http" && parsed.scheme() != u"https"))
            problems << tr("The Prometheus URL must be an http:// or https:// address.");
        else if (!parsed.userInfo().isEmpty())
            problems << tr("Put no user name or password in the Prometheus URL; choose a token "
                           "source instead.");
    }
    const auto kind = TokenSource::Kind(m_tokenSource->currentData().toInt());
    const bool needsName =
        kind == TokenSource::Kind::Environment || kind == TokenSource::Kind::File;
    m_tokenName->setEnabled(needsName);
    static const QRegularExpression variable(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (kind == TokenSource::Kind::Environment && !variable.match(m_tokenName->text()).hasMatch())
        problems << tr("Name the environment variable that holds the token.");
    if (kind == TokenSource::Kind::File && m_tokenName->text().trimmed().isEmpty())
        problems << tr("Name the file that holds the token.");
    static const QRegularExpression jump(
        QStringLiteral("^([A-Za-z0-9._-]+@)?[A-Za-z0-9.:_\\[\\]-]+(,([A-Za-z0-9._-]+@)?"
                       "[A-Za-z0-9.:_\\[\\]-]+)*$"));
    if (!m_sshJump->text().isEmpty() && !jump.match(m_sshJump->text()).hasMatch())
        problems << tr("The jump host must look like [user@]host[:port].");
    static const QRegularExpression image(QStringLiteral("^[a-z0-9][a-z0-9._/:@-]*$"));
    if (!image.match(m_probeImage->text().trimmed()).hasMatch())
        problems << tr("The probe image must be an image reference such as "
                       "registry.example/busybox:1.36.");
    m_problem->setText(problems.join(u'\n'));
    m_problem->setVisible(!problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

void SettingsDialog::accept()
{
    validate();
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    const QString language = m_language->currentData().toString();
    const QString theme = m_theme->currentData().toString();
    m_restartNeeded = language != m_settings.language() || theme != m_settings.theme();
    m_settings.setLanguage(language);
    m_settings.setTheme(theme);
    m_settings.setSamplingIntervalSeconds(m_interval->value());
    m_settings.setPrometheusUrl(m_prometheusUrl->text().trimmed());
    m_settings.setPrometheusTokenSource(
        {TokenSource::Kind(m_tokenSource->currentData().toInt()), m_tokenName->text().trimmed()});
    m_settings.setSshDefaults({m_sshUser->text().trimmed(), m_sshKey->text().trimmed(),
                               m_sshJump->text().trimmed(), m_knownHosts->text().trimmed()});
    m_settings.setProbeImage(m_probeImage->text());
    m_settings.sync();
    QDialog::accept();
}

} // namespace nt::ui
