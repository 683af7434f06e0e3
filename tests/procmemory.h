#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>

#include <cstdint>
#include <unistd.h>
#include <utility>

// This process's resident memory as Linux reports it (0 elsewhere), for the
// tests that bound memory growth.

// Resident set size: /proc/self/statm's second field, in pages.
inline std::uint64_t residentBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts[1].toULongLong() * std::uint64_t(sysconf(_SC_PAGESIZE)) : 0;
}

// The resident set split into anonymous memory (heap, stacks, mmapped blocks)
// and pages of mapped files (the libraries' code). The latter depend on what
// the page cache held when the process started, not on what it does.
inline std::pair<std::uint64_t, std::uint64_t> residentAnonAndFileBytes()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    std::uint64_t anon = 0, file = 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() >= 2 && parts[0] == "RssAnon:")
            anon = parts[1].toULongLong() * 1024;
        else if (parts.size() >= 2 && parts[0] == "RssFile:")
            file = parts[1].toULongLong() * 1024;
    }
    return { anon, file };
}
