#pragma once

// Real gRPC readers of the demo's telemetry and billing streams for the tests:
// each reads on its own thread and keeps what it saw, so tests QTRY_VERIFY on it.

#include "opsdeck/v1/billing.grpc.pb.h"
#include "opsdeck/v1/telemetry.grpc.pb.h"

#include <QString>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace opsdeck::test {

inline std::string hostPort(const QString &url)
{
    return url.mid(url.indexOf(QLatin1String("://")) + 3).toStdString();
}

class CallReader
{
public:
    explicit CallReader(const std::string &address)
        : m_stub(
            opsdeck::v1::Telemetry::NewStub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials())))
    {
        m_thread = std::thread([this] {
            opsdeck::v1::StreamCallsRequest request;
            request.set_max_batch_delay_ns(50'000'000);
            auto reader = m_stub->StreamCalls(&m_context, request);
            opsdeck::v1::CallBatch batch;
            while (reader->Read(&batch)) {
                std::lock_guard lock(m_mutex);
                ++m_batches;
                for (const auto &c : batch.calls()) {
                    ++m_calls;
                    if (c.side() == opsdeck::v1::CALL_SIDE_CLIENT && c.status_code() == 4)
                        ++m_timeouts[{ c.caller(), c.service() }];
                }
            }
            reader->Finish();
        });
    }
    ~CallReader()
    {
        m_context.TryCancel();
        if (m_thread.joinable())
            m_thread.join();
    }
    std::uint64_t batches() const
    {
        std::lock_guard lock(m_mutex);
        return m_batches;
    }
    std::uint64_t calls() const
    {
        std::lock_guard lock(m_mutex);
        return m_calls;
    }
    // Client-side DEADLINE_EXCEEDED records on the edge caller -> callee.
    std::uint64_t timeouts(const std::string &caller, const std::string &callee) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_timeouts.find({ caller, callee });
        return it == m_timeouts.end() ? 0 : it->second;
    }
    std::uint64_t timeoutsOtherThan(const std::string &caller, const std::string &callee) const
    {
        std::lock_guard lock(m_mutex);
        std::uint64_t n = 0;
        for (const auto &[edge, count] : m_timeouts)
            if (edge != std::make_pair(caller, callee))
                n += count;
        return n;
    }

private:
    std::unique_ptr<opsdeck::v1::Telemetry::Stub> m_stub;
    grpc::ClientContext m_context;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::uint64_t m_batches = 0, m_calls = 0;
    std::map<std::pair<std::string, std::string>, std::uint64_t> m_timeouts;
};

class ChargeReader
{
public:
    explicit ChargeReader(const std::string &address)
        : m_stub(
            opsdeck::v1::Billing::NewStub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials())))
    {
        m_thread = std::thread([this] {
            opsdeck::v1::StreamChargesRequest request;
            auto reader = m_stub->StreamCharges(&m_context, request);
            opsdeck::v1::LineItem item;
            while (reader->Read(&item)) {
                std::lock_guard lock(m_mutex);
                ++m_items;
                m_last[item.resource_id()] = item;
                if (item.pricing_category() == opsdeck::v1::PRICING_CATEGORY_DYNAMIC)
                    ++m_spotRows[item.resource_id()];
                if (item.resource_id().rfind("fn/", 0) == 0)
                    ++m_functionRows;
                if (item.resource_id().rfind("mesh/", 0) == 0 || item.resource_id().rfind("sim/", 0) == 0)
                    m_instanceRows.push_back({ item.charge_period_start_unix_ns(), item.effective_cost(),
                        item.consumed_quantity() });
            }
            reader->Finish();
        });
    }
    ~ChargeReader()
    {
        m_context.TryCancel();
        if (m_thread.joinable())
            m_thread.join();
    }
    std::uint64_t items() const
    {
        std::lock_guard lock(m_mutex);
        return m_items;
    }
    std::uint64_t functionRows() const
    {
        std::lock_guard lock(m_mutex);
        return m_functionRows;
    }
    std::size_t resources() const
    {
        std::lock_guard lock(m_mutex);
        return m_last.size();
    }
    bool hasLast(const std::string &resource) const
    {
        std::lock_guard lock(m_mutex);
        return m_last.count(resource) > 0;
    }
    opsdeck::v1::LineItem last(const std::string &resource) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_last.find(resource);
        return it == m_last.end() ? opsdeck::v1::LineItem() : it->second;
    }
    // Average effective cost per instance-hour of the instance rows starting in [fromNs, toNs).
    double pricePerInstanceHour(std::int64_t fromNs, std::int64_t toNs) const
    {
        std::lock_guard lock(m_mutex);
        double cost = 0, hours = 0;
        for (const Row &r : m_instanceRows)
            if (r.startNs >= fromNs && r.startNs < toNs) {
                cost += r.effective;
                hours += r.hours;
            }
        return hours > 0 ? cost / hours : 0;
    }
    std::uint64_t spotRows(const std::string &resource) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_spotRows.find(resource);
        return it == m_spotRows.end() ? 0 : it->second;
    }

private:
    std::unique_ptr<opsdeck::v1::Billing::Stub> m_stub;
    grpc::ClientContext m_context;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::uint64_t m_items = 0, m_functionRows = 0;
    std::map<std::string, opsdeck::v1::LineItem> m_last;
    std::map<std::string, std::uint64_t> m_spotRows;
    struct Row
    {
        std::int64_t startNs;
        double effective;
        double hours;
    };
    std::vector<Row> m_instanceRows;
};

} // namespace opsdeck::test
