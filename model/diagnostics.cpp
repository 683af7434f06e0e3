#include "model/diagnostics.h"

namespace opsdeck::model {

namespace {
// Long examples (a whole malformed CSV row, say) are cut so one bad input
// cannot make the diagnostics themselves large.
QString clip(const QString &text)
{
    constexpr qsizetype kMax = 240;
    return text.size() <= kMax ? text : text.left(kMax) + QStringLiteral("…");
}
} // namespace

Diagnostics::Diagnostics(std::size_t maxEntries)
    : m_maxEntries(maxEntries)
{ }

void Diagnostics::report(
    const QString &source, const QString &reason, const QString &example, std::int64_t atUnixNs)
{
    ++m_total;
    auto key = std::make_pair(source, reason);
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        if (m_entries.size() >= m_maxEntries)
            key.second = QStringLiteral("other reasons");
        it = m_entries.try_emplace(key).first;
        if (it->second.count == 0) {
            it->second.source = key.first;
            it->second.reason = key.second;
            it->second.firstExample = clip(example);
            it->second.firstSeenUnixNs = atUnixNs;
        }
    }
    Entry &entry = it->second;
    ++entry.count;
    entry.lastExample = clip(example);
    entry.lastSeenUnixNs = atUnixNs;
}

std::uint64_t Diagnostics::count(const QString &source, const QString &reason) const
{
    const auto it = m_entries.find({ source, reason });
    return it == m_entries.end() ? 0 : it->second.count;
}

void Diagnostics::publish()
{
    auto next = std::make_shared<Snapshot>();
    next->reserve(m_entries.size());
    for (const auto &[key, entry] : m_entries)
        next->push_back(entry);
    m_box.publish(std::move(next));
}

} // namespace opsdeck::model
