// The simulation engine without DDS: scenario files with clear line-numbered
// errors, determinism per seed, the spatial grid against brute force, routes
// over live links, geodetic/ENU round trips and a 10,000-aircraft step.
#include "backends/sim/geo.h"
#include "backends/sim/scenario.h"
#include "backends/sim/simengine.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>

using namespace opsdeck::sim;

namespace {

const char *kScenario = R"(
# test scenario
name      grid
seed      3
origin    46.8 8.2
region    300000 300000
aircraft  80
radio_range 70000
ground 1 GS-A 46.3 7.3 500
plan   2 CAL 230  47.4 7.0 10000  46.2 9.5 11000
flow   1 1 2 ground-to-cal
random_flows 8
)";

Scenario parsed(const char *text)
{
    std::string error;
    auto s = parseScenario(text, "test", &error);
    if (!s)
        qFatal("%s", error.c_str());
    return *s;
}

void advance(SimEngine &engine, int steps, std::int64_t dtNs = 500'000'000)
{
    for (int i = 0; i < steps; ++i)
        engine.advanceTo(engine.step() + 1, engine.simTimeNs() + dtNs);
}

} // namespace

class TestSimEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenarioErrorsNameFileAndLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown keyword") << "name x\nwings 2\n"
                                         << "f.scenario:2: unknown keyword 'wings'";
        QTest::newRow("not a number")
            << "\n\naircraft many\n"
            << "f.scenario:3: aircraft count must be a non-negative integer, got 'many'";
        QTest::newRow("too many") << "aircraft 20000\n"
                                  << "f.scenario:1: aircraft count must be within [0, 10000], got 20000";
        QTest::newRow("latitude") << "ground 1 X 95 8 0\n"
                                  << "f.scenario:1: latitude (degrees) must be within [-90, 90], got 95";
        QTest::newRow("arity") << "origin 46\n"
                               << "f.scenario:1: 'origin' expects: origin <lat> <lon>";
        QTest::newRow("speed order")
            << "speed 300 200\n"
            << "f.scenario:1: maximum speed (m/s) must be within [300, 1000], got 200";
        QTest::newRow("plan one waypoint") << "plan 1 A 200 46 8 9000\n"
                                           << "f.scenario:1: 'plan' expects";
        QTest::newRow("duplicate id") << "ground 1 A 46 8 0\nground 1 B 46 8 0\n"
                                      << "f.scenario:2: node id 1 is used twice";
        QTest::newRow("flow to nowhere") << "aircraft 5\nflow 1 1 99\n"
                                         << "f.scenario:2: flow 1 names node 99";
        QTest::newRow("self flow") << "flow 1 3 3\n"
                                   << "f.scenario:1: a flow's source and destination must differ";
        QTest::newRow("no nodes") << "aircraft 0\n"
                                  << "f.scenario: the scenario has no nodes";
    }
    void scenarioErrorsNameFileAndLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        std::string error;
        QVERIFY(!parseScenario(text.toStdString(), "f.scenario", &error));
        QVERIFY2(QString::fromStdString(error).startsWith(expected), error.c_str());
    }

    void shippedScenarioParses()
    {
        std::string error;
        const QString root = qEnvironmentVariable("OPSDECK_SOURCE_DIR");
        QVERIFY(!root.isEmpty());
        const auto s = loadScenarioFile(
            (root + QStringLiteral("/resources/scenarios/alps-60.scenario")).toStdString(), &error);
        QVERIFY2(s, error.c_str());
        QCOMPARE(s->aircraft, 60);
        QCOMPARE(s->ground.size(), 2u);
        QVERIFY(!loadScenarioFile("/nonexistent.scenario", &error));
        QVERIFY(error.find("cannot open") != std::string::npos);
    }

    void geodeticEnuRoundTrip()
    {
        const LocalFrame frame({ 46.8, 8.2, 0 });
        const Geodetic g { 47.5, 9.4, 11000 };
        const Vec3 e = frame.toEnu(g);
        const Geodetic back = frame.toGeodetic(e);
        QVERIFY(std::abs(back.latDeg - g.latDeg) < 1e-9);
        QVERIFY(std::abs(back.lonDeg - g.lonDeg) < 1e-9);
        QVERIFY(std::abs(back.altM - g.altM) < 1e-3);
        QVERIFY(e.x > 80000 && e.y > 70000); // north-east of the origin
        const Vec3 a = frame.enuAtAltitude(150000, -90000, 9000);
        QVERIFY(std::abs(frame.toGeodetic(a).altM - 9000) < 0.01);
        QVERIFY(a.z < 9000); // the tangent plane rises above the ellipsoid away from the origin
    }

    void deterministicPerSeed()
    {
        SimEngine a(parsed(kScenario), 3), b(parsed(kScenario), 3), c(parsed(kScenario), 4);
        advance(a, 40);
        advance(b, 40);
        advance(c, 40);
        QCOMPARE(a.nodes().size(), b.nodes().size());
        bool differs = false;
        for (std::size_t i = 0; i < a.nodes().size(); ++i) {
            QCOMPARE(a.nodes()[i].geo.latDeg, b.nodes()[i].geo.latDeg);
            QCOMPARE(a.nodes()[i].geo.lonDeg, b.nodes()[i].geo.lonDeg);
            differs = differs || a.nodes()[i].geo.latDeg != c.nodes()[i].geo.latDeg;
        }
        QVERIFY(differs);
        QCOMPARE(a.links().size(), b.links().size());
        for (std::size_t i = 0; i < a.routes().size(); ++i)
            QCOMPARE(a.routes()[i].hops, b.routes()[i].hops);
        // reset() returns to the same step-0 world.
        SimEngine fresh(parsed(kScenario), 3);
        a.reset();
        QCOMPARE(a.step(), 0u);
        for (std::size_t i = 0; i < a.nodes().size(); ++i)
            QCOMPARE(a.nodes()[i].geo.latDeg, fresh.nodes()[i].geo.latDeg);
    }

    void aircraftFlyAtTheirSpeed()
    {
        SimEngine engine(parsed(kScenario), 3);
        const auto before = engine.nodes();
        advance(engine, 1, 1'000'000'000);
        for (std::size_t i = 0; i < before.size(); ++i) {
            const SimNode &n = engine.nodes()[i];
            if (n.kind == NodeKind::GroundStation) {
                QCOMPARE(n.geo.latDeg, before[i].geo.latDeg);
                continue;
            }
            const double moved
                = std::hypot(n.enu.x - before[i].enu.x, n.enu.y - before[i].enu.y, n.enu.z - before[i].enu.z);
            QVERIFY2(moved <= n.speedMps * 1.01 + 1 && moved > 10, qPrintable(QString::number(moved)));
            QVERIFY(n.headingDeg >= 0 && n.headingDeg < 360);
            QVERIFY(n.geo.altM > 5000 && n.geo.altM < 13000);
        }
    }

    void gridFindsExactlyTheBruteForceLinks()
    {
        SimEngine engine(parsed(kScenario), 3);
        for (int round = 0; round < 5; ++round) {
            const auto brute = engine.linksBruteForce();
            QVERIFY(!brute.empty());
            QCOMPARE(engine.links().size(), brute.size());
            for (std::size_t i = 0; i < brute.size(); ++i) {
                QCOMPARE(engine.links()[i].a, brute[i].a);
                QCOMPARE(engine.links()[i].b, brute[i].b);
                QVERIFY(brute[i].distanceM <= 70000);
                QVERIFY(brute[i].quality >= 0 && brute[i].quality <= 1);
            }
            advance(engine, 20);
        }
    }

    void routesUseLiveLinksAndReportUnreachable()
    {
        SimEngine engine(parsed(kScenario), 3);
        int reachable = 0, unreachable = 0;
        for (int round = 0; round < 10; ++round) {
            std::set<std::pair<std::uint32_t, std::uint32_t>> links;
            for (const SimLink &l : engine.links())
                links.insert({ l.a, l.b });
            for (const SimRoute &r : engine.routes()) {
                if (!r.reachable) {
                    QVERIFY(r.hops.empty());
                    ++unreachable;
                    continue;
                }
                ++reachable;
                QCOMPARE(r.hops.front(), r.src);
                QCOMPARE(r.hops.back(), r.dst);
                double cost = 0;
                for (std::size_t i = 0; i + 1 < r.hops.size(); ++i) {
                    const auto key = std::make_pair(
                        std::min(r.hops[i], r.hops[i + 1]), std::max(r.hops[i], r.hops[i + 1]));
                    QVERIFY(links.count(key));
                    for (const SimLink &l : engine.links())
                        if (l.a == key.first && l.b == key.second)
                            cost += l.cost;
                }
                QVERIFY(std::abs(cost - r.cost) < 1e-9);
            }
            advance(engine, 30);
        }
        QVERIFY(reachable > 0);
        // An isolated node: its flows are unreachable.
        Scenario lonely
            = parsed("aircraft 0\nground 1 A 46 8 0\nground 2 B 10 8 0\nflow 1 1 2\nrandom_flows 0\n");
        SimEngine island(lonely, 1);
        QCOMPARE(island.routes().size(), 1u);
        QVERIFY(!island.routes()[0].reachable);
        QVERIFY(island.links().empty());
        Q_UNUSED(unreachable);
    }

    void injectedRadioAndLinkFailuresReroute()
    {
        // The demo's story fails a relay's radio or a link; the route goes around it.
        SimEngine engine(parsed(kScenario), 3);
        const SimRoute *route = nullptr;
        for (int round = 0; round < 40 && !route; ++round) {
            for (const SimRoute &r : engine.routes())
                if (r.reachable && r.hops.size() >= 3)
                    route = &r;
            if (!route)
                advance(engine, 5);
        }
        QVERIFY(route);
        const std::uint32_t flow = route->flowId;
        const std::uint32_t relay = route->hops[1];
        const std::pair<std::uint32_t, std::uint32_t> firstLink = std::minmax(route->hops[0], route->hops[1]);
        auto routeOf = [&]() -> const SimRoute & {
            for (const SimRoute &r : engine.routes())
                if (r.flowId == flow)
                    return r;
            qFatal("flow vanished");
        };
        auto touches = [&](std::uint32_t node) {
            for (const SimLink &l : engine.links())
                if (l.a == node || l.b == node)
                    return true;
            return false;
        };
        QVERIFY(touches(relay));

        QVERIFY(engine.setRadioFailed(relay, true));
        QVERIFY(!touches(relay));
        const auto &hops = routeOf().hops;
        QVERIFY(std::find(hops.begin(), hops.end(), relay) == hops.end());
        QCOMPARE(engine.linksBruteForce().size(), engine.links().size());
        advance(engine, 2); // stays failed while the world moves
        QVERIFY(!touches(relay));
        QVERIFY(engine.setRadioFailed(relay, false));
        QVERIFY(touches(relay));

        QVERIFY(engine.setLinkBlocked(firstLink.second, firstLink.first, true)); // either order
        for (const SimLink &l : engine.links())
            QVERIFY(!(l.a == firstLink.first && l.b == firstLink.second));
        const auto &r = routeOf();
        for (std::size_t i = 0; i + 1 < r.hops.size(); ++i)
            QVERIFY((
                std::pair<std::uint32_t, std::uint32_t>(std::minmax(r.hops[i], r.hops[i + 1])) != firstLink));
        QVERIFY(engine.setLinkBlocked(firstLink.first, firstLink.second, false));

        QVERIFY(!engine.setRadioFailed(999999, true));
        QVERIFY(!engine.setLinkBlocked(relay, relay, true));
        QVERIFY(!engine.setLinkBlocked(relay, 999999, true));
        engine.setRadioFailed(relay, true);
        engine.reset(); // back to the scenario's world: nothing failed
        for (const SimNode &n : engine.nodes())
            QVERIFY(n.status != NodeStatus::Failed);
    }

    void tenThousandAircraft()
    {
        Scenario big = parsed(kScenario);
        big.aircraft = 10000;
        big.regionEastM = big.regionNorthM = 3'000'000;
        big.radioRangeM = 40000;
        big.randomFlows = 50;
        SimEngine engine(big, 9);
        QCOMPARE(engine.nodes().size(), 10002u);
        QVERIFY(engine.links().size() > 1000);
        advance(engine, 3);
        QCOMPARE(engine.step(), 3u);
        QCOMPARE(engine.routes().size(), 51u);
        for (const SimNode &n : engine.nodes())
            QVERIFY(std::isfinite(n.geo.latDeg) && std::isfinite(n.geo.lonDeg) && std::isfinite(n.geo.altM));
    }
};

QTEST_GUILESS_MAIN(TestSimEngine)
#include "tst_simengine.moc"
