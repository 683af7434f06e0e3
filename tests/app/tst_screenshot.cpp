#include "tests/testscale.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Runs the real console binary, as a user or scripts/demo.sh would.
class TestScreenshot : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Own settings, so no saved layout or window size of the machine leaks in.
        env.insert("XDG_CONFIG_HOME", m_home.filePath("config"));
        env.insert("QT_QPA_PLATFORM", "xcb");
        return env;
    }

    int run(const QStringList &args, QByteArray *output)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(OPSDECK_BINARY, args);
        if (!process.waitForFinished(scaledTimeout(45000))) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        *output = process.readAll();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    }

private Q_SLOTS:
    void writesAPngOfTheWindow()
    {
        const QString png = m_home.filePath("shot.png");
        QByteArray output;
        QCOMPARE(run({ "--size", "1200x760", "--layout", "Operator", "--screenshot", png }, &output), 0);
        QVERIFY2(output.contains("wrote"), output.constData());
        const QImage image(png);
        QVERIFY2(!image.isNull(), output.constData());
        QCOMPARE(image.size(), QSize(1200, 760));
        // The 3D view drew the grid into the picture: pixels of the light
        // palette's major grid line (#8c99a8) and east axis (#d63026) exist.
        int grid = 0, east = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QRgb p = image.pixel(x, y);
                grid
                    += qAbs(qRed(p) - 0x8c) <= 2 && qAbs(qGreen(p) - 0x99) <= 2 && qAbs(qBlue(p) - 0xa8) <= 2;
                east
                    += qAbs(qRed(p) - 0xd6) <= 2 && qAbs(qGreen(p) - 0x30) <= 2 && qAbs(qBlue(p) - 0x26) <= 2;
            }
        }
        QVERIFY2(grid > 500, qPrintable(QString("grid pixels: %1").arg(grid)));
        QVERIFY2(east > 100, qPrintable(QString("east axis pixels: %1").arg(east)));
    }

    void unwritablePathFailsWithAMessage()
    {
        QByteArray output;
        const int code = run({ "--size", "800x600", "--screenshot", "/nonexistent-dir/shot.png" }, &output);
        QVERIFY2(code != 0 && code > 0, output.constData());
        QVERIFY2(output.contains("cannot write /nonexistent-dir/shot.png"), output.constData());
    }

    void helpAndVersionNeedNoDisplay()
    {
        QProcess process;
        QProcessEnvironment env = environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("QT_QPA_PLATFORM");
        process.setProcessEnvironment(env);
        for (const char *option : { "--help", "--version" }) {
            process.start(OPSDECK_BINARY, { option });
            QVERIFY(process.waitForFinished(scaledTimeout(20000)));
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            QCOMPARE(process.exitCode(), 0);
            const QByteArray out = process.readAllStandardOutput();
            QVERIFY2(
                out.contains(qstrcmp(option, "--help") == 0 ? "Usage: opsdeck" : "opsdeck " OPSDECK_VERSION),
                out.constData());
        }
    }

    void badOptionFailsBeforeAnyWindow()
    {
        QByteArray output;
        QCOMPARE(run({ "--theme", "neon" }, &output), 1);
        QVERIFY2(output.contains("'neon' is not a theme"), output.constData());
    }
};

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
