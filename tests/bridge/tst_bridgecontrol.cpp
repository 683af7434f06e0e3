// The control module through gRPC with a real simulation member on DDS:
// start → time advances; freeze holds; resume continues from the same step;
// stop / reset; invalid transitions refused; a repeated sequence is a no-op;
// every command is echoed to subscribers and written to the audit log.
#include "backends/bridge/bridgeserver.h"
#include "backends/bridge/epochtime.h"
#include "backends/sim/simmember.h"
#include "bridgetestclient.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace opsdeck;
using namespace opsdeck::v1;
using test::timeoutMs;

namespace {
constexpr std::uint32_t kDomain = 42;
constexpr std::int64_t kDt = 100'000'000;
} // namespace

class TestBridgeControl : public QObject
{
    Q_OBJECT

    std::uint64_t memberStep(test::BridgeTestClient &client)
    {
        return client.with([](auto &s) {
            const auto it = s.members.find("sim-control");
            return it == s.members.end() ? ~0ull : it->second.last_step();
        });
    }
    std::uint64_t statsCount(test::BridgeTestClient &client)
    {
        return client.with([](auto &s) { return s.statsCount; });
    }

private Q_SLOTS:
    void epochTimeFormat()
    {
        std::int64_t epoch = 0;
        QVERIFY(bridge::parseEpoch("2026-01-01T00:00:00Z", &epoch));
        QCOMPARE(bridge::formatEpochTime(epoch, 0), std::string("2026001.000000"));
        // Day 32 is 1 February; 1 h 2 min 3 s after midnight.
        QCOMPARE(bridge::formatEpochTime(epoch, (31LL * 86400 + 3723) * 1'000'000'000),
            std::string("2026032.010203"));
        QCOMPARE(bridge::formatEpochTime(epoch, 364LL * 86400 * 1'000'000'000 + 86399'000'000'000),
            std::string("2026365.235959"));
        QVERIFY(!bridge::parseEpoch("yesterday", &epoch));
    }

    void stateMachineOverGrpc()
    {
        QTemporaryDir dir;
        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.dtNs = kDt;
        config.realTimeFactor = 5.0; // 50 grants per second
        config.statsPeriodMs = 50;
        config.auditLogPath = dir.filePath(QStringLiteral("audit.log")).toStdString();
        bridge::BridgeServer bridge(config);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());

        sim::SimConfig simConfig;
        simConfig.domain = kDomain;
        simConfig.memberId = "sim-control";
        simConfig.scenarioText = test::kDenseScenario;
        sim::SimMember sim(simConfig);
        QVERIFY2(sim.start(&error), error.c_str());

        test::BridgeTestClient client(test::plainChannel(bridge.address()));
        client.subscribe(SubscribeRequest());
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(client) == 0, timeoutMs(10000));

        ControlAck ack;
        // Invalid transitions from INIT are refused with a reason and change nothing.
        for (ControlKind kind : { CONTROL_KIND_FREEZE, CONTROL_KIND_RESUME, CONTROL_KIND_STOP }) {
            const grpc::Status status = client.control(kind, 100 + kind, &ack);
            QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
            QVERIFY(status.error_message().find("INIT") != std::string::npos);
            ControlAck detail;
            QVERIFY(detail.ParseFromString(status.error_details()));
            QCOMPARE(detail.result(), ACK_RESULT_REFUSED);
            QCOMPARE(detail.clock().state(), SIM_STATE_INIT);
        }
        QCOMPARE(client.control(CONTROL_KIND_SET_DT, 110, &ack, 0).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

        // start → RUNNING, acknowledged with the published clock; time advances.
        QVERIFY(client.control(CONTROL_KIND_START, 1, &ack).ok());
        QCOMPARE(ack.result(), ACK_RESULT_APPLIED);
        QCOMPARE(ack.clock().state(), SIM_STATE_RUNNING);
        QCOMPARE(ack.clock().epoch_time(), std::string("2026001.000000"));
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(client) >= 10 && memberStep(client) != ~0ull, timeoutMs(10000));

        // A repeated sequence is a no-op: DUPLICATE, still running.
        QVERIFY(client.control(CONTROL_KIND_START, 1, &ack).ok());
        QCOMPARE(ack.result(), ACK_RESULT_DUPLICATE);
        QCOMPARE(ack.clock().state(), SIM_STATE_RUNNING);
        // ...even when the repeated sequence carries another command.
        QVERIFY(client.control(CONTROL_KIND_FREEZE, 1, &ack).ok());
        QCOMPARE(ack.result(), ACK_RESULT_DUPLICATE);
        QCOMPARE(bridge.clock().state(), SIM_STATE_RUNNING);

