#pragma once
// open_conclave_database: how the app opens its database at start, with every check that
// keeps years of conversations safe.
//
//  1. Creates the folder when missing. A folder or file that cannot be written gives
//     DatabaseError(read_only or cannot_open) naming the path; nothing is changed.
//  2. A database from a newer Conclave gives DatabaseError(newer_schema) and is left
//     untouched (read through a read-only connection first).
//  3. Integrity check (quick_check by default: every page and record, not index contents),
//     when there is reason to doubt the file, and at least once a week: after a run that did
//     not close the database cleanly (crash, kill, power cut), when the file changed after
//     Conclave closed it, or when a -wal file is beside it (see storage/startup_check.h). The
//     header and schema are read at every start, so a file that is not a database, or whose
//     first pages are damaged, is always caught. A damaged file — or one that is not a database —
//     is moved aside with its -wal and -shm files to "<path>.corrupt-<time>" (never deleted), a
//     fresh database is created, and the readable conversations of the damaged one are copied in
//     (best effort).
//  4. An older schema is first copied with the online backup API to
//     "<path>.backup-v<version>-<time>", then migrated (each step one transaction).
//  5. Messages left in state streaming by a crash become interrupted.
// OpenReport says what happened so the app can tell the user (where the damaged file went,
// how much was recovered, where the backup is).
//
// Call it once, at start, on the thread that will own the returned Database. Throws
// DatabaseError; the caller keeps running without storage and may try again later.
// Destroying the returned Database last (after any other connection to the file) leaves the
// clean-close marker "<path>-closed" that lets the next start skip the check.

#include "conclave/storage/database.h"
#include "conclave/storage/records.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conclave::storage {

struct OpenOptions {
    bool full_integrity_check = false; // integrity_check (slower) at this start, always
    bool always_check = false;         // quick_check at this start whatever the marker says
    // The longest time between two checks of a file that was always closed cleanly.
    std::chrono::milliseconds check_interval = std::chrono::hours(24 * 7);
    Clock clock = system_clock_ms; // for the check interval and the backup and corrupt names
};

struct OpenReport {
    int found_schema_version = 0;           // 0: a new database was created
    bool integrity_checked = false;         // quick_check (or integrity_check) ran
    std::string integrity_check_reason;     // why it ran; empty when it was skipped
    int schema_version = 0;                 // after migrations
    std::optional<std::string> backup_path; // made before migrating
    // Set when the database was damaged: where it now is, and what SQLite reported.
    std::optional<std::string> corrupt_file_moved_to;
    std::vector<std::string> problems;
    int recovered_conversations = 0;
    int recovered_messages = 0;
    int interrupted_messages = 0; // answers that were streaming when the app last ended
};

struct OpenedDatabase {
    std::unique_ptr<Database> database;
    OpenReport report;
};

OpenedDatabase open_conclave_database(const std::string& path, const OpenOptions& options = {});

} // namespace conclave::storage
