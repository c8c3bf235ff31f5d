#pragma once
// Writing an output file the user named (--json, --pdf, an export): whole or not at all for a
// regular file, in place for a device or FIFO (/dev/null, /dev/stdout, a pipe), which a
// write-to-temporary-then-rename would replace with a regular file.
#include <QByteArray>
#include <QString>

namespace nt {

// Empty on success, else the system's reason (the caller names what and where).
QString saveFile(const QString &path, const QByteArray &bytes);

} // namespace nt
