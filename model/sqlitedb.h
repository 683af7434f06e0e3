#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace opsdeck::model {

// Minimal RAII over the SQLite C API for the recording files. Errors are
// returned as text with the SQLite message, never thrown.
class SqliteDb
{
public:
    SqliteDb() = default;
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;

    bool open(const QString &path, bool readOnly, QString *error);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *handle() const { return m_db; }

    // Runs one or more statements without results.
    bool exec(std::string_view sql, QString *error = nullptr);
    QString lastError() const;

private:
    sqlite3 *m_db = nullptr;
};

class SqliteStmt
{
public:
    SqliteStmt() = default;
    SqliteStmt(const SqliteDb &db, std::string_view sql);
    ~SqliteStmt();
    SqliteStmt(const SqliteStmt &) = delete;
    SqliteStmt &operator=(const SqliteStmt &) = delete;
    SqliteStmt(SqliteStmt &&other) noexcept;
    SqliteStmt &operator=(SqliteStmt &&other) noexcept;

    bool valid() const { return m_stmt != nullptr; }
    void bind(int index, std::int64_t value);
    void bind(int index, std::string_view text);
    void bindBlob(int index, const void *data, std::size_t size);
    // SQLITE_ROW → true; SQLITE_DONE → false with *error empty; else false with the reason.
    bool step(QString *error = nullptr);
    // Runs to completion; true on SQLITE_DONE.
    bool run(QString *error = nullptr);
    void reset();

    std::int64_t int64(int column) const;
    std::string_view blob(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
};

} // namespace opsdeck::model
