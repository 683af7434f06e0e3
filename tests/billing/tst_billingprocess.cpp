// opsdeck-billing as a process: price book errors with line numbers, then a
// live run on an ephemeral loopback port that serves queries and streams
// charges as the synthetic workload produces them, and exits on SIGTERM.
#include "backends/billing/timeutil.h"
#include "opsdeck/v1/billing.grpc.pb.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

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
        p.start(QStringLiteral(OPSDECK_BILLING_EXE), { "--check-price-book", "--price-book", book });
        QVERIFY(p.waitForFinished(timeoutMs(10000)));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(book + ":3: price: must be zero or more"), qPrintable(err));
        QVERIFY2(err.contains(book + ":7: unknown key 'foo'"), qPrintable(err));

        QProcess ok;
        ok.start(QStringLiteral(OPSDECK_BILLING_EXE), { "--check-price-book" });
        QVERIFY(ok.waitForFinished(timeoutMs(10000)));
        QCOMPARE(ok.exitCode(), 0);
    }

    void aRestartResumesTheLedgerWithoutDuplicates()
    {
        QTemporaryDir dir;
        const QStringList args { "--ledger", dir.filePath("ledger.sqlite"), "--backfill-hours", "6",
            "--tick-ms", "200", "--seed", "9" };
        // Charges of the backfill's first three hours and the purchases, as a
        // running instance reports them.
        auto snapshot = [&](v1::CostReport *window, v1::CostReport *purchases) -> bool {
            QProcess p;
            p.start(QStringLiteral(OPSDECK_BILLING_EXE), args);
            if (!p.waitForStarted(timeoutMs(5000)))
                return false;
            while (!p.canReadLine())
                if (!p.waitForReadyRead(timeoutMs(15000)))
                    return false;
            const auto match = QRegularExpression(QStringLiteral("listening on (127\\.0\\.0\\.1:\\d+)"))
                                   .match(QString::fromUtf8(p.readLine()));
            if (!match.hasMatch())
                return false;
            auto stub = v1::Billing::NewStub(
                grpc::CreateChannel(match.captured(1).toStdString(), grpc::InsecureChannelCredentials()));
            v1::CostQuery all;
            all.set_granularity(v1::GRANULARITY_TOTAL);
            v1::CostReport first;
            {
                grpc::ClientContext ctx;
                all.set_start_unix_ns(1);
                if (!stub->QueryCosts(&ctx, all, &first).ok())
                    return false;
            }
            v1::CostQuery q;
            q.set_start_unix_ns(0);
            q.set_end_unix_ns(opsdeck::billing::wallNowNs() - 3 * opsdeck::billing::kNsPerHour);
            grpc::ClientContext ctx;
            if (!stub->QueryCosts(&ctx, q, window).ok())
                return false;
            v1::CostQuery p2;
            auto *f = p2.add_filters();
            f->set_dimension(v1::DIMENSION_CHARGE_CATEGORY);
            f->add_values("Purchase");
            grpc::ClientContext ctx2;
            if (!stub->QueryCosts(&ctx2, p2, purchases).ok())
                return false;
            p.terminate();
            return p.waitForFinished(timeoutMs(10000)) && p.exitCode() == 0;
        };
        v1::CostReport window1, purchases1, window2, purchases2;
        QVERIFY(snapshot(&window1, &purchases1));
        QVERIFY(window1.totals().line_items() > 50);
        QCOMPARE(purchases1.totals().line_items(), 1u); // the all-upfront reservation
        QVERIFY(snapshot(&window2, &purchases2));
        QCOMPARE(purchases2.totals().line_items(), 1u); // not bought twice
        QCOMPARE(window2.totals().line_items(), window1.totals().line_items()); // history not priced twice
        QCOMPARE(window2.totals().effective_cost(), window1.totals().effective_cost());
    }

    void servesLiveChargesAndStopsOnSigterm()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(OPSDECK_BILLING_EXE),
            { "--ledger", dir.filePath("ledger.sqlite"), "--backfill-hours", "6", "--tick-ms", "200",
                "--seed", "5" });
        QVERIFY(p.waitForStarted(timeoutMs(5000)));
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine() || p.state() != QProcess::Running, timeoutMs(15000));
        const QString line = QString::fromUtf8(p.readLine());
        const auto match
            = QRegularExpression(QStringLiteral("listening on (127\\.0\\.0\\.1:\\d+)")).match(line);
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
            QVERIFY(report.totals().line_items() > 100); // six hours of backfill
            QVERIFY(report.totals().effective_cost() > 0);
        }
        // Live: charges for usage after the start arrive on the stream.
        grpc::ClientContext ctx;
        v1::StreamChargesRequest request;
        request.set_since_unix_ns(startedNs - 2 * opsdeck::billing::kNsPerSecond);
        auto reader = stub->StreamCharges(&ctx, request);
        std::atomic<int> live { 0 };
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
