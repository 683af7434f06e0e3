// A short story, time-scaled, run against the real demo: each step changes the
// system as it says — a radio failure re-routes the flow around the failed
// relay, a slow replica makes timeouts appear on the orders -> payments edge,
// a spot interruption shows in billing's line items — and recover undoes it.
// The steps double as bookmarks: jumpTo() brings the system to a step's state.

#include "app/demosystem.h"
#include "backends/billing/billingbackend.h"
#include "backends/mesh/mesh.h"
#include "backends/sim/simmember.h"
#include "tests/bridge/bridgetestclient.h"
#include "tests/demo/demotestclients.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace opsdeck;

namespace {

constexpr std::uint32_t kDomain = 82; // own DDS domain: never meets other test executables
constexpr std::uint32_t kZurichGeneva = 1; // flow id in alps-60.scenario

const char *kStory = R"(name short-test
duration 60
loop no
cost_time_scale 60
at 0 Start
  say the system is live
at 1 Radio failure
  severity warning
  say the first relay of zurich-geneva loses its radio
  fail_radio route:zurich-geneva
at 2 Slow payments
  slow payments-1 450
at 3 Spot interrupted
  severity critical
  spot_interrupt
at 40 Recovery
  recover
)";

} // namespace

class TestDemoStoryRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile f(m_dir.filePath(QStringLiteral("short.story")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kStory);
    }

    void stepsActOnTheRealBackends()
    {
        app::DemoOptions o;
        o.domain = kDomain;
        o.storyFile = m_dir.filePath(QStringLiteral("short.story"));
        o.startStory = false; // the test starts it once its clients are connected
        o.costFlushMs = 250;
        o.trafficRate = 40;
        app::DemoSystem demo(o);
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(error));
        const model::ConnectionSettings endpoints = demo.endpoints();

        test::BridgeTestClient bridge(
            test::plainChannel(test::hostPort(endpoints.bridge.url)), endpoints.bridge.token.toStdString());
        bridge.subscribe({});
        test::CallReader calls(test::hostPort(endpoints.telemetry.url));
        test::ChargeReader charges(test::hostPort(endpoints.billing.url));
        // The flow needs relays (the ground stations are beyond each other's horizon).
        QTRY_VERIFY_WITH_TIMEOUT(demo.sim()->routeHops("zurich-geneva").size() >= 3, test::timeoutMs(10000));
        QTRY_VERIFY_WITH_TIMEOUT(bridge.with([](const auto &s) {
            const auto it = s.routes.find(kZurichGeneva);
            return it != s.routes.end() && it->second.reachable();
        }),
            test::timeoutMs(10000));
        QTRY_VERIFY_WITH_TIMEOUT(charges.spotRows("mesh/payments-2") > 0, test::timeoutMs(10000));
        QCOMPARE(calls.timeouts("orders", "payments"), std::uint64_t(0));

        app::DemoStory *story = demo.story();
        QVERIFY(story);
        QCOMPARE(story->steps().size(), std::size_t(5));
        QSignalSpy steps(story, &app::DemoStory::stepStarted);
        QSignalSpy bookmarks(&demo, &app::DemoSystem::bookmark);
        QSignalSpy failures(story, &app::DemoStory::actionFailed);
        story->start();

        // Step 1: the relay's radio fails; its node is FAILED on the bridge,
        // its links go down and the route no longer passes through it.
        QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 2, test::timeoutMs(5000));
        QCOMPARE(steps.at(1).at(1).toString(), QStringLiteral("Radio failure"));
        QCOMPARE(steps.at(1).at(3).toInt(), 1);
        QCOMPARE(bookmarks.count(), steps.count());
        QCOMPARE(bookmarks.at(1).at(0).toString(), QStringLiteral("Radio failure"));
        QVERIFY2(failures.isEmpty(), failures.isEmpty() ? "" : qPrintable(failures.at(0).at(1).toString()));
        std::uint32_t failed = 0;
        QTRY_VERIFY_WITH_TIMEOUT(bridge.with([&](const auto &s) {
            for (const auto &[id, n] : s.nodes)
                if (n.status() == opsdeck::v1::NODE_STATUS_FAILED) {
                    failed = id;
                    return true;
                }
            return false;
        }),
            test::timeoutMs(5000));
        QTRY_VERIFY_WITH_TIMEOUT(bridge.with([&](const auto &s) {
            for (const auto &[key, l] : s.links)
                if (key.first == failed || key.second == failed)
                    return false;
            const auto &hops = s.routes.at(kZurichGeneva).hops();
            return std::find(hops.begin(), hops.end(), failed) == hops.end();
        }),
            test::timeoutMs(5000));

        // Step 2: payments-1 answers after its deadline: timeouts on orders -> payments.
        QTRY_VERIFY_WITH_TIMEOUT(calls.timeouts("orders", "payments") >= 3, test::timeoutMs(15000));

        // Step 3: spot capacity is reclaimed; the spot replicas' and aircraft's
        // line items turn from Dynamic to Standard (on demand).
        QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 4, test::timeoutMs(5000));
        const std::int64_t interruptedAt = demo.costs()->billedNowNs();
        QTRY_VERIFY_WITH_TIMEOUT(
            charges.last("mesh/payments-2").pricing_category() == opsdeck::v1::PRICING_CATEGORY_STANDARD,
            test::timeoutMs(5000));
        const std::uint64_t spotRowsAtInterrupt = charges.spotRows("mesh/payments-2");
        QTRY_VERIFY_WITH_TIMEOUT(charges.items() > 0 && demo.costs()->flushes() >= 4, test::timeoutMs(5000));
        const std::uint64_t flushes = demo.costs()->flushes();
        QTRY_VERIFY_WITH_TIMEOUT(demo.costs()->flushes() >= flushes + 2, test::timeoutMs(5000));
        QCOMPARE(charges.spotRows("mesh/payments-2"), spotRowsAtInterrupt); // no spot usage while interrupted
        QCOMPARE(charges.last("mesh/payments-1").pricing_category(), opsdeck::v1::PRICING_CATEGORY_STANDARD);
        QVERIFY(demo.costs()->spotInterrupted());
        // The cost mix shifts: an instance-hour costs more once spot runs on demand
        // (default price book: 0.056/h on average before, 0.097/h after).
        const std::int64_t window = 30'000'000'000; // billed time (half a real second at 60x)
        const double before
            = charges.pricePerInstanceHour(interruptedAt - 4 * window, interruptedAt - window);
        QVERIFY(before > 0);
        double after = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            (after = charges.pricePerInstanceHour(interruptedAt, INT64_MAX)) > 1.5 * before,
            test::timeoutMs(5000));
        qInfo() << "effective cost per instance-hour before" << before << "after" << after;
        QCOMPARE(demo.billing()->usageErrors(), std::uint64_t(0));

        // Bookmark: jump to the recovery step (the presenter's menu does this).
        QVERIFY(story->jumpTo(4));
        QCOMPARE(story->currentStep(), 4);
        QVERIFY(!demo.costs()->spotInterrupted());
        QTRY_VERIFY_WITH_TIMEOUT(
            charges.last("mesh/payments-2").pricing_category() == opsdeck::v1::PRICING_CATEGORY_DYNAMIC,
            test::timeoutMs(5000));
        QTRY_VERIFY_WITH_TIMEOUT(bridge.with([&](const auto &s) {
            return s.nodes.at(failed).status() == opsdeck::v1::NODE_STATUS_OK;
        }),
            test::timeoutMs(5000));
        // payments-1 is fast again: no fault left on it.
        QVERIFY(demo.mesh()->activeFaults("payments", "payments-1").empty());
        const std::uint64_t settled = calls.timeouts("orders", "payments");
        QVERIFY(settled >= 3);

        // Jumping back to an earlier bookmark re-applies what came before it.
        QVERIFY(story->jumpTo(2));
        QVERIFY(!demo.costs()->spotInterrupted());
        QVERIFY(!demo.mesh()->activeFaults("payments", "payments-1").empty());
        QTRY_VERIFY_WITH_TIMEOUT(calls.timeouts("orders", "payments") > settled, test::timeoutMs(15000));
        qInfo() << "longest cost flush on the GUI thread:" << demo.costs()->maxFlushUs() << "us over"
                << demo.costs()->flushes() << "flushes";
        QVERIFY(!story->jumpTo(5));
        QVERIFY(!story->jumpTo(-1));
        demo.stop();
    }

    void unknownNodeIsReportedWithItsLine()
    {
        QFile f(m_dir.filePath(QStringLiteral("ghost.story")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "name ghost\nloop no\nduration 1\nat 0 Ghost\n  fail_radio NO-SUCH-PLANE\n  outage payments-7\n");
        f.close();
        app::DemoOptions o;
        o.domain = kDomain;
        o.storyFile = f.fileName();
        o.startSimulation = false;
        o.startStory = false;
        app::DemoSystem demo(o);
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(error));
        QSignalSpy failures(demo.story(), &app::DemoStory::actionFailed);
        QSignalSpy finished(demo.story(), &app::DemoStory::finished);
        demo.story()->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, test::timeoutMs(5000));
        QCOMPARE(failures.count(), 2);
        QCOMPARE(failures.at(0).at(1).toString(),
            QStringLiteral("ghost.story:5: fail_radio: no node named 'NO-SUCH-PLANE' in the simulation"));
        QCOMPARE(failures.at(1).at(1).toString(),
            QStringLiteral("ghost.story:6: outage: the mesh has no replica 'payments-7' (payments has 3)"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestDemoStoryRun)
#include "tst_demostoryrun.moc"
