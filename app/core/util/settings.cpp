#include "util/settings.h"

#include <QSettings>
#include <QUrl>

namespace nt {

namespace {
// Keys, in one place so renames are deliberate (old files keep working or are migrated here).
constexpr auto kLastKubeconfig = "cluster/lastKubeconfig";
constexpr auto kLastContext = "cluster/lastContext";
constexpr auto kRecent = "cluster/recent";
constexpr auto kInterval = "sampling/intervalSeconds";
constexpr auto kPrometheusUrl = "sampling/prometheusUrl";
constexpr auto kTokenKind = "sampling/prometheusTokenSource";
constexpr auto kTokenName = "sampling/prometheusTokenName";
constexpr auto kSshUser = "ssh/user";
constexpr auto kSshKey = "ssh/keyFile";
constexpr auto kSshJump = "ssh/jumpHost";
constexpr auto kSshKnownHosts = "ssh/knownHosts";
constexpr auto kProbeImage = "checks/probeImage";
constexpr auto kLanguage = "ui/language";
constexpr auto kTheme = "ui/theme";
constexpr auto kGeometry = "ui/windowGeometry";
constexpr auto kState = "ui/windowState";
constexpr auto kFirstRun = "ui/firstRunHintShown";

QString key(const char *k)
{
    return QString::fromLatin1(k);
}

const char *tokenKindName(TokenSource::Kind kind)
{
    switch (kind) {
    case TokenSource::Kind::Ask:
        return "ask";
    case TokenSource::Kind::Environment:
        return "environment";
    case TokenSource::Kind::File:
        return "file";
    case TokenSource::Kind::None:
        break;
    }
    return "none";
}
} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                             QStringLiteral("nodetriage"),
                                             QStringLiteral("nodetriage")))
{
}

Settings::Settings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

QString Settings::fileName() const
{
    return m_settings->fileName();
}

QString Settings::lastKubeconfig() const
{
    return m_settings->value(key(kLastKubeconfig)).toString();
}

QString Settings::lastContext() const
{
    return m_settings->value(key(kLastContext)).toString();
}

void Settings::setLastCluster(const QString &kubeconfig, const QString &context)
{
    m_settings->setValue(key(kLastKubeconfig), kubeconfig);
    m_settings->setValue(key(kLastContext), context);
    const QString entry = kubeconfig + u'|' + context;
    QStringList recent = recentClusters();
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    m_settings->setValue(key(kRecent), recent);
}

QStringList Settings::recentClusters() const
{
    return m_settings->value(key(kRecent)).toStringList();
}

int Settings::samplingIntervalSeconds() const
{
    bool ok = false;
    const int seconds = m_settings->value(key(kInterval), 5).toInt(&ok);
    return ok && seconds >= 1 && seconds <= 60 ? seconds : 5;
}

void Settings::setSamplingIntervalSeconds(int seconds)
{
    m_settings->setValue(key(kInterval), qBound(1, seconds, 60));
}

QString Settings::prometheusUrl() const
{
    const QString url = m_settings->value(key(kPrometheusUrl)).toString();
    // Only http(s) URLs without user info: a password in the URL would be a secret on disk.
    const QUrl parsed(url);
    if (!parsed.isValid() || !parsed.userInfo().isEmpty() ||
        (parsed.scheme() != u"http" && parsed.scheme() != u"https"))
        return {};
    return url;
}

void Settings::setPrometheusUrl(const QString &url)
{
    QUrl parsed(url);
    parsed.setUserInfo({}); // never store credentials
    m_settings->setValue(key(kPrometheusUrl), url.isEmpty() ? QString() : parsed.toString());
}

TokenSource Settings::prometheusTokenSource() const
{
    const QString kind = m_settings->value(key(kTokenKind)).toString();
    TokenSource source;
    source.name = m_settings->value(key(kTokenName)).toString();
    if (kind == u"ask")
        source.kind = TokenSource::Kind::Ask;
    else if (kind == u"environment" && !source.name.isEmpty())
        source.kind = TokenSource::Kind::Environment;
    else if (kind == u"file" && !source.name.isEmpty())
        source.kind = TokenSource::Kind::File;
    if (source.kind == TokenSource::Kind::None || source.kind == TokenSource::Kind::Ask)
        source.name.clear();
    return source;
}

void Settings::setPrometheusTokenSource(const TokenSource &source)
{
    m_settings->setValue(key(kTokenKind), QString::fromLatin1(tokenKindName(source.kind)));
    m_settings->setValue(key(kTokenName), source.name);
}

SshDefaults Settings::sshDefaults() const
{
    return {m_settings->value(key(kSshUser)).toString(),
            m_settings->value(key(kSshKey)).toString(),
            m_settings->value(key(kSshJump)).toString(),
            m_settings->value(key(kSshKnownHosts)).toString()};
}

void Settings::setSshDefaults(const SshDefaults &defaults)
{
    m_settings->setValue(key(kSshUser), defaults.user);
    m_settings->setValue(key(kSshKey), defaults.keyFile);
    m_settings->setValue(key(kSshJump), defaults.jumpHost);
    m_settings->setValue(key(kSshKnownHosts), defaults.knownHosts);
}

QString Settings::defaultProbeImage()
{
    // A tiny image with nslookup; registries behind a firewall set their own mirror.
    return QStringLiteral("mcr.microsoft.com/cbl-mariner/busybox:2.0");
}

QString Settings::probeImage() const
{
    const QString image = m_settings->value(key(kProbeImage)).toString().trimmed();
    return image.isEmpty() ? defaultProbeImage() : image;
}

void Settings::setProbeImage(const QString &image)
{
    m_settings->setValue(key(kProbeImage), image.trimmed());
}

QString Settings::language() const
{
    return m_settings->value(key(kLanguage)).toString();
}

void Settings::setLanguage(const QString &language)
{
    m_settings->setValue(key(kLanguage), language);
}

QString Settings::theme() const
{
    const QString theme = m_settings->value(key(kTheme)).toString();
    return theme == u"light" || theme == u"dark" ? theme : QStringLiteral("system");
}

void Settings::setTheme(const QString &theme)
{
    m_settings->setValue(key(kTheme), theme);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(key(kGeometry)).toByteArray();
}

QByteArray Settings::windowState() const
{
    return m_settings->value(key(kState)).toByteArray();
}

void Settings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    m_settings->setValue(key(kGeometry), geometry);
    m_settings->setValue(key(kState), state);
}

bool Settings::firstRunHintShown() const
{
    return m_settings->value(key(kFirstRun), false).toBool();
}

void Settings::setFirstRunHintShown(bool shown)
{
    m_settings->setValue(key(kFirstRun), shown);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace nt