        // freeze: the member stops within one step and stays there.
        QVERIFY(client.control(CONTROL_KIND_FREEZE, 2, &ack).ok());
        QCOMPARE(ack.clock().state(), SIM_STATE_FROZEN);
        const std::uint64_t frozen = ack.clock().step();
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(client) == frozen, timeoutMs(5000));
        const std::uint64_t stats = statsCount(client);
        QTRY_VERIFY_WITH_TIMEOUT(
            statsCount(client) >= stats + 6, timeoutMs(5000)); // ≥ 0.3 s, 3 periods of dt/rate
        QCOMPARE(memberStep(client), frozen);
        QCOMPARE(bridge.clock().step(), frozen);
        QCOMPARE(
            client.control(CONTROL_KIND_FREEZE, 3, &ack).error_code(), grpc::StatusCode::FAILED_PRECONDITION);

        // set_dt while frozen, then resume continues from the same step.
        QVERIFY(client.control(CONTROL_KIND_SET_DT, 4, &ack, 2 * kDt).ok());
        QCOMPARE(ack.clock().dt_ns(), 2 * kDt);
        const std::int64_t frozenTime = ack.clock().sim_time_ns();
        QVERIFY(client.control(CONTROL_KIND_RESUME, 5, &ack).ok());
        QCOMPARE(ack.clock().step(), frozen);
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(client) >= frozen + 3, timeoutMs(5000));
        QTRY_VERIFY_WITH_TIMEOUT(client.with([&](auto &s) {
            for (const SimClock &c : s.clocks)
                if (c.step() == frozen + 1)
                    return c.sim_time_ns() == frozenTime + 2 * kDt;
            return false;
        }),
            timeoutMs(5000));

        // set_rate, stop, then start is refused until reset.
        QVERIFY(client.control(CONTROL_KIND_SET_RATE, 6, &ack, 0, 2.0).ok());
        QCOMPARE(ack.clock().real_time_factor(), 2.0);
        QVERIFY(client.control(CONTROL_KIND_STOP, 7, &ack).ok());
        QCOMPARE(ack.clock().state(), SIM_STATE_STOPPED);
        const std::uint64_t stopped = ack.clock().step();
        QCOMPARE(
            client.control(CONTROL_KIND_START, 8, &ack).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QCOMPARE(client.control(CONTROL_KIND_SET_DT, 9, &ack, kDt).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
        QTRY_VERIFY_WITH_TIMEOUT(client.with([](auto &s) {
            const auto it = s.members.find("sim-control");
            return it != s.members.end() && it->second.state() == MEMBER_STATE_STOPPED;
        }),
            timeoutMs(5000));
        QCOMPARE(bridge.clock().step(), stopped);

        // reset → INIT at step 0; the member goes back to its step-0 world.
        QVERIFY(client.control(CONTROL_KIND_RESET, 10, &ack).ok());
        QCOMPARE(ack.clock().state(), SIM_STATE_INIT);
        QCOMPARE(ack.clock().step(), 0u);
        QCOMPARE(ack.clock().sim_time_ns(), 0);
        QCOMPARE(ack.clock().dt_ns(), kDt);
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(client) == 0, timeoutMs(5000));
        QTRY_VERIFY_WITH_TIMEOUT(client.with([](auto &s) {
            for (const auto &[id, n] : s.nodes)
                if (n.step() != 0)
                    return false;
            return !s.nodes.empty();
        }),
            timeoutMs(5000));
        QVERIFY(client.control(CONTROL_KIND_START, 11, &ack).ok());

        // Every command and its outcome was echoed to the subscriber...
        QTRY_VERIFY_WITH_TIMEOUT(
            client.with([](auto &s) { return s.controls.size() >= 17; }), timeoutMs(5000));
        const auto controls = client.with([](auto &s) { return s.controls; });
        int refused = 0, duplicates = 0;
        for (const ControlEvent &e : controls) {
            refused += e.ack().result() == ACK_RESULT_REFUSED;
            duplicates += e.ack().result() == ACK_RESULT_DUPLICATE;
            QCOMPARE(e.ack().sequence(), e.command().sequence());
        }
        QCOMPARE(refused, 7);
        QCOMPARE(duplicates, 2);
        // ...and written to the audit log, one line each.
        bridge.stop();
        QFile audit(dir.filePath(QStringLiteral("audit.log")));
        QVERIFY(audit.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = audit.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), controls.size());
        QVERIFY(lines.first().contains("identity=anonymous"));
        QVERIFY(lines.first().contains("command=CONTROL_KIND_FREEZE"));
        QVERIFY(lines.first().contains("result=ACK_RESULT_REFUSED"));
        client.stop();
    }
};

QTEST_GUILESS_MAIN(TestBridgeControl)
#include "tst_bridgecontrol.moc"
