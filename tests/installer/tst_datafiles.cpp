// model::findDataFile: the user's OPSDECK_DATA_DIR first, then the tree next
// to the executable (an installed or unpacked package), then the source tree.
#include "model/datafiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestDataFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { qunsetenv("OPSDECK_DATA_DIR"); }

    void findsTheSourceTreesFilesFromABuildTree()
    {
        // This test binary lives in the build tree: no share/opsdeck beside it.
        const QString scenario = opsdeck::model::findDataFile(QStringLiteral("scenarios/alps-60.scenario"));
        QVERIFY(!scenario.isEmpty());
        QCOMPARE(QFileInfo(scenario).canonicalFilePath(),
            QFileInfo(qEnvironmentVariable("OPSDECK_SOURCE_DIR")
                + QStringLiteral("/resources/scenarios/alps-60.scenario"))
                .canonicalFilePath());
        QVERIFY(!opsdeck::model::findDataFile(QStringLiteral("billing/pricebook.conf")).isEmpty());
        QVERIFY(!opsdeck::model::findDataFile(QStringLiteral("dds/cyclonedds-loopback.xml")).isEmpty());
    }

    void userDirectoryWins()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("scenarios")));
        QFile own(dir.filePath(QStringLiteral("scenarios/alps-60.scenario")));
        QVERIFY(own.open(QIODevice::WriteOnly));
        own.write("# the user's edited copy\n");
        own.close();
        qputenv("OPSDECK_DATA_DIR", QFile::encodeName(dir.path()));
        QCOMPARE(opsdeck::model::dataDirectories().constFirst(), QFileInfo(dir.path()).canonicalFilePath());
        QCOMPARE(opsdeck::model::findDataFile(QStringLiteral("scenarios/alps-60.scenario")),
            QFileInfo(own).absoluteFilePath());
        // Files the user did not copy still come from the next root.
        QVERIFY(!opsdeck::model::findDataFile(QStringLiteral("billing/pricebook.conf")).isEmpty());
    }

    void missingFilesAndDirectoriesAreEmpty()
    {
        qputenv("OPSDECK_DATA_DIR", "/nonexistent/opsdeck-data");
        QVERIFY(!opsdeck::model::dataDirectories().contains(QStringLiteral("/nonexistent/opsdeck-data")));
        QVERIFY(opsdeck::model::findDataFile(QStringLiteral("scenarios/no-such.scenario")).isEmpty());
        // A directory is not a data file.
        QVERIFY(opsdeck::model::findDataFile(QStringLiteral("scenarios")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDataFiles)
#include "tst_datafiles.moc"
