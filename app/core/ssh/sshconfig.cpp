#include "ssh/sshconfig.h"

#include <pwd.h>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <unistd.h>

namespace nt {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Ssh)
};

QString localUser() {
    if (const passwd *pw = ::getpwuid(::getuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER");
}

// Removes one level of double quotes: OpenSSH allows IdentityFile "a b".
QString unquote(const QString &value) {
    if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
        return value.mid(1, value.size() - 2);
    return value;
}

struct Tokens {
    QString host;
    QString user;
    int port = 22;
};

// ~ and the %-tokens OpenSSH expands in IdentityFile and UserKnownHostsFile.
QString expandPath(const QString &raw, const Tokens &tokens) {
    QString path = unquote(raw);
    const QString home = QDir::homePath();
    if (path == QLatin1String("~") || path.startsWith(QStringLiteral("~/")))
        path = home + path.mid(1);
    QString out;
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path[i] != QLatin1Char('%') || i + 1 == path.size()) {
            out += path[i];
            continue;
        }
        const QChar token = path[++i];
        if (token == QLatin1Char('d'))
            out += home;
        else if (token == QLatin1Char('u'))
            out += localUser();
        else if (token == QLatin1Char('h'))
            out += tokens.host;
        else if (token == QLatin1Char('r'))
            out += tokens.user;
        else if (token == QLatin1Char('p'))
            out += QString::number(tokens.port);
        else if (token == QLatin1Char('%'))
            out += QLatin1Char('%');
        else
            out += QLatin1Char('%') + token;
    }
    return QDir::cleanPath(QDir::current().absoluteFilePath(out)); // relative: as -i, from here
}

} // namespace

QString SshConfig::defaultPath() {
    return QDir::homePath() + QStringLiteral("/.ssh/config");
}

Result<SshConfig> SshConfig::load(const QString &path) {
    QFile file(path);
    if (!file.exists())
        return SshConfig{};
    if (!file.open(QIODevice::ReadOnly))
        return Error{Tr::tr("Cannot read the SSH config %1: %2").arg(path, file.errorString())};
    return parse(file.readAll(), path);
}

Result<SshConfig> SshConfig::parse(const QByteArray &text, const QString &fileName) {
    SshConfig config;
    config.m_fileName = fileName;
    config.m_blocks.append(Block{});
    bool skipping = false; // inside a Match block we do not evaluate
    static const QRegularExpression split(
        QStringLiteral("^\\s*([A-Za-z]+)\\s*(?:=\\s*|\\s+)(.*)$"));
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QRegularExpressionMatch m = split.match(line);
        const QString where = fileName + QLatin1Char(':') + QString::number(i + 1);
        if (!m.hasMatch())
            return Error{Tr::tr("%1: cannot read this line of the SSH config").arg(where)};
        const QString keyword = m.captured(1).toLower();
        const QString value = m.captured(2).trimmed();
        if (keyword == QLatin1String("host")) {
            skipping = false;
            config.m_blocks.append(Block{
                value.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts), {}});
            continue;
        }
        if (keyword == QLatin1String("match")) {
            // Only `Match all` is understood; other criteria would need exec and more.
            skipping = value.compare(QLatin1String("all"), Qt::CaseInsensitive) != 0;
            if (!skipping)
                config.m_blocks.append(Block{{QStringLiteral("*")}, {}});
            continue;
        }
        if (skipping)
            continue;
        if (keyword == QLatin1String("port")) {
            bool ok = false;
            const int port = value.toInt(&ok);
            if (!ok || port < 1 || port > 65535)
                return Error{Tr::tr("%1: Port must be a number from 1 to 65535, not '%2'")
                                 .arg(where, value)};
        }
        config.m_blocks.last().entries.append(Entry{keyword, value, i + 1});
    }
    return config;
}

bool SshConfig::globMatch(const QString &pattern, const QString &text) {
    // Iterative glob with backtracking on the last '*'.
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() &&
            (pattern[p] == QLatin1Char('?') || pattern[p].toLower() == text[t].toLower())) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

bool SshConfig::blockMatches(const Block &block, const QString &alias) const {
    if (block.patterns.isEmpty())
        return true;
    bool positive = false;
    for (const QString &pattern : block.patterns) {
        if (pattern.startsWith(QLatin1Char('!'))) {
            if (globMatch(pattern.mid(1), alias))
                return false; // a negated match excludes the block whatever else matches
        } else if (globMatch(pattern, alias)) {
            positive = true;
        }
    }
    return positive;
}

