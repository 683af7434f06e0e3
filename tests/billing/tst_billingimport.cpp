// Billing/ImportFocus on the real billing backend in-process on loopback,
// driven through a raw grpc::GenericStub so that each message is exactly the
// bytes the test chooses. A chunk protobuf cannot decode refuses the upload
// with INVALID_ARGUMENT naming the chunk, and nothing of that upload stays in
// the ledger (the import is one transaction); neither does an upload the
// client cancels mid-way or one cut by the backend's shutdown. What the ledger
// held before is untouched, and a normal import afterwards works.
#include "backends/billing/billingbackend.h"
#include "backends/billing/timeutil.h"
#include "opsdeck/v1/billing.pb.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/security/credentials.h>
#include <sqlite3.h>

#include <atomic>
#include <future>

using namespace opsdeck::billing;
namespace v1 = opsdeck::v1;
using namespace std::chrono_literals;

namespace {

const std::int64_t kEpoch = unixNs(2026, 10, 28);

std::chrono::milliseconds scaled(std::chrono::milliseconds ms)
{
    const double scale = qEnvironmentVariableIsSet("OPSDECK_TIMEOUT_SCALE")
        ? qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble()
        : 1.0;
    return std::chrono::milliseconds(std::int64_t(double(ms.count()) * (scale > 0 ? scale : 1.0)));
}

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

// An unknown group field nested far beyond protobuf's recursion limit (100):
// well-formed wire bytes that no parser accepts.
std::string deeplyNested()
{
    const std::string open = varint((2000u << 3) | 3), close = varint((2000u << 3) | 4);
    std::string out;
    for (int i = 0; i < 100000; ++i)
        out += open;
    for (int i = 0; i < 100000; ++i)
        out += close;
    return out;
}

std::string chunk(const std::string &data, const std::string &fileName = {})
{
    v1::ImportChunk c;
    c.set_file_name(fileName);
    c.set_data(data);
    return c.SerializeAsString();
}

// A client-streaming ImportFocus call over the generic stub: writes the given
// messages in order, then half-closes (or, with halfClose false, stays open
// until cancelled or answered), and reads the one answer.
class RawUpload final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>
{
public:
    RawUpload(grpc::GenericStub &stub, std::vector<std::string> messages, bool halfClose)
        : m_messages(std::move(messages))
        , m_halfClose(halfClose)
    {
        m_context.set_deadline(std::chrono::system_clock::now() + scaled(20s));
        stub.PrepareBidiStreamingCall(
            &m_context, "/opsdeck.v1.Billing/ImportFocus", grpc::StubOptions(), this);
        StartRead(&m_response);
        writeNext();
        StartCall();
    }

    void OnWriteDone(bool ok) override
    {
        if (!ok) { // the server answered already
            if (m_halfClose)
                StartWritesDone();
            return;
        }
        ++m_written;
        writeNext();
    }
    void OnReadDone(bool ok) override { m_answered = ok; }
    void OnDone(const grpc::Status &status) override { m_done.set_value(status); }

    int written() const { return m_written.load(); }
    void cancel() { m_context.TryCancel(); }
    // The call's status; DEADLINE_EXCEEDED (a failure) if it does not end.
    grpc::Status status()
    {
        if (m_future.wait_for(scaled(25s)) != std::future_status::ready)
            return { grpc::StatusCode::DEADLINE_EXCEEDED, "the upload did not end" };
        return m_future.get();
    }
    bool report(v1::ImportReport *out)
    {
        return m_answered && grpc::SerializationTraits<v1::ImportReport>::Deserialize(&m_response, out).ok();
    }

private:
    void writeNext()
    {
        if (m_next < m_messages.size()) {
            grpc::Slice slice(m_messages[m_next++]);
            m_request = grpc::ByteBuffer(&slice, 1);
            StartWrite(&m_request);
        } else if (m_halfClose) {
            StartWritesDone();
        }
    }

    grpc::ClientContext m_context;
    std::vector<std::string> m_messages;
    std::size_t m_next = 0;
    const bool m_halfClose;
    grpc::ByteBuffer m_request, m_response;
    std::atomic<int> m_written { 0 };
    bool m_answered = false; // written by OnReadDone, read after OnDone
    std::promise<grpc::Status> m_done;
    std::future<grpc::Status> m_future = m_done.get_future();
};

std::int64_t count(const std::string &ledgerPath, const std::string &where = "1")
{
    sqlite3 *db = nullptr;
    std::int64_t n = -1;
    if (sqlite3_open_v2(ledgerPath.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *s = nullptr;
        const std::string sql = "SELECT COUNT(*) FROM line_items WHERE " + where;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK
            && sqlite3_step(s) == SQLITE_ROW)
            n = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return n;
}

} // namespace

class TestBillingImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_ledgerPath;
    std::unique_ptr<BillingBackend> m_backend;
    std::unique_ptr<grpc::GenericStub> m_stub;
    std::string m_csv; // resources/billing/samples/focus-sample.csv: 84 valid rows
    std::vector<std::string> m_parts; // the file in three pieces, cut mid-line

