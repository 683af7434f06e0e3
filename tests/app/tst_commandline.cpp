#include "app/commandline.h"

#include <QTemporaryFile>
#include <QTest>

using opsdeck::app::CommandLine;
using opsdeck::app::parseCommandLine;

namespace {
CommandLine parse(QStringList args)
{
    args.prepend("opsdeck");
    return parseCommandLine(args);
}
} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const CommandLine cli = parse({});
        QCOMPARE(cli.action, CommandLine::Action::Run);
        const auto &o = cli.options;
        QVERIFY(!o.demo && !o.fullscreen);
        QVERIFY(o.replayFile.isEmpty() && o.bridgeUrl.isEmpty() && o.screenshotFile.isEmpty());
        QVERIFY(!o.theme);
        QVERIFY(o.layout.isEmpty());
        QVERIFY(!o.windowSize.isValid());
    }

    void everyOption()
    {
        QTemporaryFile recording;
        QVERIFY(recording.open());
        const CommandLine cli = parse({ "--demo", "--replay", recording.fileName(), "--bridge",
            "grpc://127.0.0.1:50051", "--telemetry", "127.0.0.1:50052", "--billing",
            "grpcs://billing.example:443", "--token", "s3cret", "--screenshot", "/tmp/x.png", "--fullscreen",
            "--theme", "Dark", "--layout", "presenter", "--size", "1600x1000" });
        QCOMPARE(cli.action, CommandLine::Action::Run);
        const auto &o = cli.options;
        QVERIFY(o.demo);
        QCOMPARE(o.replayFile, recording.fileName());
        QCOMPARE(o.bridgeUrl, QString("grpc://127.0.0.1:50051"));
        QCOMPARE(o.telemetryUrl, QString("127.0.0.1:50052"));
        QCOMPARE(o.billingUrl, QString("grpcs://billing.example:443"));
        QCOMPARE(o.token, QString("s3cret"));
        QCOMPARE(o.screenshotFile, QString("/tmp/x.png"));
        QVERIFY(o.fullscreen);
        QCOMPARE(o.theme, std::optional(opsdeck::widgets::ThemeKind::Dark));
        QCOMPARE(o.layout, QString("Presenter"));
        QCOMPARE(o.windowSize, QSize(1600, 1000));
    }

    void helpAndVersion()
    {
        const CommandLine help = parse({ "--help" });
        QCOMPARE(help.action, CommandLine::Action::ShowHelp);
        for (const char *option : { "--demo", "--replay", "--bridge", "--telemetry", "--billing", "--token",
                 "--screenshot", "--fullscreen", "--theme", "--layout", "--version", "--record",
                 "--split-size", "--split-minutes", "--demo-domain" })
            QVERIFY2(help.text.contains(option), option);
        const CommandLine version = parse({ "--version" });
        QCOMPARE(version.action, CommandLine::Action::ShowVersion);
        QCOMPARE(version.text, QString("opsdeck " OPSDECK_VERSION));
    }

    void badValues_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("bridge scheme")
            << QStringList { "--bridge", "http://x:1" } << "--bridge: 'http://x:1': unknown scheme";
        QTest::newRow("telemetry port")
            << QStringList { "--telemetry", "localhost:0" } << "port must be 1-65535";
        QTest::newRow("billing no port")
            << QStringList { "--billing", "grpcs://billing" } << "expected host:port";
        QTest::newRow("theme") << QStringList { "--theme", "solarized" } << "'solarized' is not a theme";
        QTest::newRow("layout") << QStringList { "--layout", "Cockpit" }
                                << "use one of Operator, Analyst, Presenter";
        QTest::newRow("replay missing")
            << QStringList { "--replay", "/nonexistent/run.opsrec" } << "no such file";
        QTest::newRow("size") << QStringList { "--size", "big" } << "--size: 'big' is not a window size";
        QTest::newRow("size small") << QStringList { "--size", "10x10" } << "is not a window size";
        QTest::newRow("unknown option") << QStringList { "--frobnicate" } << "Unknown option 'frobnicate'";
        QTest::newRow("missing value") << QStringList { "--bridge" } << "Missing value after '--bridge'";
        QTest::newRow("positional") << QStringList { "extra" } << "Unexpected argument: extra";
        QTest::newRow("empty token") << QStringList { "--token", "" } << "the token is empty";
        QTest::newRow("split without record")
            << QStringList { "--split-size", "10" } << "needs --record FILE";
        QTest::newRow("split not a number") << QStringList { "--record", "/nonexistent-dir/x.opsrec",
            "--split-minutes", "ten" } << "'ten' is not a positive whole number";
        QTest::newRow("demo domain without demo")
            << QStringList { "--demo-domain", "40" } << "--demo-domain needs --demo";
        QTest::newRow("demo domain range")
            << QStringList { "--demo", "--demo-domain", "233" } << "'233' is not a DDS domain (0-232)";
        QTest::newRow("record and demo")
            << QStringList { "--record", "/nonexistent-dir/x.opsrec", "--demo" } << "cannot be combined";
    }

    void demoDomain()
    {
        const CommandLine cli = parse({ "--demo", "--demo-domain", "84" });
        QCOMPARE(cli.action, CommandLine::Action::Run);
        QCOMPARE(cli.options.demoDomain, 84);
        QCOMPARE(parse({ "--demo" }).options.demoDomain, -1);
    }

    void headlessRecorderOptions()
    {
        const CommandLine cli = parse({ "--record", "/nonexistent-dir/run.opsrec", "--bridge",
            "127.0.0.1:50051", "--split-size", "64", "--split-minutes", "30" });
        QCOMPARE(cli.action, CommandLine::Action::Run);
        QCOMPARE(cli.options.recordFile, QString("/nonexistent-dir/run.opsrec"));
        QCOMPARE(cli.options.splitMegabytes, 64);
        QCOMPARE(cli.options.splitMinutes, 30);
        // An existing file is never overwritten.
        QTemporaryFile existing;
        QVERIFY(existing.open());
        const CommandLine refused = parse({ "--record", existing.fileName() });
        QCOMPARE(refused.action, CommandLine::Action::Error);
        QVERIFY2(refused.text.contains("never overwritten"), qPrintable(refused.text));
    }

    void badValues()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CommandLine cli = parse(args);
        QCOMPARE(cli.action, CommandLine::Action::Error);
        QVERIFY2(cli.text.contains(message), qPrintable(cli.text));
        QVERIFY(cli.text.contains("--help"));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
