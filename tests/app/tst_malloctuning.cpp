// The console sets glibc's malloc up for long runs with restarting backends
// (app/malloctuning.h): arenas capped, big blocks always mmapped; and it gives
// free pages back to the system every minute (app/memorytrimmer.h).
#include "app/malloctuning.h"
#include "app/memorytrimmer.h"
#include "procmemory.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {
#ifdef OPSDECK_GLIBC_MALLOC
// glibc lists one <heap nr="…"> per arena in malloc_info's XML.
int arenaCount()
{
    char *buffer = nullptr;
    std::size_t size = 0;
    FILE *out = open_memstream(&buffer, &size);
    if (!out)
        return -1;
    malloc_info(0, out);
    std::fclose(out);
    const std::string xml(buffer, size);
    std::free(buffer);
    int n = 0;
    for (std::size_t at = xml.find("<heap nr="); at != std::string::npos; at = xml.find("<heap nr=", at + 1))
        ++n;
    return n;
}

std::size_t mmappedBytes()
{
    return mallinfo2().hblkhd;
}
#endif
} // namespace

class TestMallocTuning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // As opsdeck's main does, before any thread: each function below then
        // runs on its own as well as in order.
        opsdeck::app::tuneMalloc(opsdeck::app::kConsoleMallocArenas, opsdeck::app::kConsoleMmapThreshold);
    }

    void theEnvironmentWins()
    {
        qputenv("MALLOC_ARENA_MAX", "3");
        qputenv("GLIBC_TUNABLES", "glibc.malloc.mmap_threshold=65536");
        const std::string said = opsdeck::app::tuneMalloc(2, 1 << 20);
        qunsetenv("MALLOC_ARENA_MAX");
        qunsetenv("GLIBC_TUNABLES");
#ifdef OPSDECK_GLIBC_MALLOC
        QVERIFY2(said.find("arenas as the environment sets them") != std::string::npos, said.c_str());
        QVERIFY2(said.find("mmap threshold as the environment sets it") != std::string::npos, said.c_str());
#else
        QVERIFY(said.empty());
#endif
    }

    void console()
    {
#ifndef OPSDECK_GLIBC_MALLOC
        QSKIP("glibc's malloc only");
#else
        const std::string said = opsdeck::app::tuneMalloc(
            opsdeck::app::kConsoleMallocArenas, opsdeck::app::kConsoleMmapThreshold);
        QCOMPARE(said, std::string("malloc: at most 2 arenas; blocks of 1048576 bytes and more mmapped"));
#endif
    }

    void newThreadsShareTheArenas()
    {
#ifdef OPSDECK_GLIBC_MALLOC
        const int before = arenaCount();
        QVERIFY(before >= 1);
        // Eight threads that allocate at once; uncapped, glibc would give each
        // its own arena (up to 8 per core).
        std::atomic<int> ready { 0 };
        std::atomic<bool> done { false };
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t)
            threads.emplace_back([&] {
                std::vector<void *> blocks;
                for (int i = 0; i < 1000; ++i)
                    blocks.push_back(std::malloc(64 + i));
                ++ready;
                while (!done)
                    std::this_thread::yield();
                for (void *b : blocks)
                    std::free(b);
            });
        while (ready < 8)
            std::this_thread::yield();
        const int during = arenaCount();
        done = true;
        for (std::thread &t : threads)
            t.join();
        QVERIFY2(during <= std::max(before, 2),
            qPrintable(QStringLiteral("%1 arenas before, %2 with eight threads").arg(before).arg(during)));
#endif
    }

    void aBigBlockIsMmappedAfterOneWasFreed()
    {
#ifdef OPSDECK_GLIBC_MALLOC
        // A restarted backend frees its big buffers and makes new ones of the
        // same size: the new ones must be mmapped too (given back on free),
        // not put in the heap as glibc's moving threshold would.
        constexpr std::size_t kBlock = 4u << 20;
        for (int round = 0; round < 3; ++round) {
            const std::size_t before = mmappedBytes();
            auto *block = static_cast<char *>(std::malloc(kBlock));
            QVERIFY(block);
            block[0] = 1;
            QVERIFY2(mmappedBytes() >= before + kBlock,
                qPrintable(QStringLiteral("round %1: %2 -> %3 bytes mmapped")
                               .arg(round)
                               .arg(before)
                               .arg(mmappedBytes())));
            std::free(block);
            QCOMPARE(mmappedBytes(), before);
        }
#endif
    }

    void aTrimGivesBackFreePagesBelowLiveBlocks()
    {
#ifndef OPSDECK_GLIBC_MALLOC
        QSKIP("glibc's malloc only");
#else
        // 32 MB of small blocks, then all but every 64th freed: holes of
        // 252 KB between live blocks, which the heap's top trim cannot reach —
        // as a restarted backend's buffers leave among the latency book's
        // windows, allocated meanwhile.
        constexpr std::size_t kBlock = 4096, kBlocks = 8192, kRun = 64;
        std::vector<char *> blocks;
        blocks.reserve(kBlocks);
        for (std::size_t i = 0; i < kBlocks; ++i) {
            blocks.push_back(static_cast<char *>(std::malloc(kBlock)));
            std::fill_n(blocks.back(), kBlock, char(i));
        }
        for (std::size_t i = 0; i < kBlocks; ++i)
            if (i % kRun != 0)
                std::free(std::exchange(blocks[i], nullptr));
        const std::size_t kept = residentBytes();
        QVERIFY(opsdeck::app::MemoryTrimmer::trimNow());
        const std::size_t trimmed = residentBytes();
        for (char *b : blocks)
            std::free(b);
        QVERIFY2(trimmed + 24 * 1024 * 1024 < kept,
            qPrintable(QStringLiteral("resident %1 MB before the trim, %2 MB after")
                           .arg(double(kept) / 1048576.0)
                           .arg(double(trimmed) / 1048576.0)));
#endif
    }

    void theTrimmerRunsOnItsTimerUntilStopped()
    {
        opsdeck::app::MemoryTrimmer trimmer;
        QVERIFY(!trimmer.isActive());
        trimmer.start(std::chrono::milliseconds(30));
        QTRY_VERIFY_WITH_TIMEOUT(trimmer.trims() >= 3, 5000);
        trimmer.stop();
        QTest::qWait(50); // a trim already handed to the pool ends
        const int trims = trimmer.trims();
        QTest::qWait(150);
        QCOMPARE(trimmer.trims(), trims);
        QVERIFY(trimmer.released() <= trims);
    }
};

QTEST_GUILESS_MAIN(TestMallocTuning)
#include "tst_malloctuning.moc"
