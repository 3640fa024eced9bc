#include "conclave/storage/backup.h"

#include "conclave/storage/database.h"
#include "conclave/storage/database_error.h"

#include <filesystem>
#include <sqlite3.h>
#include <system_error>

namespace conclave::storage {
namespace {

// The copy goes into a rollback-journal database: a backup is a single self-contained file
// that can be copied, mailed or opened read-only without -wal/-shm companions.
void copy_pages(Database& source, sqlite3* target) {
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", source.handle(), "main");
    if (!backup)
        throw DatabaseError(sqlite3_errcode(target),
                            std::string("backup: ") + sqlite3_errmsg(target),
                            sqlite3_system_errno(target));
    // All pages in one step: the source is read under one snapshot, so the copy is consistent.
    const int step = sqlite3_backup_step(backup, -1);
    const int finish = sqlite3_backup_finish(backup);
    const int code = step == SQLITE_DONE ? finish : step;
    if (code != SQLITE_OK && code != SQLITE_DONE)
        throw DatabaseError(code & 0xff, std::string("backup: ") + sqlite3_errstr(code),
                            sqlite3_system_errno(target));
}

} // namespace

void backup_database(Database& source, const std::string& target_path) {
    sqlite3* target = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int code = sqlite3_open_v2(target_path.c_str(), &target, flags, nullptr);
    try {
        if (code != SQLITE_OK)
            throw DatabaseError(code & 0xff,
                                "cannot create backup '" + target_path + "': " +
                                    (target ? sqlite3_errmsg(target) : sqlite3_errstr(code)),
                                target ? sqlite3_system_errno(target) : 0);
        copy_pages(source, target);
        code = sqlite3_close(target);
        target = nullptr;
        if (code != SQLITE_OK)
            throw DatabaseError(code & 0xff, "closing backup '" + target_path + "' failed");
    } catch (const DatabaseError& error) {
        sqlite3_close(target);
        std::error_code ignored;
        std::filesystem::remove(target_path, ignored);
        throw DatabaseError(error.kind(),
                            "backup to '" + target_path + "' failed: " + error.what());
    }
}

} // namespace conclave::storage
