#include "grpcpingpong.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/server_builder.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace opsdeck::bench {

namespace {

class EchoReactor final : public grpc::ServerGenericBidiReactor
{
public:
    EchoReactor() { StartRead(&m_buffer); }
    void OnReadDone(bool ok) override
    {
        if (!ok) {
            Finish(grpc::Status::OK);
            return;
        }
        StartWrite(&m_buffer);
    }
    void OnWriteDone(bool ok) override
    {
        if (!ok) {
            Finish(grpc::Status::CANCELLED);
            return;
        }
        StartRead(&m_buffer);
    }
    void OnDone() override { delete this; }

private:
    grpc::ByteBuffer m_buffer;
};

class EchoService final : public grpc::CallbackGenericService
{
public:
    grpc::ServerGenericBidiReactor *CreateReactor(grpc::GenericCallbackServerContext *) override
    {
        return new EchoReactor;
    }
};

class Pinger final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>
{
public:
    Pinger(int count, bool paced)
        : m_count(count)
        , m_paced(paced)
    {
        const std::string payload(100, 'x');
        grpc::Slice slice(payload);
        m_out = grpc::ByteBuffer(&slice, 1);
        m_rtts.reserve(std::size_t(count));
    }
    void begin()
    {
        StartCall();
        if (!m_paced)
            send();
    }
    // Paced mode: one round trip, started by the caller's thread.
    bool roundTrip()
    {
        std::unique_lock lock(m_mutex);
        m_roundTripDone = false;
        send();
        m_cv.wait(lock, [this] { return m_roundTripDone || m_failed; });
        return !m_failed;
    }
    void end()
    {
        std::lock_guard lock(m_mutex);
        StartWritesDone();
    }
    void OnWriteDone(bool ok) override { step(ok, true); }
    void OnReadDone(bool ok) override { step(ok, false); }
    void OnDone(const grpc::Status &) override { m_done.set_value(); }
    std::vector<double> wait()
    {
        m_done.get_future().wait();
        return m_rtts;
    }

private:
    void send()
    {
        m_t0 = std::chrono::steady_clock::now();
        m_wrote = m_read = false;
        StartWrite(&m_out);
        StartRead(&m_in);
    }
    void step(bool ok, bool write)
    {
        std::unique_lock lock(m_mutex);
        if (!ok) {
            m_failed = true;
            m_cv.notify_all();
            return;
        }
        if (write)
            m_wrote = true;
        else {
            m_read = true;
            m_rtts.push_back(
                std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - m_t0).count());
        }
        if (!(m_wrote && m_read))
            return;
        if (m_paced) {
            m_roundTripDone = true;
            m_cv.notify_all();
            return;
        }
        if (int(m_rtts.size()) < m_count)
            send();
        else
            StartWritesDone();
    }

    int m_count;
    bool m_paced;
    bool m_roundTripDone = false;
    grpc::ByteBuffer m_out, m_in;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::chrono::steady_clock::time_point m_t0;
    bool m_wrote = false, m_read = false, m_failed = false;
    std::vector<double> m_rtts;
    std::promise<void> m_done;
};

} // namespace

RoundTrips grpcPingPong(int roundTrips, double rateHz)
{
    EchoService service;
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterCallbackGenericService(&service);
    auto server = builder.BuildAndStart();
    RoundTrips result;
    if (!server || port == 0)
        return result;
    auto channel
        = grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials());
    grpc::GenericStub stub(channel);
    std::vector<double> rtts;
    {
        grpc::ClientContext context;
        Pinger pinger(roundTrips, rateHz > 0);
        stub.PrepareBidiStreamingCall(&context, "/opsdeck.bench.Echo/PingPong", grpc::StubOptions(), &pinger);
        pinger.begin();
        if (rateHz > 0) {
            const auto start = std::chrono::steady_clock::now();
            for (int i = 0; i < roundTrips; ++i) {
                std::this_thread::sleep_until(
                    start + std::chrono::nanoseconds(std::int64_t(i * 1e9 / rateHz)));
                if (!pinger.roundTrip())
                    break;
            }
            pinger.end();
        }
        rtts = pinger.wait();
    }
    server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
    if (rtts.size() > 100)
        rtts.erase(rtts.begin(), rtts.begin() + 100); // warm-up
    if (rtts.empty())
        return result;
    std::sort(rtts.begin(), rtts.end());
    result.count = int(rtts.size());
    result.p50Us = rtts[rtts.size() / 2];
    result.p99Us = rtts[std::min(rtts.size() - 1, std::size_t(0.99 * double(rtts.size())))];
    return result;
}

} // namespace opsdeck::bench
