// Story files: the format of docs/DEMO.md, and line-numbered errors for bad files.

#include "app/demostory.h"

#include <QtTest>

using opsdeck::app::DemoAction;
using opsdeck::app::DemoStoryScript;

class TestDemoStory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedTourParses()
    {
        const QString path
            = qEnvironmentVariable("OPSDECK_SOURCE_DIR") + QStringLiteral("/resources/demo/tour.story");
        QString error;
        const auto story = DemoStoryScript::load(path, &error);
        QVERIFY2(story, qPrintable(error));
        QCOMPARE(story->name, QStringLiteral("tour"));
        QVERIFY(story->loop);
        QVERIFY(story->steps.size() >= 5);
        // The steps the issue asks for: a radio failure, a slow replica, a spot interruption, a recovery.
        auto has = [&](DemoAction::Kind kind) {
            for (const auto &s : story->steps)
                for (const auto &a : s.actions)
                    if (a.kind == kind)
                        return true;
            return false;
        };
        QVERIFY(has(DemoAction::Kind::FailRadio));
        QVERIFY(has(DemoAction::Kind::Slow));
        QVERIFY(has(DemoAction::Kind::SpotInterrupt));
        QVERIFY(has(DemoAction::Kind::Recover));
        for (std::size_t i = 1; i < story->steps.size(); ++i)
            QVERIFY(story->steps[i - 1].atS <= story->steps[i].atS);
        QVERIFY(story->durationS >= story->steps.back().atS);
    }

    void parsesEveryStatement()
    {
        const QString text = QStringLiteral("# a comment\n"
                                            "name  short   # trailing comment\n"
                                            "duration 12\n"
                                            "loop no\n"
                                            "cost_time_scale 120\n"
                                            "\n"
                                            "at 0 First step title\n"
                                            "  say line one\n"
                                            "  say line two\n"
                                            "  severity critical\n"
                                            "  fail_radio SWR-CAL\n"
                                            "  restore_radio 17\n"
                                            "  fail_link ZRH-GS ODK104\n"
                                            "  restore_link route:zurich-geneva\n"
                                            "at 2.5 Second\n"
                                            "  slow payments-1 450\n"
                                            "  delay ledger 20 0.5\n"
                                            "  abort inventory 14 0.1\n"
                                            "  outage orders-2\n"
                                            "  traffic 60\n"
                                            "  spot_interrupt\n"
                                            "at 2.5 Same time\n"
                                            "  spot_restore\n"
                                            "  clear_faults\n"
                                            "  recover\n");
        QString error;
        const auto s = DemoStoryScript::parse(text, QStringLiteral("t.story"), &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->name, QStringLiteral("short"));
        QCOMPARE(s->durationS, 12.0);
        QVERIFY(!s->loop);
        QCOMPARE(s->costTimeScale, 120.0);
        QCOMPARE(s->steps.size(), std::size_t(3));
        const auto &first = s->steps[0];
        QCOMPARE(first.title, QStringLiteral("First step title"));
        QCOMPARE(first.text, QStringLiteral("line one line two"));
        QCOMPARE(first.severity, 2);
        QCOMPARE(first.line, 7);
        QCOMPARE(first.actions.size(), std::size_t(4));
        QCOMPARE(first.actions[0].kind, DemoAction::Kind::FailRadio);
        QCOMPARE(first.actions[0].node, QStringLiteral("SWR-CAL"));
        QCOMPARE(first.actions[0].line, 11);
        QCOMPARE(first.actions[2].node2, QStringLiteral("ODK104"));
        QCOMPARE(first.actions[3].node, QStringLiteral("route:zurich-geneva"));
        const auto &second = s->steps[1];
        QCOMPARE(second.atS, 2.5);
        QCOMPARE(second.actions[0].kind, DemoAction::Kind::Slow);
        QCOMPARE(second.actions[0].target, QStringLiteral("payments-1"));
        QCOMPARE(second.actions[0].delayMs, 450.0);
        QCOMPARE(second.actions[1].probability, 0.5);
        QCOMPARE(second.actions[2].status, 14);
        QCOMPARE(second.actions[3].kind, DemoAction::Kind::Outage);
        QCOMPARE(second.actions[4].rate, 60.0);
        QCOMPARE(s->steps[2].actions.back().kind, DemoAction::Kind::Recover);
    }

    void durationDefaultsToLastStep()
    {
        QString error;
        const auto s
            = DemoStoryScript::parse(QStringLiteral("at 0 a\nat 7 b\n"), QStringLiteral("x"), &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->durationS, 17.0); // the last step + 10 s
        QVERIFY(s->loop);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // the start of the error
        QTest::newRow("unknown keyword") << "at 0 a\n  explode now\n"
                                         << "bad.story:2: unknown keyword 'explode'";
        QTest::newRow("action before a step")
            << "name x\nfail_radio SWR-CAL\n"
            << "bad.story:2: 'fail_radio' must follow an 'at <seconds> <title>' line";
        QTest::newRow("time not a number") << "at soon hello\n"
                                           << "bad.story:1: at: 'soon' is not a time";
        QTest::newRow("negative time") << "at -3 hello\n"
                                       << "bad.story:1: at: '-3' is not a time";
        QTest::newRow("no title") << "\n\nat 5\n"
                                  << "bad.story:3: at expects";
        QTest::newRow("out of order") << "at 10 a\nat 5 b\n"
                                      << "bad.story:2: at 5 comes before the previous step";
        QTest::newRow("slow without delay") << "at 0 a\nslow payments-1\n"
                                            << "bad.story:2: slow expects";
        QTest::newRow("delay too long") << "at 0 a\nslow payments-1 999999\n"
                                        << "bad.story:2: slow: delay must be within";
        QTest::newRow("bad target") << "at 0 a\noutage Payments!\n"
                                    << "bad.story:2: outage: 'Payments!' is not a service";
        QTest::newRow("bad status") << "at 0 a\nabort payments 99\n"
                                    << "bad.story:2: abort: status must be";
        QTest::newRow("bad probability") << "at 0 a\ndelay ledger 5 1.5\n"
                                         << "bad.story:2: delay: probability";
        QTest::newRow("traffic too high") << "at 0 a\ntraffic 5000\n"
                                          << "bad.story:2: traffic: rate must be";
        QTest::newRow("bad loop") << "loop maybe\nat 0 a\n"
                                  << "bad.story:1: loop expects yes or no";
        QTest::newRow("bad scale") << "cost_time_scale 0\nat 0 a\n"
                                   << "bad.story:1: cost_time_scale must be";
        QTest::newRow("bad severity") << "at 0 a\nseverity doom\n"
                                      << "bad.story:2: severity expects";
        QTest::newRow("link one arg") << "at 0 a\nfail_link SWR-CAL\n"
                                      << "bad.story:2: fail_link with one argument";
        QTest::newRow("bad node") << "at 0 a\nfail_radio <node>\n"
                                  << "bad.story:2: fail_radio: '<node>' is not a node";
        QTest::newRow("extra argument") << "at 0 a\nrecover now\n"
                                        << "bad.story:2: recover expects: no arguments";
        QTest::newRow("step after duration") << "duration 10\nat 0 a\nat 20 b\n"
                                             << "bad.story:3: the step at 20 s is after the story's duration";
        QTest::newRow("no steps") << "name empty\n"
                                  << "bad.story: the story has no steps";
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!DemoStoryScript::parse(text, QStringLiteral("bad.story"), &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!DemoStoryScript::load(QStringLiteral("/nonexistent/x.story"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("/nonexistent/x.story: cannot read the story")),
            qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDemoStory)
#include "tst_demostory.moc"
