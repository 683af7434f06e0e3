#include "model/recordingsalvage.h"

#include "model/recordingformat.h"
#include "model/sqlitedb.h"
#include "opsdeck/v1/recording.pb.h"

#include <QFile>

#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace opsdeck::model {

namespace {

// Bounds-checked view of the mapped file. SQLite's on-disk format: big-endian
// integers, varints of up to 9 bytes, pages of `pageSize` bytes numbered from 1.
struct FileView
{
    const unsigned char *data = nullptr;
    std::uint64_t size = 0;
    std::uint32_t pageSize = 4096;
    std::uint32_t usable = 4096;

    std::uint64_t pageCount() const { return size / pageSize; }
    const unsigned char *page(std::uint64_t number) const
    {
        return number >= 1 && number <= pageCount() ? data + (number - 1) * pageSize : nullptr;
    }
};

std::uint32_t be16(const unsigned char *p)
{
    return std::uint32_t(p[0]) << 8 | p[1];
}
std::uint32_t be32(const unsigned char *p)
{
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// Reads a varint at p (not past end). Returns bytes used, 0 if truncated.
int varint(const unsigned char *p, const unsigned char *end, std::uint64_t *value)
{
    std::uint64_t v = 0;
    for (int i = 0; i < 9; ++i) {
        if (p + i >= end)
            return 0;
        if (i == 8) {
            v = (v << 8) | p[i];
            *value = v;
            return 9;
        }
        v = (v << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80)) {
            *value = v;
            return i + 1;
        }
    }
    return 0;
}

struct Column
{
    enum Type { Null, Int, Real, Blob, Text } type = Null;
    std::int64_t integer = 0;
    std::string bytes;
};

// Decodes an SQLite record (header of serial types, then the values).
std::optional<std::vector<Column>> decodeRecord(const std::string &payload)
{
    const auto *begin = reinterpret_cast<const unsigned char *>(payload.data());
    const auto *end = begin + payload.size();
    std::uint64_t headerSize = 0;
    const int n = varint(begin, end, &headerSize);
    if (n == 0 || headerSize > payload.size() || headerSize < std::uint64_t(n))
        return std::nullopt;
    std::vector<std::uint64_t> types;
    for (const unsigned char *p = begin + n; p < begin + headerSize;) {
        std::uint64_t type = 0;
        const int used = varint(p, begin + headerSize, &type);
        if (used == 0 || types.size() > 16)
            return std::nullopt;
        types.push_back(type);
        p += used;
    }
    std::vector<Column> columns;
    const unsigned char *body = begin + headerSize;
    static constexpr int kIntBytes[] = { 0, 1, 2, 3, 4, 6, 8 };
    for (const std::uint64_t type : types) {
        Column column;
        if (type == 0) {
            column.type = Column::Null;
        } else if (type <= 6) {
            const int bytes = kIntBytes[type];
            if (body + bytes > end)
                return std::nullopt;
            std::int64_t v = (body[0] & 0x80) ? -1 : 0; // sign-extend
            for (int i = 0; i < bytes; ++i)
                v = std::int64_t(std::uint64_t(v) << 8 | body[i]);
            column.type = Column::Int;
            column.integer = v;
            body += bytes;
        } else if (type == 7) {
            if (body + 8 > end)
                return std::nullopt;
            column.type = Column::Real;
            body += 8;
        } else if (type == 8 || type == 9) {
            column.type = Column::Int;
            column.integer = std::int64_t(type - 8);
        } else if (type >= 12) {
            const std::uint64_t length = (type - 12) / 2;
            if (length > std::uint64_t(end - body))
                return std::nullopt;
            column.type = (type % 2 == 0) ? Column::Blob : Column::Text;
            column.bytes.assign(reinterpret_cast<const char *>(body), std::size_t(length));
            body += length;
        } else {
            return std::nullopt; // 10 and 11 are reserved
        }
        columns.push_back(std::move(column));
    }
    return columns;
}

// Collects a cell's payload, following its overflow chain. Fails on any
// page number outside the file or a chain longer than the payload needs.
bool cellPayload(const FileView &file, const unsigned char *cell, const unsigned char *pageEnd,
    std::uint64_t *rowid, std::string *payload)
{
    std::uint64_t size = 0;
    int n = varint(cell, pageEnd, &size);
    if (n == 0 || size > (1u << 30))
        return false;
    cell += n;
    n = varint(cell, pageEnd, rowid);
    if (n == 0)
        return false;
    cell += n;
    const std::uint64_t u = file.usable;
    const std::uint64_t x = u - 35;
    std::uint64_t local = size;
    if (size > x) {
        const std::uint64_t m = ((u - 12) * 32 / 255) - 23;
        const std::uint64_t k = m + ((size - m) % (u - 4));
        local = k <= x ? k : m;
    }
    if (cell + local > pageEnd)
        return false;
    payload->assign(reinterpret_cast<const char *>(cell), std::size_t(local));
    if (local == size)
        return true;
    if (cell + local + 4 > pageEnd)
        return false;
    std::uint64_t next = be32(cell + local);
    while (payload->size() < size) {
        const unsigned char *overflow = file.page(next);
        if (!overflow)
            return false;
        const std::uint64_t take = std::min<std::uint64_t>(u - 4, size - payload->size());
        payload->append(reinterpret_cast<const char *>(overflow + 4), std::size_t(take));
        next = be32(overflow);
    }
    return true;
}

} // namespace

