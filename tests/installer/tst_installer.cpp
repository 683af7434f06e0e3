// Builds the .deb with cpack, unpacks it into a scratch root and runs the
// installed console and backends from there. Needs dpkg-dev (dpkg-shlibdeps),
// desktop-file-utils and appstream (scripts/packages.txt) and an X server
// (label gl: run under xvfb-run).
#include "tests/testscale.h"

#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestInstaller : public QObject
{
    Q_OBJECT

private:
    struct Result
    {
        int exitCode = -1;
        QString output;
    };

    // Runs a program to completion (stdout and stderr merged), or fails the test.
    Result run(const QString &program, const QStringList &arguments, int timeoutSeconds,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(m_scratch.path());
        process.start(program, arguments);
        Result result;
        if (!process.waitForStarted(10000)) {
            result.output = program + QStringLiteral(": ") + process.errorString();
            return result;
        }
        if (!process.waitForFinished(scaledTimeout(timeoutSeconds * 1000))) {
            process.kill();
            process.waitForFinished();
            result.output
                = program + QStringLiteral(" timed out: ") + QString::fromLocal8Bit(process.readAll());
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.output = QString::fromLocal8Bit(process.readAll());
        return result;
    }

    // The environment of a program run from the scratch root: its own HOME and
    // XDG dirs (nothing of the user's settings is read or written).
    QProcessEnvironment installedEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_scratch.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_scratch.filePath(QStringLiteral("home/.config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_scratch.filePath(QStringLiteral("home/.local/share")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        env.remove(QStringLiteral("OPSDECK_DATA_DIR"));
        return env;
    }

    QString installed(const QString &relative) const { return m_root + QStringLiteral("/usr/") + relative; }

    QTemporaryDir m_scratch;
    QString m_deb;
    QString m_root;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        QDir().mkpath(m_scratch.filePath(QStringLiteral("home/.config")));
        for (const char *tool : { "dpkg-deb", "dpkg-shlibdeps", "desktop-file-validate", "appstreamcli" }) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QFAIL(qPrintable(
                    QStringLiteral("%1 is missing (scripts/packages.txt)").arg(QLatin1String(tool))));
        }
        // cpack installs the build tree into its own staging dir under -B.
        const QString packages = m_scratch.filePath(QStringLiteral("packages"));
        const Result cpack = run(QStringLiteral(OPSDECK_CPACK),
            { QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                QStringLiteral(OPSDECK_BINARY_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), packages },
            240);
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.output));
        const QStringList debs = QDir(packages).entryList({ QStringLiteral("*.deb") }, QDir::Files);
        QCOMPARE(debs.size(), 1);
        m_deb = QDir(packages).filePath(debs.constFirst());
        QVERIFY2(m_deb.contains(QStringLiteral("opsdeck_" OPSDECK_VERSION)), qPrintable(m_deb));

        m_root = m_scratch.filePath(QStringLiteral("root"));
        const Result unpack = run(QStringLiteral("dpkg-deb"), { QStringLiteral("-x"), m_deb, m_root }, 60);
        QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.output));
    }

    void dependenciesComeFromTheSharedLibraries()
    {
        const Result depends
            = run(QStringLiteral("dpkg-deb"), { QStringLiteral("-f"), m_deb, QStringLiteral("Depends") }, 30);
        QCOMPARE(depends.exitCode, 0);
        // dpkg-shlibdeps found the libraries the binaries link...
        for (const char *package : { "libqt6widgets6", "libqt6charts6", "libopenscenegraph", "libgrpc++",
                 "libprotobuf", "libddsc", "libsqlite3", "libc6" })
            QVERIFY2(depends.output.contains(QLatin1String(package)),
                qPrintable(package + (QStringLiteral(" not in ") + depends.output)));
        // ...and the run-time plugins are listed by hand.
        QVERIFY(depends.output.contains(QLatin1String("qt6-qpa-plugins")));
        QVERIFY(depends.output.contains(QLatin1String("libqt6svg6")));
    }

    void installsProgramsAndData()
    {
        for (const char *program :
            { "opsdeck", "opsdeck-bridge", "opsdeck-sim", "opsdeck-mesh", "opsdeck-billing" })
            QVERIFY2(QFileInfo(installed(QStringLiteral("bin/") + QLatin1String(program))).isExecutable(),
                program);
        for (const char *file : { "dds/cyclonedds-loopback.xml", "billing/pricebook.conf",
                 "bridge/opsdeck-bridge.conf", "scenarios/alps-60.scenario", "mesh/default.json" })
            QVERIFY2(
                QFileInfo::exists(installed(QStringLiteral("share/opsdeck/") + QLatin1String(file))), file);
        // The installed price book is the one the billing backend accepts.
        const Result book = run(installed(QStringLiteral("bin/opsdeck-billing")),
            { QStringLiteral("--check-price-book"), QStringLiteral("--price-book"),
                installed(QStringLiteral("share/opsdeck/billing/pricebook.conf")) },
            30, installedEnvironment());
        QVERIFY2(book.exitCode == 0, qPrintable(book.output));
        // Every backend starts from the installed files (its libraries resolve).
        for (const char *program : { "opsdeck-bridge", "opsdeck-sim", "opsdeck-mesh" }) {
            const Result help = run(installed(QStringLiteral("bin/") + QLatin1String(program)),
                { QStringLiteral("--help") }, 30, installedEnvironment());
            QVERIFY2(help.exitCode == 0, qPrintable(program + (QStringLiteral(": ") + help.output)));
        }
    }

    void iconsInTheHicolorTheme()
    {
        QVERIFY(
            QFileInfo::exists(installed(QStringLiteral("share/icons/hicolor/scalable/apps/opsdeck.svg"))));
        for (const int size : { 16, 22, 24, 32, 48, 64, 128, 256 }) {
            const QImage icon(
                installed(QStringLiteral("share/icons/hicolor/%1x%1/apps/opsdeck.png").arg(size)));
            QCOMPARE(icon.size(), QSize(size, size));
            // Rendered, not blank: the centre of the icon is opaque.
            QCOMPARE(qAlpha(icon.pixel(size / 2, size / 2)), 255);
        }
    }

    void desktopEntryAndMetainfoValidate()
    {
        const QString desktop
            = installed(QStringLiteral("share/applications/invalid.opsdeck.OpsDeck.desktop"));
        const QString metainfo
            = installed(QStringLiteral("share/metainfo/invalid.opsdeck.OpsDeck.metainfo.xml"));
        QVERIFY(QFileInfo::exists(desktop));
        QVERIFY(QFileInfo::exists(metainfo));
        const Result entry = run(QStringLiteral("desktop-file-validate"), { desktop }, 30);
        QVERIFY2(entry.exitCode == 0 && entry.output.trimmed().isEmpty(), qPrintable(entry.output));
        const Result appstream = run(QStringLiteral("appstreamcli"),
            { QStringLiteral("validate"), QStringLiteral("--no-net"), metainfo }, 60);
        QVERIFY2(appstream.exitCode == 0, qPrintable(appstream.output));
    }

    void installedConsolePrintsItsVersion()
    {
        const Result version = run(installed(QStringLiteral("bin/opsdeck")), { QStringLiteral("--version") },
            30, installedEnvironment());
        QVERIFY2(version.exitCode == 0, qPrintable(version.output));
        QVERIFY2(version.output.contains(QLatin1String(OPSDECK_VERSION)), qPrintable(version.output));
    }

    void installedConsoleTakesAScreenshot()
    {
        const QString png = m_scratch.filePath(QStringLiteral("installed.png"));
        QStringList arguments
            = { QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("1024x700") };
        // The installed files alone run the whole demo system (in-process backends,
        // built-in story, scenario and price book) and wait for its network.
        // Its own DDS domain: other demo tests may run at the same time.
        arguments << QStringLiteral("--demo") << QStringLiteral("--demo-domain") << QStringLiteral("85");
        const Result shot
            = run(installed(QStringLiteral("bin/opsdeck")), arguments, 60, installedEnvironment());
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.output));
        QVERIFY2(!shot.output.contains(QLatin1String("could not start")), qPrintable(shot.output));
        const QImage image(png);
        QVERIFY2(!image.isNull(), qPrintable(shot.output));
        QCOMPARE(image.size(), QSize(1024, 700));
        // A screenshot run saves no settings (ARCHITECTURE.md).
        QVERIFY(!QFileInfo::exists(m_scratch.filePath(QStringLiteral("home/.config/OpsDeck/opsdeck.conf"))));
    }
};

QTEST_MAIN(TestInstaller)
#include "tst_installer.moc"
