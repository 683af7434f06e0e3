// app::DemoSystem with the real backends: it starts quickly, a gRPC client
// sees nodes from the bridge, call batches from the mesh's telemetry and line
// items from billing; stop() leaves no port open and no thread behind.

#include "app/demosystem.h"
#include "backends/billing/billingbackend.h"
#include "backends/bridge/bridgeserver.h"
#include "backends/mesh/mesh.h"
#include "backends/sim/simmember.h"
#include "tests/bridge/bridgetestclient.h"
#include "tests/demo/demotestclients.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

using namespace opsdeck;

namespace {

constexpr std::uint32_t kDomain = 81; // own DDS domain: never meets other test executables

int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

bool acceptsConnections(const QString &url)
{
    const std::string hp = test::hostPort(url);
    const auto colon = hp.rfind(':');
    QTcpSocket socket;
    socket.connectToHost(
        QString::fromStdString(hp.substr(0, colon)), quint16(std::stoi(hp.substr(colon + 1))));
    return socket.waitForConnected(test::timeoutMs(2000));
}

app::DemoOptions options()
{
    app::DemoOptions o;
    o.domain = kDomain;
    o.storyFile = qEnvironmentVariable("OPSDECK_SOURCE_DIR") + QStringLiteral("/resources/demo/tour.story");
    o.costFlushMs = 300;
    return o;
}

} // namespace

