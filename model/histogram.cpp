#include "model/histogram.h"

#include "opsdeck/v1/telemetry.pb.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>

namespace opsdeck::model {

int HistogramLayout::index(std::int64_t value)
{
    if (value < kSub)
        return value < 0 ? 0 : int(value);
    const int exponent = int(std::bit_width(std::uint64_t(value))) - 1;
    if (exponent > kMaxExponent)
        return kBuckets - 1;
    const int shift = exponent - kSubBits;
    const int sub = int(std::uint64_t(value) >> shift) - kSub;
    return kSub + shift * kSub + sub;
}

std::int64_t HistogramLayout::lower(int index)
{
    if (index < kSub)
        return index;
    const int shift = (index - kSub) / kSub;
    const int sub = (index - kSub) % kSub;
    return std::int64_t(kSub + sub) << shift;
}

std::int64_t HistogramLayout::upper(int index)
{
    if (index < kSub)
        return index + 1;
    const int shift = (index - kSub) / kSub;
    const int sub = (index - kSub) % kSub;
    return std::int64_t(kSub + sub + 1) << shift;
}

std::int64_t HistogramLayout::midpoint(int index)
{
    if (index < kSub)
        return index;
    const std::int64_t lo = lower(index);
    return lo + (upper(index) - lo) / 2;
}

Histogram::Histogram()
    : m_counts(std::size_t(HistogramLayout::kBuckets), 0)
{ }

void Histogram::record(std::int64_t valueNs, std::uint64_t n)
{
    if (n == 0)
        return;
    if (valueNs < 0)
        valueNs = 0;
    const int i = HistogramLayout::index(valueNs);
    m_counts[std::size_t(i)] += n;
    if (m_count == 0) {
        m_min = m_max = valueNs;
    } else {
        m_min = std::min(m_min, valueNs);
        m_max = std::max(m_max, valueNs);
    }
    m_count += n;
    m_sum += double(valueNs) * double(n);
    m_lo = std::min(m_lo, i);
    m_hi = std::max(m_hi, i);
}

void Histogram::recordBucket(int index, std::uint64_t n, std::int64_t lowNs, std::int64_t highNs)
{
    if (n == 0 || index < 0 || index >= HistogramLayout::kBuckets)
        return;
    m_counts[std::size_t(index)] += n;
    if (m_count == 0) {
        m_min = lowNs;
        m_max = highNs;
    } else {
        m_min = std::min(m_min, lowNs);
        m_max = std::max(m_max, highNs);
    }
    m_count += n;
    m_sum += double(HistogramLayout::midpoint(index)) * double(n);
    m_lo = std::min(m_lo, index);
    m_hi = std::max(m_hi, index);
}

void Histogram::merge(const SparseHistogram &other)
{
    if (other.count == 0)
        return;
    for (const SparseBucket &b : other.buckets())
        m_counts[b.index] += b.count;
    m_lo = std::min(m_lo, int(other.lowestIndex()));
    m_hi = std::max(m_hi, int(other.highestIndex()));
    if (m_count == 0) {
        m_min = other.min;
        m_max = other.max;
    } else {
        m_min = std::min(m_min, other.min);
        m_max = std::max(m_max, other.max);
    }
    m_count += other.count;
    m_sum += other.sum;
}

void Histogram::merge(const Histogram &other)
{
    if (other.m_count == 0)
        return;
    for (int i = other.m_lo; i <= other.m_hi; ++i)
        m_counts[std::size_t(i)] += other.m_counts[std::size_t(i)];
    m_lo = std::min(m_lo, other.m_lo);
    m_hi = std::max(m_hi, other.m_hi);
    if (m_count == 0) {
        m_min = other.m_min;
        m_max = other.m_max;
    } else {
        m_min = std::min(m_min, other.m_min);
        m_max = std::max(m_max, other.m_max);
    }
    m_count += other.m_count;
    m_sum += other.m_sum;
}

void Histogram::clear()
{
    if (m_hi >= m_lo)
        std::fill(m_counts.begin() + m_lo, m_counts.begin() + m_hi + 1, 0);
    m_count = 0;
    m_min = m_max = 0;
    m_sum = 0.0;
    m_lo = HistogramLayout::kBuckets;
    m_hi = -1;
}

std::int64_t Histogram::percentile(double q) const
{
    std::int64_t out = 0;
    percentiles(&q, &out, 1);
    return out;
}

void Histogram::percentiles(const double *qs, std::int64_t *out, int n) const
{
    if (m_count == 0) {
        std::fill(out, out + n, 0);
        return;
    }
    int k = 0;
    std::uint64_t seen = 0;
    for (int i = m_lo; i <= m_hi && k < n; ++i) {
        seen += m_counts[std::size_t(i)];
        while (k < n) {
            const double q = std::clamp(qs[k], 0.0, 1.0);
            const auto rank = std::max<std::uint64_t>(1, std::uint64_t(std::ceil(q * double(m_count))));
            if (seen < rank)
                break;
            out[k++] = std::clamp(HistogramLayout::midpoint(i), m_min, m_max);
        }
    }
    for (; k < n; ++k)
        out[k] = m_max;
}

SparseHistogram Histogram::toSparse() const
{
    SparseHistogram s;
    s.count = m_count;
    s.min = min();
    s.max = max();
    s.sum = m_sum;
    // Packed into a buffer of the largest possible size first (a step and a
    // count of at most 5 bytes each per bucket), then copied into one of the
    // exact size: a window kept for an hour holds no spare capacity.
    static thread_local std::array<std::uint8_t, std::size_t(HistogramLayout::kBuckets) * 10> packed;
    std::uint8_t *out = packed.data();
    auto put = [&out](std::uint32_t v) {
        while (v >= 0x80) {
            *out++ = std::uint8_t(v | 0x80);
            v >>= 7;
        }
        *out++ = std::uint8_t(v);
    };
    std::uint32_t previous = 0; // the first step is the first index itself
    for (int i = m_lo; i <= m_hi; ++i) {
        const std::uint64_t c = m_counts[std::size_t(i)];
        if (c == 0)
            continue;
        put(std::uint32_t(i) - previous);
        put(std::uint32_t(std::min<std::uint64_t>(c, std::numeric_limits<std::uint32_t>::max())));
        if (s.m_bucketCount++ == 0)
            s.m_lowest = std::uint32_t(i);
        previous = std::uint32_t(i);
    }
    s.m_highest = previous;
    s.m_packed.assign(packed.data(), out);
    return s;
}

namespace {
std::uint32_t getVarint(const std::uint8_t *&p)
{
    std::uint32_t v = 0;
    for (int shift = 0;; shift += 7) {
        const std::uint8_t byte = *p++;
        v |= std::uint32_t(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return v;
    }
}
} // namespace

SparseHistogram::Iterator::Iterator(const std::uint8_t *at, const std::uint8_t *end)
    : m_at(at)
    , m_next(at)
    , m_end(end)
{
    decode();
}

void SparseHistogram::Iterator::decode()
{
    if (m_next == m_end)
        return;
    m_bucket.index += getVarint(m_next);
    m_bucket.count = getVarint(m_next);
}

SparseHistogram::Iterator &SparseHistogram::Iterator::operator++()
{
    m_at = m_next;
    decode();
    return *this;
}

void Histogram::toProto(opsdeck::v1::Histogram *out) const
{
    out->Clear();
    out->set_count(m_count);
    out->set_min_ns(min());
    out->set_max_ns(max());
    out->set_sum_ns(m_sum);
    for (int i = m_lo; i <= m_hi; ++i) {
        const std::uint64_t c = m_counts[std::size_t(i)];
        if (c == 0)
            continue;
        auto *b = out->add_buckets();
        b->set_lower_ns(HistogramLayout::lower(i));
        b->set_upper_ns(HistogramLayout::upper(i));
        b->set_count(c);
    }
}

} // namespace opsdeck::model
