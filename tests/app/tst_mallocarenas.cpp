// The console caps glibc's malloc arenas (app/mallocarenas.h) so that
// restarted backends' threads reuse the free memory of the ones before.
#include "app/mallocarenas.h"

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
#endif
} // namespace

class TestMallocArenas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theEnvironmentWins()
    {
        qputenv("MALLOC_ARENA_MAX", "3");
        const std::string said = opsdeck::app::limitMallocArenas(2);
        qunsetenv("MALLOC_ARENA_MAX");
#ifdef __GLIBC__
        QVERIFY2(said.find("environment") != std::string::npos, said.c_str());
#else
        QVERIFY(said.empty());
#endif
    }

    void newThreadsShareTheArenas()
    {
#ifndef __GLIBC__
        QSKIP("glibc's arenas only");
#else
        const std::string said = opsdeck::app::limitMallocArenas(2);
        QCOMPARE(said, std::string("malloc arenas: at most 2"));
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
};

QTEST_GUILESS_MAIN(TestMallocArenas)
#include "tst_mallocarenas.moc"
