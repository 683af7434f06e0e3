#include "model/datafiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace opsdeck::model {

namespace {

QString executableDirectory()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    // Before QCoreApplication exists (command-line handling) or in a tool without one.
    const QFileInfo self(QStringLiteral("/proc/self/exe"));
    return self.exists() ? QFileInfo(self.canonicalFilePath()).absolutePath() : QString();
}

} // namespace

QStringList dataDirectories()
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("OPSDECK_DATA_DIR");
    if (!fromEnvironment.isEmpty())
        candidates << fromEnvironment;
    const QString exeDir = executableDirectory();
    if (!exeDir.isEmpty())
        candidates << QDir(exeDir).filePath(QStringLiteral("../share/opsdeck"));
    candidates << QStringLiteral(OPSDECK_SOURCE_DATA_DIR) << QStringLiteral(OPSDECK_INSTALL_DATA_DIR);

    QStringList existing;
    for (const QString &candidate : std::as_const(candidates)) {
        const QFileInfo info(candidate);
        const QString path = info.canonicalFilePath();
        if (info.isDir() && !existing.contains(path))
            existing << path;
    }
    return existing;
}

QString findDataFile(const QString &relativePath)
{
    for (const QString &root : dataDirectories()) {
        const QFileInfo info(QDir(root).filePath(relativePath));
        if (info.isFile())
            return info.absoluteFilePath();
    }
    return {};
}

} // namespace opsdeck::model
