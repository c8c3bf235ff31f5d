#pragma once
// What this build is made of, for the About box, `--version` and bug reports: our version and
// the libraries we link, with their licences (we ship them as dependencies of the .deb and owe
// their users the notice).
#include <QList>
#include <QString>

namespace nt {

struct LibraryInfo {
    QString name;
    QString version;
    QString licence; // SPDX identifier
    QString url;     // where its source and licence text live
};

QString nodetriageVersion();
// Qt and the libraries ntcore links; the widget layer adds libvterm and Qt Charts.
QList<LibraryInfo> coreLibraries();

} // namespace nt
