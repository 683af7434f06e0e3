// Fuzz target: the recording reader and its page-level salvage. Any bytes are
// written as a recording file and opened, read to the end, seeked and salvaged;
// nothing may crash, hang or read out of bounds.
#include "model/recordingreader.h"
#include "model/recordingsalvage.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("input.opsrec"));
    const QString salvaged = dir.filePath(QStringLiteral("salvaged.opsrec"));
    QFile::remove(path);
    QFile::remove(salvaged);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    opsdeck::model::RecordingReader reader;
    QString error;
    if (reader.open(path, &error)) {
        opsdeck::v1::Keyframe keyframe;
        reader.keyframeAt(reader.endNs(), &keyframe);
        reader.read(0, INT64_MAX, 100000, [](const opsdeck::v1::Envelope &, std::uint64_t, std::int64_t) {});
        reader.close();
    }
    opsdeck::model::SalvageReport report;
    opsdeck::model::salvageRecording(path, salvaged, &report, &error);
    return 0;
}
