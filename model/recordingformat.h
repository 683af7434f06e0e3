#pragma once

#include "opsdeck/v1/recording.pb.h"

#include <QString>

#include <cstdint>
#include <string_view>

namespace opsdeck::model {

class SqliteDb;

// The recording file: one SQLite database (WAL) per file.
//
//  metadata(id = 1, data)              RecordingMetadata, rewritten at every commit
//  envelopes(seq, t, channel, data)    every Envelope, seq = file order from 1,
//                                      t = receive time clamped non-decreasing
//  keyframes(last_seq, t, data)        Keyframe after envelope last_seq (0 = before any)
//  marks(seq, t, kind, label)          index of control commands, bookmarks, notes,
//                                      alerts and connection changes for the timeline
//
// The state at a position P is: the keyframe with the largest last_seq whose
// t <= P, then every envelope after it in seq order whose t <= P. Because t
// never decreases with seq, "play from the start" and "seek" give the same state.
namespace recording {

constexpr std::uint32_t kFormatVersion = 1;
constexpr int kApplicationId = 0x4F505344; // "OPSD"
constexpr std::string_view kFileSuffix = ".opsrec";

enum class MarkKind : int {
    Control = 1, // a control command or its acknowledgement
    Bookmark = 2,
    Note = 3,
    Alert = 4,
    Connection = 5, // a backend connection changed state
};

// Creates the schema in an empty database and sets the pragmas a writer needs.
bool createSchema(SqliteDb &db, QString *error);

// Which timeline mark, if any, an envelope makes, and its label.
bool markFor(const opsdeck::v1::Envelope &envelope, MarkKind *kind, std::string *label);

} // namespace recording
} // namespace opsdeck::model
