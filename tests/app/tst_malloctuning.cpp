// The console sets glibc's malloc up for long runs with restarting backends
// (app/malloctuning.h): arenas capped, big blocks always mmapped.
#include "app/malloctuning.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {
#ifdef __GLIBC__
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
#ifdef __GLIBC__
        QVERIFY2(said.find("arenas as the environment sets them") != std::string::npos, said.c_str());
        QVERIFY2(said.find("mmap threshold as the environment sets it") != std::string::npos, said.c_str());
#else
        QVERIFY(said.empty());
#endif
    }

    void console()
    {
#ifndef __GLIBC__
        QSKIP("glibc's malloc only");
#else
        const std::string said = opsdeck::app::tuneMalloc(
            opsdeck::app::kConsoleMallocArenas, opsdeck::app::kConsoleMmapThreshold);
        QCOMPARE(said, std::string("malloc: at most 2 arenas; blocks of 1048576 bytes and more mmapped"));
#endif
    }

    void newThreadsShareTheArenas()
    {
#ifdef __GLIBC__
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
#ifdef __GLIBC__
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
};

QTEST_GUILESS_MAIN(TestMallocTuning)
#include "tst_malloctuning.moc"
