// Malformed and oversized input on every gRPC endpoint OpsDeck serves: the
// DDS-bridge (Bridge), the mesh (Telemetry and a replica of every service),
// billing (Billing) and the console's OTLP receiver (TraceService). Through a
// raw grpc::GenericStub: a message over the limit gets RESOURCE_EXHAUSTED,
// deeply nested input is refused, and 10,000 random payloads (random bytes
// and mutated valid messages) crash nothing — every server still answers a
// valid call and its health check afterwards.
#include "backends/billing/billingbackend.h"
#include "backends/bridge/bridgeserver.h"
#include "backends/mesh/mesh.h"
#include "clients/otlpreceiver.h"
#include "model/eventstream.h"
#include "proto/tsanhandoff.h"
#include "testscale.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>

#include <future>
#include <map>
#include <random>
#include <set>

using namespace opsdeck;
using namespace std::chrono_literals;

namespace {
constexpr std::uint32_t kDomain = 64;

// One generic call on any method (unary or streaming): writes one message,
// half-closes, reads at most one answer; a stream ends at the deadline.
class OneCall final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>
{
public:
    OneCall(grpc::GenericStub &stub, const std::string &method, const std::string &bytes,
        std::chrono::milliseconds deadline)
    {
        grpc::Slice slice(bytes);
        m_request = grpc::ByteBuffer(&slice, 1);
        m_context.set_deadline(std::chrono::system_clock::now() + deadline);
        stub.PrepareBidiStreamingCall(&m_context, method, grpc::StubOptions(), this);
        OPSDECK_TSAN_RELEASE(this); // the reactions run on gRPC's threads
        StartWrite(&m_request);
        StartRead(&m_response);
        StartCall();
    }
    void OnWriteDone(bool) override
    {
        OPSDECK_TSAN_ACQUIRE(this);
        StartWritesDone();
    }
    void OnReadDone(bool) override { } // a stream goes on until the deadline
    void OnDone(const grpc::Status &status) override
    {
        OPSDECK_TSAN_ACQUIRE(this);
        m_done.set_value(status);
    }
    std::future<grpc::Status> future() { return m_done.get_future(); }

private:
    grpc::ClientContext m_context;
    grpc::ByteBuffer m_request, m_response;
    std::promise<grpc::Status> m_done;
};

struct Target
{
    std::string name;
    std::shared_ptr<grpc::Channel> channel;
    std::vector<std::string> methods;
    std::string validMethod; // answers OK to validRequest
    std::string validRequest;
};

std::string varint(std::uint64_t v)
{
    std::string out;
    while (v >= 0x80) {
        out.push_back(char(v | 0x80));
        v >>= 7;
    }
    out.push_back(char(v));
    return out;
}

// Unknown field 2000 as a group, nested `depth` times.
std::string nestedGroups(int depth)
{
    const std::string open = varint((2000u << 3) | 3), close = varint((2000u << 3) | 4);
    std::string out;
    for (int i = 0; i < depth; ++i)
        out += open;
    for (int i = 0; i < depth; ++i)
        out += close;
    return out;
}

// A length-delimited unknown field of `bytes` bytes.
std::string oversized(std::size_t bytes)
{
    return varint((2001u << 3) | 2) + varint(bytes) + std::string(bytes, 'x');
}

grpc::Status callOnce(const Target &t, const std::string &method, const std::string &bytes,
    std::chrono::milliseconds deadline = 2000ms)
{
    grpc::GenericStub stub(t.channel);
    auto *call = new OneCall(stub, method, bytes, deadline);
    auto f = call->future();
    const grpc::Status status = f.get();
    delete call;
    return status;
}

bool healthy(const Target &t)
{
    // Not every server has the health service (UNIMPLEMENTED); the valid call is the real check.
    const grpc::Status health = callOnce(t, "/grpc.health.v1.Health/Check", std::string());
    const grpc::Status valid = callOnce(t, t.validMethod, t.validRequest);
    if (!valid.ok())
        qWarning() << t.name.c_str() << t.validMethod.c_str() << valid.error_message().c_str();
    return (health.ok() || health.error_code() == grpc::UNIMPLEMENTED) && valid.ok();
}

} // namespace

