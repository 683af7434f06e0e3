// Deadlines: a Bridge server that takes twice the deadline to answer (a fault
// the real bridge cannot be made to produce, hence this small callback server)
// must give the console's BridgeClient DEADLINE_EXCEEDED within deadline +
// 100 ms, and the Qt event loop of this process must never stall for more than
// 100 ms meanwhile (measured with a 5-ms timer).
#include "clients/bridgeclient.h"
#include "model/eventstream.h"
#include "opsdeck/v1/bridge.grpc.pb.h"
#include "testscale.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace opsdeck;
using namespace std::chrono_literals;

namespace {

// Answers GetStatus and SendControl only after `delay` (from its own timer
// thread: the callback threads never sleep); Subscribe streams stay open and
// silent until cancelled.
class SlowBridge final : public v1::Bridge::CallbackService
{
public:
    explicit SlowBridge(std::chrono::milliseconds delay)
        : m_delay(delay)
    { }
    // The callback overloads below are the ones gRPC calls; keep the others visible.
    using v1::Bridge::CallbackService::GetStatus;
    using v1::Bridge::CallbackService::SendControl;
    using v1::Bridge::CallbackService::Subscribe;
    ~SlowBridge() override
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        for (auto &t : m_threads)
            t.join();
    }

    grpc::ServerUnaryReactor *GetStatus(grpc::CallbackServerContext *context, const v1::GetStatusRequest *,
        v1::BridgeStatus *response) override
    {
        response->set_caller_role(v1::ROLE_OPERATOR);
        return later(context);
    }
    grpc::ServerUnaryReactor *SendControl(
        grpc::CallbackServerContext *context, const v1::ControlCommand *, v1::ControlAck *ack) override
    {
        ack->set_result(v1::ACK_RESULT_APPLIED);
        return later(context);
    }
    grpc::ServerWriteReactor<v1::Sample> *Subscribe(
        grpc::CallbackServerContext *, const v1::SubscribeRequest *) override
    {
        class Silent : public grpc::ServerWriteReactor<v1::Sample>
        {
        public:
            void OnCancel() override { Finish(grpc::Status::CANCELLED); }
            void OnDone() override { delete this; }
        };
        return new Silent;
    }
    int answered() const { return m_answered.load(); }

private:
    grpc::ServerUnaryReactor *later(grpc::CallbackServerContext *context)
    {
        auto *reactor = context->DefaultReactor();
        std::lock_guard lock(m_mutex);
        m_threads.emplace_back([this, reactor] {
            std::unique_lock lk(m_mutex);
            m_cv.wait_for(lk, m_delay, [this] { return m_stop; });
            lk.unlock();
            reactor->Finish(grpc::Status::OK);
            ++m_answered;
        });
        return reactor;
    }

    const std::chrono::milliseconds m_delay;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::vector<std::thread> m_threads;
    std::atomic<int> m_answered { 0 };
};

// The longest gap between two ticks of a 5-ms timer: the event loop's stall.
class LoopLag : public QObject
{
public:
    LoopLag()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_worstNs = std::max(m_worstNs, now - m_last - 5'000'000);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    double worstMs() const { return double(m_worstNs) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worstNs = 0;
};

} // namespace

class TestReliaDeadline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slowServerGivesDeadlineExceeded()
    {
        constexpr auto kDeadline = 500ms;
        SlowBridge service(2 * kDeadline);
        grpc::ServerBuilder builder;
        int port = 0;
        builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
        builder.RegisterService(&service);
        auto server = builder.BuildAndStart();
        QVERIFY(server);

        clients::Endpoint endpoint;
        endpoint.target = QStringLiteral("127.0.0.1:%1").arg(port);
        clients::BridgeClient::Options options;
        options.controlDeadline = kDeadline;
        options.statusDeadline = 4 * kDeadline; // GetStatus (after every reconnect) waits for the slow answer
        model::EventStream events;
        clients::BridgeClient client(endpoint, &events, options);
        QSignalSpy finished(&client, &clients::BridgeClient::controlFinished);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            client.isSubscribed() || client.connection()->isReady(), scaledTimeout(5000));

        LoopLag lag;
        double worstOverMs = 0;
        for (int round = 0; round < 5; ++round) {
            // A command that timed out is not a lost connection: the client
            // stays READY and the next command goes out at once.
            QVERIFY2(client.connection()->isReady(), qPrintable(client.connection()->lastError()));
            QElapsedTimer t;
            t.start();
            const int before = finished.count();
            client.sendControl(v1::CONTROL_KIND_START);
            QVERIFY(finished.wait(scaledTimeout(3000)) || finished.count() > before);
            const double tookMs = double(t.nsecsElapsed()) / 1e6;
            const auto result = finished.last().at(0).value<clients::ControlResult>();
            QCOMPARE(result.grpcCode, int(grpc::DEADLINE_EXCEEDED));
            QVERIFY(!result.applied());
            QVERIFY2(result.reason.contains(QStringLiteral("DEADLINE_EXCEEDED")), qPrintable(result.reason));
            QVERIFY2(tookMs >= double(kDeadline.count()) - 1, qPrintable(QString::number(tookMs)));
            worstOverMs = std::max(worstOverMs, tookMs - double(kDeadline.count()));
            QVERIFY2(tookMs <= double(kDeadline.count()) + 100,
                qPrintable(QStringLiteral("DEADLINE_EXCEEDED after %1 ms (deadline %2 ms)")
                               .arg(tookMs)
                               .arg(kDeadline.count())));
        }
        // The slow answers arrive later and must not be taken for anything.
        QTRY_VERIFY_WITH_TIMEOUT(service.answered() >= 5, scaledTimeout(5000));
        QTest::qWait(50);
        QCOMPARE(finished.count(), 5);
        QVERIFY2(lag.worstMs() <= 100.0,
            qPrintable(QStringLiteral("event loop stalled %1 ms").arg(lag.worstMs())));
        qInfo().noquote() << QStringLiteral(
            "RELIA deadline deadline_ms=%1 server_ms=%2 worst_over_deadline_ms=%3 "
            "worst_loop_stall_ms=%4")
                                 .arg(kDeadline.count())
                                 .arg(2 * kDeadline.count())
                                 .arg(worstOverMs, 0, 'f', 1)
                                 .arg(lag.worstMs(), 0, 'f', 1);
        client.stop();
        server->Shutdown(std::chrono::system_clock::now());
    }
};

QTEST_GUILESS_MAIN(TestReliaDeadline)
#include "tst_reliadeadline.moc"
