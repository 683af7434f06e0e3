#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

namespace opsdeck::v1 {
class Histogram;
}

namespace opsdeck::model {

// Log-linear bucketing of non-negative durations in nanoseconds: exact below
// 64 ns, then 64 equal sub-buckets per power of two up to 2^48 ns (about 78 h;
// larger values land in the last bucket, the exact maximum is kept aside).
// A bucket is at most 1/64 of its lower bound wide, so its midpoint is within
// 1/128 (0.78 %) of any value inside it: percentiles are within 1 % relative.
struct HistogramLayout
{
    static constexpr int kSubBits = 6;
    static constexpr int kSub = 1 << kSubBits;
    static constexpr int kMaxExponent = 47;
    static constexpr int kBuckets = kSub + (kMaxExponent - kSubBits + 1) * kSub;

    static int index(std::int64_t value);
    static std::int64_t lower(int index);
    static std::int64_t upper(int index); // exclusive
    static std::int64_t midpoint(int index);
};

struct SparseBucket
{
    std::uint32_t index = 0;
    std::uint32_t count = 0;
};

// A closed window's histogram: only the non-empty buckets, in index order,
// packed as two varints each (the step from the previous bucket's index, the
// count): 2 to 3 bytes a bucket where a SparseBucket takes 8. The latency book
// keeps 360 of these per series (300 seconds, 60 minutes), and a minute of
// calls fills a few hundred buckets.
class Histogram;

class SparseHistogram
{
public:
    std::uint64_t count = 0;
    std::int64_t min = 0;
    std::int64_t max = 0;
    double sum = 0.0;

    class Iterator
    {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = SparseBucket;
        using difference_type = std::ptrdiff_t;
        using pointer = const SparseBucket *;
        using reference = const SparseBucket &;
        Iterator(const std::uint8_t *at, const std::uint8_t *end);
        reference operator*() const { return m_bucket; }
        pointer operator->() const { return &m_bucket; }
        Iterator &operator++();
        bool operator==(const Iterator &o) const { return m_at == o.m_at; }
        bool operator!=(const Iterator &o) const { return m_at != o.m_at; }

    private:
        void decode();
        const std::uint8_t *m_at; // the current bucket's bytes
        const std::uint8_t *m_next; // the next one's
        const std::uint8_t *m_end;
        SparseBucket m_bucket;
    };
    struct Buckets
    {
        const std::uint8_t *first;
        const std::uint8_t *last;
        Iterator begin() const { return { first, last }; }
        Iterator end() const { return { last, last }; }
    };

    bool empty() const { return count == 0; }
    // The non-empty buckets, lowest index first (decoded while iterating).
    Buckets buckets() const { return { m_packed.data(), m_packed.data() + m_packed.size() }; }
    std::size_t bucketCount() const { return m_bucketCount; }
    std::uint32_t lowestIndex() const { return m_lowest; }
    std::uint32_t highestIndex() const { return m_highest; }
    // Heap bytes held.
    std::size_t packedBytes() const { return m_packed.capacity(); }

private:
    friend class Histogram; // toSparse() packs
    std::vector<std::uint8_t> m_packed;
    std::uint32_t m_bucketCount = 0;
    std::uint32_t m_lowest = 0;
    std::uint32_t m_highest = 0;
};

// A dense histogram for open windows and for merging views. Not thread-safe.
class Histogram
{
public:
    Histogram();

    void record(std::int64_t valueNs, std::uint64_t n = 1);
    // Adds n values known only by their bucket (foreign histograms).
    void recordBucket(int index, std::uint64_t n, std::int64_t lowNs, std::int64_t highNs);
    void merge(const SparseHistogram &other);
    void merge(const Histogram &other);
    void clear();

    std::uint64_t count() const { return m_count; }
    std::int64_t min() const { return m_count ? m_min : 0; }
    std::int64_t max() const { return m_count ? m_max : 0; }
    double sum() const { return m_sum; }
    double mean() const { return m_count ? m_sum / double(m_count) : 0.0; }

    // Nearest-rank percentile (q in [0, 1]): the estimate of the value of rank
    // ceil(q * count), clamped to [min, max]. 0 when empty.
    std::int64_t percentile(double q) const;
    // Several percentiles in one scan; qs ascending.
    void percentiles(const double *qs, std::int64_t *out, int n) const;

    SparseHistogram toSparse() const;
    void toProto(opsdeck::v1::Histogram *out) const;
    const std::vector<std::uint64_t> &counts() const { return m_counts; }

private:
    std::vector<std::uint64_t> m_counts;
    std::uint64_t m_count = 0;
    std::int64_t m_min = 0;
    std::int64_t m_max = 0;
    double m_sum = 0.0;
    int m_lo = HistogramLayout::kBuckets; // lowest non-empty index
    int m_hi = -1; // highest non-empty index
};

} // namespace opsdeck::model
