#include "util/buildinfo.h"

#include <nlohmann/json.hpp>

#include <QtGlobal>

namespace nt {

QString nodetriageVersion()
{
    return QString::fromLatin1(NODETRIAGE_VERSION);
}

QList<LibraryInfo> coreLibraries()
{
    const QString json = QStringLiteral("%1.%2.%3")
                             .arg(NLOHMANN_JSON_VERSION_MAJOR)
                             .arg(NLOHMANN_JSON_VERSION_MINOR)
                             .arg(NLOHMANN_JSON_VERSION_PATCH);
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()),
         QStringLiteral("LGPL-3.0-only"), QStringLiteral("https://www.qt.io/")},
        {QStringLiteral("libssh"), QString::fromLatin1(NT_LIBSSH_VERSION),
         QStringLiteral("LGPL-2.1-or-later"), QStringLiteral("https://www.libssh.org/")},
        {QStringLiteral("OpenSSL"), QString::fromLatin1(NT_OPENSSL_VERSION),
         QStringLiteral("Apache-2.0"), QStringLiteral("https://www.openssl.org/")},
        {QStringLiteral("yaml-cpp"), QString::fromLatin1(NT_YAML_CPP_VERSION), QStringLiteral("MIT"),
         QStringLiteral("https://github.com/jbeder/yaml-cpp")},
        {QStringLiteral("JSON for Modern C++"), json, QStringLiteral("MIT"),
         QStringLiteral("https://github.com/nlohmann/json")},
    };
}

} // namespace nt
