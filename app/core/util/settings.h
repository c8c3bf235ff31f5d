#pragma once
// What NodeTriage remembers between runs, in QSettings' native format (INI on Linux) at the XDG
// location: $XDG_CONFIG_HOME/nodetriage/nodetriage.conf, usually ~/.config/nodetriage/.
//
// Secrets are never written here: there is deliberately no setter for a Prometheus token or an
// SSH passphrase. Settings only say *where* a secret comes from (ask each time, an environment
// variable, a file the user protects); the value is read when needed and kept in memory only.
//
// Typed accessors with defaults and range checks, so a hand-edited or old file can never hand
// the program an interval of 0 or a language it does not ship.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace nt {

struct SshDefaults {
    QString user;        // "" = the ssh config's or the local user's
    QString keyFile;     // "" = the ssh config's / agent
    QString jumpHost;    // [user@]host[:port][,...]
    QString knownHosts;  // "" = ~/.ssh/known_hosts
};

// Where the Prometheus bearer token comes from. Never the token itself.
struct TokenSource {
    enum class Kind { None, Ask, Environment, File };
    Kind kind = Kind::None;
    QString name; // the variable's name (Environment) or the file's path (File)
};

class Settings {
public:
    // The user's settings file. Tests point XDG_CONFIG_HOME at a temporary directory.
    Settings();
    // A specific file (tests, --settings in the future).
    explicit Settings(const QString &iniFile);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    QString fileName() const;

    // Cluster
    QString lastKubeconfig() const;
    QString lastContext() const;
    void setLastCluster(const QString &kubeconfig, const QString &context);
    // "kubeconfig|context" entries, most recent first, at most kMaxRecent, no duplicates.
    QStringList recentClusters() const;
    static constexpr int kMaxRecent = 10;

    // Sampling
    int samplingIntervalSeconds() const; // 1..60, default 5
    void setSamplingIntervalSeconds(int seconds);
    QString prometheusUrl() const;
    void setPrometheusUrl(const QString &url);
    TokenSource prometheusTokenSource() const;
    void setPrometheusTokenSource(const TokenSource &source);

    // Node-side
    SshDefaults sshDefaults() const;
    void setSshDefaults(const SshDefaults &defaults);
    QString probeImage() const; // default: a small public busybox image
    void setProbeImage(const QString &image);
    static QString defaultProbeImage();

    // Interface
    QString language() const; // "" = follow the system
    void setLanguage(const QString &language);
    QString theme() const; // "system" (default), "light", "dark"
    void setTheme(const QString &theme);
    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state);
    bool firstRunHintShown() const;
    void setFirstRunHintShown(bool shown);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace nt
