#pragma once

#include <QString>
#include <QStringList>

namespace opsdeck::model {

// Where OpsDeck's editable data files live: scenarios, demo stories, the
// price book, mesh scenarios, the bridge config, the loopback DDS config.
// Paths are relative to the data root, e.g. "scenarios/alps-60.scenario".
//
// The roots, in the order they are tried:
//  1. $OPSDECK_DATA_DIR (the user's own copy);
//  2. <directory of the executable>/../share/opsdeck (an installed or
//     relocated package: /usr, /opt/opsdeck, a tarball unpacked anywhere);
//  3. the source tree's resources/ (a build-tree binary, so edits to the
//     files are seen without installing);
//  4. the configured install prefix's share/opsdeck.
// Roots that do not exist are left out.
QStringList dataDirectories();

// The first existing file called `relativePath` under dataDirectories(), or
// an empty string.
QString findDataFile(const QString &relativePath);

} // namespace opsdeck::model