class TestReliaBadInput : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<bridge::BridgeServer> m_bridge;
    std::unique_ptr<mesh::Mesh> m_mesh;
    std::unique_ptr<billing::BillingBackend> m_billing;
    model::EventStream m_events;
    std::unique_ptr<clients::OtlpReceiver> m_otlp;
    std::vector<Target> m_targets;

    static std::shared_ptr<grpc::Channel> channel(const std::string &address)
    {
        grpc::ChannelArguments args;
        args.SetMaxSendMessageSize(-1);
        return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        std::string error;
        bridge::BridgeConfig bc;
        bc.domain = kDomain;
        m_bridge = std::make_unique<bridge::BridgeServer>(bc);
        QVERIFY2(m_bridge->start(&error), error.c_str());
        m_targets.push_back({ "bridge", channel(m_bridge->address()),
            { "/opsdeck.v1.Bridge/Subscribe", "/opsdeck.v1.Bridge/SendControl",
                "/opsdeck.v1.Bridge/ListTopics", "/opsdeck.v1.Bridge/GetStatus" },
            "/opsdeck.v1.Bridge/GetStatus", {} });

        mesh::Scenario scenario = mesh::Scenario::defaults();
        scenario.traffic.ratePerSec = 1;
        m_mesh = std::make_unique<mesh::Mesh>(scenario);
        QVERIFY2(m_mesh->start(&error), error.c_str());
        m_targets.push_back({ "telemetry", channel(m_mesh->telemetryAddress()),
            { "/opsdeck.v1.Telemetry/StreamCalls", "/opsdeck.v1.Telemetry/StreamStats",
                "/opsdeck.v1.Telemetry/ListServices" },
            "/opsdeck.v1.Telemetry/ListServices", {} });
        const std::map<std::string, std::vector<std::string>> meshMethods {
            { "gateway", { "/opsdeck.v1.Gateway/Checkout", "/opsdeck.v1.Gateway/Browse" } },
            { "orders", { "/opsdeck.v1.Orders/PlaceOrder", "/opsdeck.v1.Orders/GetOrder" } },
            { "inventory", { "/opsdeck.v1.Inventory/Reserve", "/opsdeck.v1.Inventory/Lookup" } },
            { "payments", { "/opsdeck.v1.Payments/Charge" } }, { "ledger", { "/opsdeck.v1.Ledger/Post" } },
            { "directory", { "/opsdeck.v1.Directory/Resolve" } }
        };
        std::set<std::string> seen;
        for (const auto &r : m_mesh->replicas()) {
            if (!seen.insert(r.service).second)
                continue; // one replica of each service
            const auto &methods = meshMethods.at(r.service);
            m_targets.push_back({ "mesh " + r.replica, channel(r.address), methods, methods.front(), {} });
        }

        billing::BillingOptions bo;
        bo.ledgerPath = m_dir.filePath(QStringLiteral("ledger.sqlite")).toStdString();
        bo.syntheticWorkload = false;
        m_billing = billing::BillingBackend::create(bo, &error);
        QVERIFY2(m_billing, error.c_str());
        QVERIFY2(m_billing->start(&error), error.c_str());
        m_targets.push_back({ "billing", channel(m_billing->address()),
            { "/opsdeck.v1.Billing/QueryCosts", "/opsdeck.v1.Billing/StreamCharges",
                "/opsdeck.v1.Billing/ImportFocus", "/opsdeck.v1.Billing/ExportFocus",
                "/opsdeck.v1.Billing/GetPriceBook", "/opsdeck.v1.Billing/Reprice" },
            "/opsdeck.v1.Billing/GetPriceBook", {} });

        clients::OtlpReceiver::Options oo;
        oo.address = QStringLiteral("127.0.0.1:0");
        m_otlp = std::make_unique<clients::OtlpReceiver>(&m_events, oo);
        QString qerror;
        QVERIFY2(m_otlp->start(&qerror), qPrintable(qerror));
        m_targets.push_back({ "otlp", channel(m_otlp->address().toStdString()),
            { "/opentelemetry.proto.collector.trace.v1.TraceService/Export" },
            "/opentelemetry.proto.collector.trace.v1.TraceService/Export", {} });

        for (const Target &t : m_targets) {
            if (t.name == "otlp")
                continue; // the receiver has no health service: its valid Export is the check
            QVERIFY2(healthy(t), t.name.c_str());
        }
    }

    void cleanupTestCase()
    {
        m_otlp.reset();
        m_billing.reset();
        m_mesh.reset();
        m_bridge.reset();
    }

    void oversizedMessagesGetResourceExhausted()
    {
        const std::string big = oversized(5 * 1024 * 1024); // over every 4 MiB limit
        const std::string huge = oversized(9 * 1024 * 1024); // over the OTLP receiver's transport limit too
        for (const Target &t : m_targets) {
            for (const std::string &method : t.methods) {
                const grpc::Status s = callOnce(t, method, t.name == "otlp" ? huge : big);
                QVERIFY2(s.error_code() == grpc::RESOURCE_EXHAUSTED,
                    qPrintable(QStringLiteral("%1 %2: %3 %4")
                                   .arg(QString::fromStdString(t.name), QString::fromStdString(method))
                                   .arg(int(s.error_code()))
                                   .arg(QString::fromStdString(s.error_message()))));
            }
        }
        // The OTLP receiver's own limit (4 MiB, below its transport limit).
        const grpc::Status s = callOnce(m_targets.back(), m_targets.back().methods.front(), big);
        QCOMPARE(s.error_code(), grpc::RESOURCE_EXHAUSTED);
    }

    void deepNestingRefused()
    {
        const std::string deep = nestedGroups(100000); // protobuf's limit is 100
        for (const Target &t : m_targets) {
            for (const std::string &method : t.methods) {
                const grpc::Status s = callOnce(t, method, deep);
                qInfo().noquote() << t.name.c_str() << method.c_str() << int(s.error_code())
                                  << s.error_message().c_str();
                QVERIFY2(!s.ok() && s.error_code() != grpc::DEADLINE_EXCEEDED
                        && s.error_code() != grpc::UNAVAILABLE,
                    qPrintable(QStringLiteral("%1 %2 accepted or hung: %3")
                                   .arg(QString::fromStdString(t.name), QString::fromStdString(method))
                                   .arg(int(s.error_code()))));
                if (method == "/opsdeck.v1.Billing/ImportFocus") {
                    // Client streaming: the service parses each chunk itself, so an
                    // undecodable one is refused by name, not taken for the end of
                    // the upload (docs/RELIABILITY.md).
                    QCOMPARE(s.error_code(), grpc::INVALID_ARGUMENT);
                    QVERIFY2(
                        s.error_message().find("chunk 1 is not a valid ImportChunk") != std::string::npos,
                        s.error_message().c_str());
                }
            }
        }
    }

    void randomPayloadsCrashNothing()
    {
        std::mt19937_64 rng(9);
        // Every method of every target, round robin, 64 calls in flight.
        std::vector<std::pair<const Target *, std::string>> methods;
        for (const Target &t : m_targets)
            for (const std::string &m : t.methods)
                methods.emplace_back(&t, m);
        std::map<int, int> byStatus;
        QElapsedTimer clock;
        clock.start();
        constexpr int kPayloads = 10000;
        constexpr int kInFlight = 64;
        std::vector<std::future<grpc::Status>> futures;
        std::vector<OneCall *> calls;
        auto drain = [&] {
            for (std::size_t i = 0; i < futures.size(); ++i) {
                ++byStatus[int(futures[i].get().error_code())];
                delete calls[i];
            }
            futures.clear();
            calls.clear();
        };
        std::vector<std::unique_ptr<grpc::GenericStub>> stubs;
        for (const auto &m : methods)
            stubs.push_back(std::make_unique<grpc::GenericStub>(m.first->channel));
        for (int i = 0; i < kPayloads; ++i) {
            const std::size_t which = std::size_t(i) % methods.size();
            std::string bytes;
            const int kind = int(rng() % 4);
            const std::size_t len = rng() % (kind == 3 ? 4096 : 256);
            for (std::size_t b = 0; b < len; ++b)
                bytes.push_back(char(rng()));
            if (kind == 2 && !bytes.empty()) // a plausible tag first
                bytes[0] = char(((1 + rng() % 15) << 3) | (rng() % 6));
            auto *call = new OneCall(*stubs[which], methods[which].second, bytes, 300ms);
            futures.push_back(call->future());
            calls.push_back(call);
            if (futures.size() == kInFlight)
                drain();
        }
        drain();
        const double seconds = double(clock.elapsed()) / 1000.0;
        // Every server still serves.
        for (const Target &t : m_targets) {
            if (t.name == "otlp")
                QVERIFY(callOnce(t, t.validMethod, t.validRequest).error_code() != grpc::UNAVAILABLE);
            else
                QVERIFY2(healthy(t), t.name.c_str());
        }
        QString statuses;
        int total = 0;
        for (const auto &[code, count] : byStatus) {
            statuses += QStringLiteral(" %1:%2").arg(code).arg(count);
            total += count;
        }
        QCOMPARE(total, kPayloads);
        QVERIFY(byStatus.count(int(grpc::UNAVAILABLE)) == 0);
        qInfo().noquote() << QStringLiteral(
            "RELIA badinput payloads=%1 endpoints=%2 methods=%3 seconds=%4 statuses=%5")
                                 .arg(kPayloads)
                                 .arg(m_targets.size())
                                 .arg(methods.size())
                                 .arg(seconds, 0, 'f', 1)
                                 .arg(statuses);
    }
};

QTEST_GUILESS_MAIN(TestReliaBadInput)
#include "tst_reliabadinput.moc"