    static const char *imported() { return "resource_id LIKE 'imported/%'"; }

    // The ledger exactly as before: the same rows, the same last seq, nothing
    // of the sample file.
    void verifyUnchanged(std::uint64_t seqBefore, std::int64_t rowsBefore)
    {
        QCOMPARE(m_backend->ledger().lastSeq(), seqBefore);
        QCOMPARE(count(m_ledgerPath), rowsBefore);
    }

    std::vector<std::string> goodUpload() const
    {
        return { chunk(m_parts[0], "focus-sample.csv"), chunk(m_parts[1]), chunk(m_parts[2]) };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile file(
            QString::fromUtf8(OPSDECK_DEFAULT_PRICE_BOOK).section('/', 0, -2) + "/samples/focus-sample.csv");
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_csv = file.readAll().toStdString();
        QVERIFY(m_csv.size() > 20000);
        m_parts = { m_csv.substr(0, 7001), m_csv.substr(7001, 7000), m_csv.substr(14001) };

        BillingOptions options;
        m_ledgerPath = m_dir.filePath("ledger.sqlite").toStdString();
        options.ledgerPath = m_ledgerPath;
        options.syntheticWorkload = false;
        std::string error;
        m_backend = BillingBackend::create(options, &error);
        QVERIFY2(m_backend, error.c_str());
        QVERIFY2(m_backend->start(&error), error.c_str());
        // What was valid before the uploads: six hours of the seeded workload.
        WorkloadGenerator workload(7, kEpoch);
        std::vector<UsageEvent> events;
        workload.generate(kEpoch, kEpoch + 6 * kNsPerHour, &events);
        m_backend->submitAll(events);
        QVERIFY(m_backend->ledger().lastSeq() > 10);
        m_stub = std::make_unique<grpc::GenericStub>(
            grpc::CreateChannel(m_backend->address(), grpc::InsecureChannelCredentials()));
    }

    void cleanupTestCase()
    {
        m_stub.reset();
        if (m_backend)
            m_backend->stop();
    }

    void undecodableChunkRefusesTheWholeUpload_data()
    {
        QTest::addColumn<int>("goodBefore");
        QTest::newRow("third chunk") << 2;
        QTest::newRow("first chunk") << 0;
    }

    void undecodableChunkRefusesTheWholeUpload()
    {
        QFETCH(int, goodBefore);
        const std::uint64_t seq = m_backend->ledger().lastSeq();
        const std::int64_t rows = count(m_ledgerPath);
        auto messages = goodUpload();
        messages.resize(std::size_t(goodBefore));
        messages.push_back(deeplyNested());
        messages.push_back(chunk(m_parts[2])); // a good chunk after the bad one changes nothing
        RawUpload upload(*m_stub, messages, true);
        const grpc::Status status = upload.status();
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        const std::string expected
            = "ImportFocus: chunk " + std::to_string(goodBefore + 1) + " is not a valid ImportChunk";
        QVERIFY2(status.error_message().rfind(expected, 0) == 0, status.error_message().c_str());
        QVERIFY2(status.error_message().find("nothing of it was imported") != std::string::npos,
            status.error_message().c_str());
        verifyUnchanged(seq, rows);
        QCOMPARE(count(m_ledgerPath, imported()), 0);
    }

    void normalImportAfterARefusalKeepsEveryRow()
    {
        const std::uint64_t seq = m_backend->ledger().lastSeq();
        const std::int64_t rows = count(m_ledgerPath);
        RawUpload upload(*m_stub, goodUpload(), true);
        const grpc::Status status = upload.status();
        QVERIFY2(status.ok(), status.error_message().c_str());
        v1::ImportReport report;
        QVERIFY(upload.report(&report));
        QCOMPARE(report.file_name(), std::string("focus-sample.csv"));
        QCOMPARE(report.rows_read(), 84u);
        QCOMPARE(report.rows_imported(), 84u);
        QCOMPARE(report.rows_rejected(), 0u);
        QCOMPARE(m_backend->ledger().lastSeq(), seq + 84);
        QCOMPARE(count(m_ledgerPath), rows + 84);
        QCOMPARE(count(m_ledgerPath, imported()), 84);
    }