SshHostConfig SshConfig::lookup(const QString &alias) const {
    SshHostConfig result;
    for (const Block &block : m_blocks) {
        if (!blockMatches(block, alias))
            continue;
        for (const Entry &e : block.entries) {
            if (e.keyword == QLatin1String("hostname") && result.hostName.isEmpty())
                result.hostName = unquote(e.value);
            else if (e.keyword == QLatin1String("user") && result.user.isEmpty())
                result.user = unquote(e.value);
            else if (e.keyword == QLatin1String("port") && !result.port)
                result.port = e.value.toInt();
            else if (e.keyword == QLatin1String("identityfile"))
                result.identityFiles.append(e.value); // cumulative, as in OpenSSH
            else if (e.keyword == QLatin1String("proxyjump") && !result.proxyJump)
                result.proxyJump = e.value;
            else if (e.keyword == QLatin1String("userknownhostsfile") &&
                     result.userKnownHostsFiles.isEmpty())
                result.userKnownHostsFiles =
                    e.value.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            else if (e.keyword == QLatin1String("stricthostkeychecking") &&
                     result.strictHostKeyChecking.isEmpty())
                result.strictHostKeyChecking = e.value.toLower();
        }
    }
    if (result.hostName.contains(QLatin1Char('%'))) {
        QString expanded = result.hostName;
        expanded.replace(QStringLiteral("%h"), alias)
            .replace(QStringLiteral("%%"), QStringLiteral("%"));
        result.hostName = expanded;
    }
    return result;
}

Result<SshHostSettings> SshConfig::resolveHop(const SshEndpoint &endpoint,
                                              const SshOverrides *overrides) const {
    const SshHostConfig hc = lookup(endpoint.host);
    SshHostSettings hop;
    hop.host = hc.hostName.isEmpty() ? endpoint.host : hc.hostName;
    hop.user = !endpoint.user.isEmpty()                  ? endpoint.user
               : overrides && !overrides->user.isEmpty() ? overrides->user
               : !hc.user.isEmpty()                      ? hc.user
                                                         : localUser();
    hop.port = overrides && overrides->port > 0 ? overrides->port
               : endpoint.port > 0              ? endpoint.port
                                                : hc.port.value_or(22);
    const Tokens tokens{hop.host, hop.user, hop.port};
    if (overrides) {
        for (const QString &file : overrides->identityFiles)
            hop.identityFiles.append(expandPath(file, tokens));
    }
    for (const QString &file : hc.identityFiles)
        hop.identityFiles.append(expandPath(file, tokens));
    hop.identityFiles.removeDuplicates();
    return hop;
}

Result<SshConnectOptions> SshConfig::connectOptions(const SshEndpoint &destination,
                                                    const SshOverrides &overrides) const {
    SshConnectOptions options;
    auto target = resolveHop(destination, &overrides);
    if (!target)
        return Error{target.error()};
    options.target = std::move(target.value());

    const SshHostConfig hc = lookup(destination.host);
    const QString chain = overrides.proxyJump.value_or(hc.proxyJump.value_or(QString()));
    if (!chain.isEmpty() && chain.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
        for (const QString &part : chain.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto endpoint = parseSshEndpoint(part);
            if (!endpoint)
                return Error{Tr::tr("Bad jump host '%1': expected [user@]host[:port]").arg(part)};
            // Jump hosts get their HostName/User/Port/IdentityFile from the config too; their
            // own ProxyJump is not followed, the chain written here is the whole route.
            auto hop = resolveHop(*endpoint, nullptr);
            if (!hop)
                return Error{hop.error()};
            options.jumps.append(std::move(hop.value()));
        }
    }

    const Tokens tokens{options.target.host, options.target.user, options.target.port};
    if (!overrides.knownHostsFile.isEmpty())
        options.knownHostsFile = expandPath(overrides.knownHostsFile, tokens);
    else if (!hc.userKnownHostsFiles.isEmpty())
        options.knownHostsFile = expandPath(hc.userKnownHostsFiles.first(), tokens);
    else
        options.knownHostsFile = QDir::homePath() + QStringLiteral("/.ssh/known_hosts");

    const QString strict = hc.strictHostKeyChecking;
    if (overrides.acceptNewHostKey || strict == QLatin1String("accept-new") ||
        strict == QLatin1String("no") || strict == QLatin1String("off"))
        options.unknownHostKey = UnknownHostKeyPolicy::AcceptAndSave;
    else if (strict == QLatin1String("ask"))
        options.unknownHostKey = UnknownHostKeyPolicy::Ask;
    else
        options.unknownHostKey = UnknownHostKeyPolicy::Refuse;
    return options;
}

} // namespace nt
