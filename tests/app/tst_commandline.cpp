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
                 "--screenshot", "--fullscreen", "--theme", "--layout", "--version" })
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