QString SalvageReport::summary() const
{
    QString text = QStringLiteral("recovered %1 envelopes").arg(envelopes);
    if (envelopes > 0)
        text += QStringLiteral(" (seq %1–%2").arg(firstSeq).arg(lastSeq)
            + (gaps ? QStringLiteral(", %1 missing in between)").arg(gaps) : QStringLiteral(")"));
    text += QStringLiteral(", %1 keyframes and %2 timeline marks from %3 pages")
                .arg(keyframes)
                .arg(marks)
                .arg(pages);
    if (damagedRecords)
        text += QStringLiteral("; %1 damaged records dropped").arg(damagedRecords);
    if (!metadata)
        text += QStringLiteral("; the metadata was lost");
    return text;
}

bool salvageRecording(const QString &damaged, const QString &out, SalvageReport *report, QString *error)
{
    *report = {};
    QFile in(damaged);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(damaged, in.errorString());
        return false;
    }
    FileView file;
    file.size = std::uint64_t(in.size());
    file.data = file.size ? in.map(0, in.size()) : nullptr;
    if (!file.data) {
        *error = QStringLiteral("cannot map %1").arg(damaged);
        return false;
    }
    // Page size from the header when it is sane, else SQLite's default.
    if (file.size >= 100 && std::memcmp(file.data, "SQLite format 3", 15) == 0) {
        const std::uint32_t ps = be16(file.data + 16) == 1 ? 65536u : be16(file.data + 16);
        const std::uint32_t reserved = file.data[20];
        if (ps >= 512 && ps <= 65536 && (ps & (ps - 1)) == 0 && reserved < 64) {
            file.pageSize = ps;
            file.usable = ps - reserved;
        }
    }
    report->pages = file.pageCount();

    std::map<std::uint64_t, std::pair<std::int64_t, opsdeck::v1::Envelope>> envelopes;
    std::map<std::uint64_t, std::pair<std::int64_t, std::string>> keyframes;
    std::map<std::uint64_t, std::tuple<std::int64_t, std::int64_t, std::string>> marks;
    std::string metadata;
    for (std::uint64_t number = 1; number <= file.pageCount(); ++number) {
        const unsigned char *page = file.page(number);
        const unsigned char *header = page + (number == 1 ? 100 : 0);
        if (header[0] != 0x0d) // table b-tree leaf
            continue;
        ++report->leafPages;
        const unsigned char *pageEnd = page + file.usable;
        const std::uint32_t cells = be16(header + 3);
        if (header + 8 + 2 * cells > pageEnd)
            continue;
        for (std::uint32_t i = 0; i < cells; ++i) {
            const std::uint32_t offset = be16(header + 8 + 2 * i);
            std::uint64_t rowid = 0;
            std::string payload;
            if (offset < 8 || offset >= file.usable
                || !cellPayload(file, page + offset, pageEnd, &rowid, &payload)) {
                ++report->damagedRecords;
                continue;
            }
            const auto record = decodeRecord(payload);
            if (!record) {
                ++report->damagedRecords;
                continue;
            }
            const auto &c = *record;
            const bool keyed = !c.empty() && c[0].type == Column::Null;
            if (keyed && c.size() == 4 && c[1].type == Column::Int && c[2].type == Column::Int
                && c[3].type == Column::Blob) {
                opsdeck::v1::Envelope envelope;
                if (envelope.ParseFromString(c[3].bytes))
                    envelopes[rowid] = { c[1].integer, std::move(envelope) };
                else
                    ++report->damagedRecords;
            } else if (keyed && c.size() == 4 && c[1].type == Column::Int && c[2].type == Column::Int
                && c[3].type == Column::Text) {
                marks[rowid] = { c[1].integer, c[2].integer, c[3].bytes };
            } else if (keyed && c.size() == 3 && c[1].type == Column::Int && c[2].type == Column::Blob) {
                opsdeck::v1::Keyframe probe;
                if (probe.ParseFromString(c[2].bytes))
                    keyframes[rowid] = { c[1].integer, c[2].bytes };
                else
                    ++report->damagedRecords;
            } else if (keyed && c.size() == 2 && rowid == 1 && c[1].type == Column::Blob) {
                opsdeck::v1::RecordingMetadata probe;
                if (probe.ParseFromString(c[1].bytes))
                    metadata = c[1].bytes;
            }
        }
    }
    in.unmap(const_cast<unsigned char *>(file.data));

    if (envelopes.empty() && keyframes.empty()) {
        *error = QStringLiteral("no recording data could be recovered from %1 (%2 pages scanned)")
                     .arg(damaged)
                     .arg(report->pages);
        return false;
    }
    report->envelopes = envelopes.size();
    report->keyframes = keyframes.size();
    report->marks = marks.size();
    report->metadata = !metadata.empty();
    if (!envelopes.empty()) {
        report->firstSeq = envelopes.begin()->first;
        report->lastSeq = envelopes.rbegin()->first;
        report->gaps = report->lastSeq - report->firstSeq + 1 - envelopes.size();
    }

    SqliteDb db;
    if (!db.open(out, false, error) || !recording::createSchema(db, error) || !db.exec("BEGIN", error))
        return false;
    SqliteStmt insertEnvelope(db, "INSERT INTO envelopes (seq, t, channel, data) VALUES (?, ?, ?, ?)");
    std::int64_t lastT = 0;
    for (const auto &[seq, entry] : envelopes) {
        // Keep the file's clock non-decreasing even if a damaged t slipped through.
        lastT = std::max(lastT, entry.first);
        const std::string bytes = entry.second.SerializeAsString();
        insertEnvelope.bind(1, std::int64_t(seq));
        insertEnvelope.bind(2, lastT);
        insertEnvelope.bind(3, std::int64_t(entry.second.channel()));
        insertEnvelope.bindBlob(4, bytes.data(), bytes.size());
        if (!insertEnvelope.run(error))
            return false;
    }
    SqliteStmt insertKeyframe(db, "INSERT INTO keyframes (last_seq, t, data) VALUES (?, ?, ?)");
    for (const auto &[lastSeq, entry] : keyframes) {
        insertKeyframe.bind(1, std::int64_t(lastSeq));
        insertKeyframe.bind(2, entry.first);
        insertKeyframe.bindBlob(3, entry.second.data(), entry.second.size());
        if (!insertKeyframe.run(error))
            return false;
    }
    SqliteStmt insertMark(db, "INSERT INTO marks (seq, t, kind, label) VALUES (?, ?, ?, ?)");
    for (const auto &[seq, entry] : marks) {
        if (!envelopes.count(seq))
            continue;
        insertMark.bind(1, std::int64_t(seq));
        insertMark.bind(2, std::get<0>(entry));
        insertMark.bind(3, std::get<1>(entry));
        insertMark.bind(4, std::get<2>(entry));
        if (!insertMark.run(error))
            return false;
    }
    if (metadata.empty()) {
        opsdeck::v1::RecordingMetadata fresh;
        fresh.set_format_version(recording::kFormatVersion);
        metadata = fresh.SerializeAsString();
    }
    SqliteStmt insertMeta(db, "INSERT INTO metadata (id, data) VALUES (1, ?)");
    insertMeta.bindBlob(1, metadata.data(), metadata.size());
    if (!insertMeta.run(error) || !db.exec("COMMIT", error))
        return false;
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return true;
}

} // namespace opsdeck::model
