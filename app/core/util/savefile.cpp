#include "util/savefile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace nt {

QString saveFile(const QString &path, const QByteArray &bytes) {
    if (const QFileInfo target(path); target.exists() && !target.isFile() && !target.isDir()) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return file.errorString();
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return file.errorString();
    return {};
}

} // namespace nt
