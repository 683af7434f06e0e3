#include "model/histogram.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using opsdeck::model::Histogram;
using opsdeck::model::HistogramLayout;

namespace {
std::int64_t exactRank(std::vector<std::int64_t> sorted, double q)
{
    const auto rank = std::max<std::size_t>(1, std::size_t(std::ceil(q * double(sorted.size()))));
    return sorted[rank - 1];
}
} // namespace

class TestHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layoutIsContinuousAndMonotonic()
    {
        for (int i = 0; i + 1 < HistogramLayout::kBuckets; ++i) {
            QCOMPARE(HistogramLayout::upper(i), HistogramLayout::lower(i + 1));
            QCOMPARE(HistogramLayout::index(HistogramLayout::lower(i)), i);
            QCOMPARE(HistogramLayout::index(HistogramLayout::upper(i) - 1), i);
        }
        QCOMPARE(HistogramLayout::index(-5), 0);
        QCOMPARE(HistogramLayout::index(std::int64_t(1) << 60), HistogramLayout::kBuckets - 1);
    }

    void bucketWidthBoundsRelativeError()
    {
        for (int i = HistogramLayout::kSub; i < HistogramLayout::kBuckets; ++i) {
            const double lo = double(HistogramLayout::lower(i));
            const double width = double(HistogramLayout::upper(i)) - lo;
            QVERIFY2(width / lo <= 1.0 / 64.0 + 1e-12, qPrintable(QString::number(i)));
        }
    }

    void percentilesWithinOnePercent_data()
    {
        QTest::addColumn<int>("distribution");
        QTest::newRow("lognormal ms") << 0;
        QTest::newRow("uniform us..s") << 1;
        QTest::newRow("bimodal with timeouts") << 2;
    }

    void percentilesWithinOnePercent()
    {
        QFETCH(int, distribution);
        std::mt19937_64 rng(42 + distribution);
        std::lognormal_distribution<double> logn(std::log(3e6), 0.8);
        std::uniform_int_distribution<std::int64_t> uni(1000, 1'000'000'000);
        std::bernoulli_distribution slow(0.03);
        std::vector<std::int64_t> values;
        Histogram h;
        for (int i = 0; i < 200000; ++i) {
            std::int64_t v = 0;
            if (distribution == 0)
                v = std::int64_t(logn(rng));
            else if (distribution == 1)
                v = uni(rng);
            else
                v = slow(rng) ? 250'000'000 + std::int64_t(logn(rng)) : std::int64_t(logn(rng) / 10);
            values.push_back(v);
            h.record(v);
        }
        std::sort(values.begin(), values.end());
        for (double q : { 0.5, 0.9, 0.99, 0.999, 1.0 }) {
            const double exact = double(exactRank(values, q));
            const double est = double(h.percentile(q));
            QVERIFY2(std::abs(est - exact) / exact <= 0.01,
                qPrintable(QStringLiteral("q=%1 exact=%2 est=%3").arg(q).arg(exact).arg(est)));
        }
        QCOMPARE(h.max(), values.back());
        QCOMPARE(h.min(), values.front());
        QCOMPARE(h.count(), std::uint64_t(values.size()));
    }

    // The packed buckets decode to exactly the dense counts: steps of 1 and of
    // thousands of buckets, counts from 1 to past what a uint32 holds
    // (clamped), and a minute of calls costs under 3 bytes a bucket.
    void sparsePacksEveryBucketExactly()
    {
        Histogram h;
        std::mt19937_64 rng(7);
        std::lognormal_distribution<double> latency(std::log(2e6), 0.8); // around 2 ms
        for (int i = 0; i < 3600; ++i)
            h.record(std::int64_t(latency(rng)));
        h.record(0);
        h.record(std::int64_t(1) << 46, 5'000'000'000ULL); // far away; count clamped
        const opsdeck::model::SparseHistogram s = h.toSparse();
        std::size_t n = 0;
        std::uint32_t previous = 0;
        for (const opsdeck::model::SparseBucket &b : s.buckets()) {
            QVERIFY(n == 0 || b.index > previous);
            const std::uint64_t dense = h.counts()[b.index];
            QCOMPARE(std::uint64_t(b.count), std::min<std::uint64_t>(dense, 0xffffffffULL));
            previous = b.index;
            ++n;
        }
        const auto nonEmpty = std::size_t(
            std::count_if(h.counts().begin(), h.counts().end(), [](std::uint64_t c) { return c != 0; }));
        QCOMPARE(n, nonEmpty);
        QCOMPARE(s.bucketCount(), nonEmpty);
        QCOMPARE(s.lowestIndex(), 0u);
        QCOMPARE(int(s.highestIndex()), HistogramLayout::index(std::int64_t(1) << 46));
        QVERIFY2(s.packedBytes() < 3 * nonEmpty,
            qPrintable(QStringLiteral("%1 bytes for %2 buckets").arg(s.packedBytes()).arg(nonEmpty)));

        Histogram back;
        back.merge(s);
        QCOMPARE(back.count(), h.count());
        QCOMPARE(back.min(), h.min());
        QCOMPARE(back.max(), h.max());
        for (double q : { 0.5, 0.9, 0.99 })
            QCOMPARE(back.percentile(q), h.percentile(q));

        const opsdeck::model::SparseHistogram none = Histogram().toSparse();
        QVERIFY(none.empty());
        QVERIFY(none.buckets().begin() == none.buckets().end());
        QCOMPARE(none.packedBytes(), std::size_t(0));
    }

    void sparseRoundTripAndMerge()
    {
        Histogram a, b, merged;
        for (int i = 1; i <= 1000; ++i) {
            a.record(i * 1000);
            b.record(i * 7919);
        }
        merged.merge(a.toSparse());
        merged.merge(b);
        QCOMPARE(merged.count(), std::uint64_t(2000));
        QCOMPARE(merged.max(), std::int64_t(1000 * 7919));
        QCOMPARE(merged.min(), std::int64_t(1000));
        merged.clear();
        QCOMPARE(merged.count(), std::uint64_t(0));
        QCOMPARE(merged.percentile(0.5), std::int64_t(0));
    }
};

QTEST_APPLESS_MAIN(TestHistogram)
#include "tst_histogram.moc"
