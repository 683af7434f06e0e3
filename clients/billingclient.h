#pragma once

#include "clients/endpoint.h"
#include "opsdeck/v1/billing.pb.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace grpc {
class Channel;
class ClientContext;
} // namespace grpc

namespace opsdeck::model {
class EventStream;
}

namespace opsdeck::clients {

// The console's client of a billing backend (opsdeck.v1.Billing).
// - startCharges(): StreamCharges on its own thread; every LineItem becomes an
//   Envelope (CHANNEL_BILLING) posted to the EventStream (never blocks). It
//   reconnects with exponential backoff (Endpoint::initialBackoff ..
//   maxBackoff) and resumes after the last ledger seq it saw, so a reconnect
//   neither loses nor repeats a charge. Connection changes go out as
//   ConnectionEvent envelopes (CHANNEL_CONSOLE) and stateChanged().
// - queryCosts() / reprice() / fetchPriceBook(): asynchronous unary calls;
//   the result is emitted on this object's thread (queryCosts also posts the
//   CostReport envelope, so the CostLedger gets the forecast).
// - importFocus(): streams a FOCUS CSV file in chunks on a worker thread with
//   progress; exportFocus(): writes the ledger's FOCUS CSV to a file.
// Signals are queued to the thread this object lives in. Destruction cancels
// and waits for every call in flight. The EventStream must outlive the client.
class BillingClient : public QObject
{
    Q_OBJECT

public:
    BillingClient(Endpoint endpoint, model::EventStream *stream, QObject *parent = nullptr);
    ~BillingClient() override;

    QString source() const { return m_source; }

    void startCharges(std::int64_t sinceUnixNs = 0);
    void stopCharges();
    bool isConnected() const { return m_connected.load(); }
    std::uint64_t chargesReceived() const { return m_charges.load(); }
    std::uint64_t chargesDropped() const { return m_dropped.load(); }
    std::uint64_t connectAttempts() const { return m_attempts.load(); }
    std::uint64_t lastLedgerSeq() const { return m_lastSeq.load(); }

    void queryCosts(const opsdeck::v1::CostQuery &query);
    void reprice(const opsdeck::v1::RepriceRequest &request);
    void fetchPriceBook();
    void importFocus(const QString &path);
    void exportFocus(const opsdeck::v1::ExportRequest &request, const QString &path);

Q_SIGNALS:
    void stateChanged(int state, const QString &error); // opsdeck::v1::ConnectionState
    void costsReady(const opsdeck::v1::CostReport &report);
    void repriceReady(const opsdeck::v1::RepriceReport &report);
    void priceBookReady(const opsdeck::v1::PriceBook &book);
    void importProgress(qint64 bytesSent, qint64 bytesTotal);
    void importFinished(const opsdeck::v1::ImportReport &report);
    void exportFinished(const QString &path, qint64 bytes);
    void callFailed(const QString &call, const QString &error);

private:
    struct Call;
    void chargesLoop(std::int64_t sinceNs);
    void report(int state, const QString &error, std::int64_t nextRetryUnixNs = 0);
    std::shared_ptr<grpc::Channel> channel(QString *error);
    std::shared_ptr<Call> beginCall();
    void endCall(const std::shared_ptr<Call> &call);
    void failLater(const QString &call, const QString &error);
    void worker(std::function<void()> job);

    const Endpoint m_endpoint;
    model::EventStream *const m_stream;
    const QString m_source;
    std::mutex m_channelMutex;
    std::shared_ptr<grpc::Channel> m_channel; // guarded by m_channelMutex

    std::thread m_charges_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stopCharges = false; // guarded by m_mutex
    grpc::ClientContext *m_chargesContext = nullptr; // guarded by m_mutex
    std::set<std::shared_ptr<Call>> m_calls; // guarded by m_mutex; unary calls and workers in flight
    struct Worker
    {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::vector<Worker> m_workers; // guarded by m_mutex; finished ones are joined on the next start
    bool m_closing = false; // guarded by m_mutex

    std::atomic<bool> m_connected { false };
    std::atomic<std::uint64_t> m_charges { 0 }, m_dropped { 0 }, m_attempts { 0 }, m_lastSeq { 0 };
};

} // namespace opsdeck::clients