    void cancelledUploadKeepsNothing()
    {
        const std::uint64_t seq = m_backend->ledger().lastSeq();
        const std::int64_t rows = count(m_ledgerPath);
        const std::int64_t before = count(m_ledgerPath, imported());
        auto messages = goodUpload();
        messages.pop_back();
        RawUpload upload(*m_stub, messages, false);
        QTRY_COMPARE_WITH_TIMEOUT(upload.written(), 2, int(scaled(10s).count()));
        upload.cancel();
        QCOMPARE(upload.status().error_code(), grpc::StatusCode::CANCELLED);
        // The import thread rolls back and lets the ledger go: a usage write
        // and a whole import go through afterwards.
        UsageEvent e;
        e.kind = UsageEvent::Kind::Instance;
        e.resourceId = "sim/after-cancel";
        e.product = "vm.small";
        e.startNs = kEpoch + 7 * kNsPerHour;
        e.endNs = e.startNs + 120 * kNsPerSecond;
        e.runEnds = true;
        const std::uint64_t errors = m_backend->usageErrors();
        m_backend->submit(e);
        QCOMPARE(m_backend->usageErrors(), errors);
        const std::uint64_t priced = m_backend->ledger().lastSeq() - seq;
        QVERIFY(priced > 0);
        QCOMPARE(count(m_ledgerPath), rows + std::int64_t(priced));
        QCOMPARE(count(m_ledgerPath, imported()), before);
        RawUpload again(*m_stub, goodUpload(), true);
        QVERIFY(again.status().ok());
        QCOMPARE(count(m_ledgerPath, imported()), before + 84);
    }

    void shutdownDuringAnImportEndsItCleanly()
    {
        // A backend of its own, stopped while an upload is open, with the live
        // workload on: its thread soon waits for the ledger the import holds,
        // and stop() joins that thread — the import must be ended first, not
        // when the stalled client gives up.
        BillingOptions options;
        options.ledgerPath = m_dir.filePath("shutdown.sqlite").toStdString();
        options.backfillHours = 1;
        options.tick = 10ms;
        std::string error;
        auto backend = BillingBackend::create(options, &error);
        QVERIFY2(backend, error.c_str());
        QVERIFY2(backend->start(&error), error.c_str());
        QVERIFY(backend->ledger().lastSeq() > 0); // the backfill
        grpc::GenericStub stub(grpc::CreateChannel(backend->address(), grpc::InsecureChannelCredentials()));
        auto messages = goodUpload();
        messages.pop_back();
        RawUpload upload(stub, messages, false); // stays open: the import waits for a third chunk
        QTRY_COMPARE_WITH_TIMEOUT(upload.written(), 2, int(scaled(10s).count()));
        QElapsedTimer stopping;
        stopping.start();
        backend->stop();
        qInfo("stop() took %lld ms with an import open", stopping.elapsed());
        const grpc::Status status = upload.status();
        // The backend answers UNAVAILABLE "… shutting down …". Rarely (2 runs
        // in about 600 here) the client saw a bare CANCELLED instead: the
        // server is torn down right after the call ends. Either way the call
        // ended without waiting for the client (a hang is DEADLINE_EXCEEDED).
        const bool answered = status.error_code() == grpc::StatusCode::UNAVAILABLE
            && status.error_message().find("shutting down") != std::string::npos;
        QVERIFY2(answered || status.error_code() == grpc::StatusCode::CANCELLED,
            (std::to_string(status.error_code()) + " " + status.error_message()).c_str());
        if (!answered)
            qWarning("the client saw %d %s, not the backend's answer", int(status.error_code()),
                status.error_message().c_str());
        backend.reset();
        // Reopened: consistent (every row committed, none of the cut upload).
        const std::int64_t rows = count(options.ledgerPath);
        QVERIFY(rows > 0);
        QCOMPARE(count(options.ledgerPath, imported()), 0);
        auto reopened = Ledger::open(options.ledgerPath, "USD", &error);
        QVERIFY2(reopened, error.c_str());
        QCOMPARE(std::int64_t(reopened->lastSeq()), rows);
    }

    void refusedUploadDoesNotDisturbAConcurrentOne()
    {
        // Two uploads at once: the ledger takes them one after the other; the
        // bad one is refused, the good one is kept whole.
        const std::int64_t before = count(m_ledgerPath, imported());
        auto bad = goodUpload();
        bad[1] = deeplyNested();
        RawUpload good(*m_stub, goodUpload(), true), refused(*m_stub, bad, true);
        const grpc::Status refusedStatus = refused.status(), goodStatus = good.status();
        QCOMPARE(refusedStatus.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY2(refusedStatus.error_message().find("chunk 2") != std::string::npos,
            refusedStatus.error_message().c_str());
        QVERIFY2(goodStatus.ok(), goodStatus.error_message().c_str());
        QCOMPARE(count(m_ledgerPath, imported()), before + 84);
    }
};

QTEST_GUILESS_MAIN(TestBillingImport)
#include "tst_billingimport.moc"
