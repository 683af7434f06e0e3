// opsdeck-billing as a process: price book errors with line numbers, then a
// live run on an ephemeral loopback port that serves queries and streams
// charges as the synthetic workload produces them, and exits on SIGTERM.
#include "backends/billing/timeutil.h"

#include "opsdeck/v1/billing.grpc.pb.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

namespace v1 = opsdeck::v1;

namespace {
int timeoutMs(int ms)
{
    const double scale = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE", QStringLiteral("1")).toDouble();
    return int(ms * (scale > 0 ? scale : 1.0));
}
} // namespace

class TestBillingProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsPriceBookErrorsWithLines()
    {
        QTemporaryDir dir;
        const QString book = dir.filePath("bad.conf");
        QFile f(book);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("currency = USD\n[vm.x]\nprice = -1\nproduct = vm.x\nservice = C\nunit = Hours\nfoo = bar\n");
        f.close();
        QProcess p;
        p.start(QStringLiteral(OPSDECK_BILLING_EXE), {"--check-price-book", "--price-book", book});
        QVERIFY(p.waitForFinished(timeoutMs(10000)));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(book + ":3: price: must be zero or more"), qPrintable(err));
        QVERIFY2(err.contains(book + ":7: unknown key 'foo'"), qPrintable(err));

        QProcess ok;
        ok.start(QStringLiteral(OPSDECK_BILLING_EXE), {"--check-price-book"});
        QVERIFY(ok.waitForFinished(timeoutMs(10000)));
        QCOMPARE(ok.exitCode(), 0);
    }

    void servesLiveChargesAndStopsOnSigterm()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(OPSDECK_BILLING_EXE),
                {"--ledger", dir.filePath("ledger.sqlite"), "--backfill-hours", "6", "--tick-ms", "200", "--seed", "5"});
        QVERIFY(p.waitForStarted(timeoutMs(5000)));
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine() || p.state() != QProcess::Running, timeoutMs(15000));
        const QString line = QString::fromUtf8(p.readLine());
        const auto match = QRegularExpression(QStringLiteral("listening on (127\\.0\\.0\\.1:\\d+)")).match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        const std::int64_t startedNs = opsdeck::billing::wallNowNs();

        auto stub = v1::Billing::NewStub(
            grpc::CreateChannel(match.captured(1).toStdString(), grpc::InsecureChannelCredentials()));
        {
            grpc::ClientContext ctx;
            v1::CostQuery q;
            q.add_group_by()->set_dimension(v1::DIMENSION_SERVICE);
            v1::CostReport report;
            QVERIFY(stub->QueryCosts(&ctx, q, &report).ok());
            QVERIFY(report.totals().line_items() > 100);  // six hours of backfill
            QVERIFY(report.totals().effective_cost() > 0);
        }
        // Live: charges for usage after the start arrive on the stream.
        grpc::ClientContext ctx;
        v1::StreamChargesRequest request;
        request.set_since_unix_ns(startedNs - 2 * opsdeck::billing::kNsPerSecond);
        auto reader = stub->StreamCharges(&ctx, request);
        std::atomic<int> live{0};
        std::thread t([&] {
            v1::LineItem item;
            while (reader->Read(&item))
                if (item.charge_period_end_unix_ns() > startedNs)
                    ++live;
        });
        QTRY_VERIFY_WITH_TIMEOUT(live.load() > 0, timeoutMs(10000));
        ctx.TryCancel();
        t.join();

        p.terminate();
        QVERIFY(p.waitForFinished(timeoutMs(10000)));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBillingProcess)
#include "tst_billingprocess.moc"