class TestDemoSystem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsLiveAndStopsClean()
    {
        const int threadsBefore = threadCount();
        model::ConnectionSettings endpoints;
        {
            app::DemoSystem demo(options());
            QElapsedTimer timer;
            timer.start();
            QString error;
            QVERIFY2(demo.start(&error), qPrintable(error));
            const qint64 startMs = timer.elapsed();
            qInfo() << "DemoSystem::start took" << startMs << "ms";
            QVERIFY2(
                startMs < test::timeoutMs(5000), "the console must show live docks within a few seconds");
            QVERIFY(demo.running());

            endpoints = demo.endpoints();
            QVERIFY(endpoints.bridge.url.startsWith(QLatin1String("grpc://127.0.0.1:")));
            QVERIFY(endpoints.telemetry.url.startsWith(QLatin1String("grpc://127.0.0.1:")));
            QVERIFY(endpoints.billing.url.startsWith(QLatin1String("grpc://127.0.0.1:")));
            QVERIFY(endpoints.bridge.token.size() >= 16);
            QVERIFY(demo.story());
            QTRY_COMPARE_WITH_TIMEOUT(
                demo.story()->currentStep(), 0, test::timeoutMs(2000)); // the tour starts at 0 s

            // Bridge: the operator token works, nodes arrive, the simulation runs (the demo sent START).
            test::BridgeTestClient bridgeClient(test::plainChannel(test::hostPort(endpoints.bridge.url)),
                endpoints.bridge.token.toStdString());
            bridgeClient.subscribe({});
            const std::size_t nodes = demo.sim()->nodeCount();
            QCOMPARE(nodes, std::size_t(63)); // alps-60: 60 aircraft, 2 ground stations, 1 calibrator
            QTRY_VERIFY_WITH_TIMEOUT(
                bridgeClient.with([&](const auto &s) { return s.nodes.size() == nodes; }),
                test::timeoutMs(10000));
            QTRY_VERIFY_WITH_TIMEOUT(bridgeClient.with([](const auto &s) {
                return s.clock.state() == opsdeck::v1::SIM_STATE_RUNNING && s.clock.step() > 2;
            }),
                test::timeoutMs(10000));
            // A wrong token is refused: the demo's bridge is not open.
            test::BridgeTestClient intruder(
                test::plainChannel(test::hostPort(endpoints.bridge.url)), "wrong-token-0123456789");
            opsdeck::v1::BridgeStatus status;
            QCOMPARE(intruder.status(&status).error_code(), grpc::StatusCode::UNAUTHENTICATED);

            // Telemetry: call batches of the mesh's traffic.
            test::CallReader calls(test::hostPort(endpoints.telemetry.url));
            QTRY_VERIFY_WITH_TIMEOUT(calls.batches() >= 3 && calls.calls() > 20, test::timeoutMs(10000));

            // Billing: line items of the demo's own instances and the telemetry function.
            test::ChargeReader charges(test::hostPort(endpoints.billing.url));
            QTRY_VERIFY_WITH_TIMEOUT(charges.hasLast("mesh/payments-1") && charges.hasLast("sim/node-1")
                    && charges.functionRows() > 0,
                test::timeoutMs(10000));
            QCOMPARE(
                charges.last("mesh/payments-0").pricing_category(), opsdeck::v1::PRICING_CATEGORY_COMMITTED);
            QCOMPARE(
                charges.last("mesh/payments-1").pricing_category(), opsdeck::v1::PRICING_CATEGORY_STANDARD);
            QCOMPARE(
                charges.last("mesh/payments-2").pricing_category(), opsdeck::v1::PRICING_CATEGORY_DYNAMIC);
            QCOMPARE(charges.last("sim/node-1").tags().at("name"), std::string("ZRH-GS"));
            QVERIFY(demo.billing()->usageErrors() == 0);
            // Every replica and node is billed: 18 replicas + 63 nodes.
            QTRY_VERIFY_WITH_TIMEOUT(charges.resources() >= 18 + 63, test::timeoutMs(10000));

            timer.restart();
            demo.stop();
            const qint64 stopMs = timer.elapsed();
            qInfo() << "DemoSystem::stop took" << stopMs << "ms";
            QVERIFY(!demo.running());
            QVERIFY(!demo.bridge() && !demo.sim() && !demo.mesh() && !demo.billing() && !demo.story());
            QVERIFY(demo.endpoints().bridge.url.isEmpty());
            grpc::Status ended;
            QTRY_VERIFY_WITH_TIMEOUT(bridgeClient.finished(&ended), test::timeoutMs(5000));
        }
        // Nothing listens any more.
        QVERIFY(!acceptsConnections(endpoints.bridge.url));
        QVERIFY(!acceptsConnections(endpoints.telemetry.url));
        QVERIFY(!acceptsConnections(endpoints.billing.url));
        // And no thread is left: not the demo's, not gRPC's, not Cyclone's.
        QTRY_COMPARE_WITH_TIMEOUT(threadCount(), threadsBefore, test::timeoutMs(5000));
        m_threadsAfterFirst = threadCount();
    }

    void secondRunWithTheBuiltInPriceBookLeavesNoThreads()
    {
        {
            app::DemoOptions o = options();
            o.priceBookFile = QStringLiteral(":/demo/pricebook.conf"); // what an installed console uses
            app::DemoSystem demo(o);
            QString error;
            QVERIFY2(demo.start(&error), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(demo.costs()->flushes() >= 2, test::timeoutMs(5000));
            QCOMPARE(demo.billing()->priceBook().currency(), std::string("USD"));
            QCOMPARE(demo.billing()->usageErrors(), std::uint64_t(0));
        } // the destructor stops
        QTRY_COMPARE_WITH_TIMEOUT(threadCount(), m_threadsAfterFirst, test::timeoutMs(5000));
    }

    void shippedTourRunsWithoutErrors()
    {
        // The default story, 20x faster: every action finds its node, flow and
        // replica in the running system, and the story loops.
        app::DemoOptions o = options();
        o.storyTimeScale = 20;
        app::DemoSystem demo(o);
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(error));
        QSignalSpy steps(demo.story(), &app::DemoStory::stepStarted);
        QSignalSpy failures(demo.story(), &app::DemoStory::actionFailed);
        QSignalSpy looped(demo.story(), &app::DemoStory::looped);
        QTRY_COMPARE_WITH_TIMEOUT(looped.count(), 1, test::timeoutMs(20000));
        const auto &script = demo.story()->steps();
        QVERIFY(steps.count() >= int(script.size())); // the next loop's first step may have started
        for (int i = 0; i < int(script.size()); ++i)
            QCOMPARE(steps.at(i).at(1).toString(), script[std::size_t(i)].title);
        QVERIFY2(failures.isEmpty(), failures.isEmpty() ? "" : qPrintable(failures.at(0).at(1).toString()));
        QVERIFY(!demo.costs()->spotInterrupted()); // recovered before the next loop
        QVERIFY(demo.mesh()->activeFaults("payments", "payments-1").empty());
    }

    void badStoryFailsStartWithItsLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.story"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name bad\nat 0 ok\nat 1 broken\n  slow payments-1\n");
        f.close();
        app::DemoOptions o = options();
        o.storyFile = path;
        app::DemoSystem demo(o);
        QString error;
        QVERIFY(!demo.start(&error));
        QVERIFY2(error.contains(QStringLiteral("bad.story:4: slow expects")), qPrintable(error));
        QVERIFY(!demo.running());
        QVERIFY(!demo.bridge());
    }

private:
    int m_threadsAfterFirst = 0;
};

QTEST_GUILESS_MAIN(TestDemoSystem)
#include "tst_demosystem.moc"
