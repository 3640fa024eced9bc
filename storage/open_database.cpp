#include "conclave/storage/open_database.h"

#include "conclave/storage/backup.h"
#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/schema.h"
#include "recovery.h"
#include "startup_check.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace conclave::storage {
namespace {

namespace fs = std::filesystem;

// The companions SQLite keeps beside a WAL database; they move with it.
constexpr const char* companion_suffixes[] = {"-wal", "-shm"};

std::string timestamp(const Clock& clock) {
    const std::time_t seconds = static_cast<std::time_t>(clock() / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &utc);
    return text;
}

// "<base>", or "<base>-2", "-3", ... when a file of that name is already there.
std::string unused_name(const std::string& base) {
    std::string name = base;
    for (int n = 2; fs::exists(name) || fs::exists(name + "-wal"); ++n)
        name = base + "-" + std::to_string(n);
    return name;
}

// Rethrown with a first sentence that tells the user what it means for them.
[[noreturn]] void rethrow_for_user(const DatabaseError& error, const std::string& path) {
    const std::string folder = fs::path(path).parent_path().string();
    switch (error.kind()) {
    case ErrorKind::read_only:
        throw DatabaseError(ErrorKind::read_only,
                            "Conclave cannot write its database in '" + folder +
                                "' (read-only or no permission); conversations are kept only "
                                "in memory until it can. (" +
                                error.what() + ")");
    case ErrorKind::disk_full:
        throw DatabaseError(ErrorKind::disk_full,
                            "The disk holding '" + path +
                                "' is full; conversations are kept only in memory until "
                                "space is freed. (" +
                                error.what() + ")");
    case ErrorKind::cannot_open:
        // SQLite's errno is often that of a later attempt (ENOENT); ask the folder directly.
        if (access(folder.empty() ? "." : folder.c_str(), W_OK) != 0 ||
            (fs::exists(path) && access(path.c_str(), W_OK) != 0))
            rethrow_for_user(DatabaseError(ErrorKind::read_only, error.what()), path);
        throw DatabaseError(ErrorKind::cannot_open, "Conclave cannot open its database '" + path +
                                                        "'. (" + error.what() + ")");
    default:
        throw error;
    }
}

void ensure_folder(const std::string& path) {
    const fs::path folder = fs::path(path).parent_path();
    if (folder.empty()) return;
    std::error_code error;
    fs::create_directories(folder, error);
    if (error)
        rethrow_for_user(
            DatabaseError(error == std::errc::permission_denied ||
                                  error == std::errc::read_only_file_system
                              ? ErrorKind::read_only
                              : ErrorKind::cannot_open,
                          "cannot create folder '" + folder.string() + "': " + error.message()),
            path);
}

std::string move_aside(const std::string& path, const Clock& clock) {
    const std::string target = unused_name(path + ".corrupt-" + timestamp(clock));
    std::error_code error;
    fs::rename(path, target, error);
    if (error)
        throw DatabaseError(ErrorKind::read_only,
                            "the database '" + path +
                                "' is damaged and could not be moved aside (" + error.message() +
                                "); it was not changed");
    for (const char* suffix : companion_suffixes) {
        std::error_code ignored;
        if (fs::exists(path + suffix)) fs::rename(path + suffix, target + suffix, ignored);
    }
    return target;
}

std::unique_ptr<Database> open_writable(const std::string& path) {
    auto db = std::make_unique<Database>(path);
    if (db->is_read_only())
        throw DatabaseError(ErrorKind::read_only,
                            "cannot open database '" + path + "' for writing");
    return db;
}

// The schema version in the file's header (bytes 60-63, big-endian) without SQLite, so a
// newer database is refused before SQLite creates -wal or -shm files beside it. Returns
// nullopt for a file that does not start with SQLite's header (damaged, or empty).
std::optional<int> header_user_version(const std::string& path) {
    std::array<unsigned char, 100> header{};
    std::ifstream file(path, std::ios::binary);
    if (!file.read(reinterpret_cast<char*>(header.data()), header.size())) return std::nullopt;
    static constexpr char magic[] = "SQLite format 3";
    if (!std::equal(magic, magic + sizeof magic, header.begin())) return std::nullopt;
    return static_cast<int>((std::uint32_t{header[60]} << 24) | (std::uint32_t{header[61]} << 16) |
                            (std::uint32_t{header[62]} << 8) | std::uint32_t{header[63]});
}

[[noreturn]] void refuse_newer(const std::string& path, int version) {
    throw DatabaseError(ErrorKind::newer_schema,
                        "'" + path +
                            "' was written by a newer version of Conclave (schema version " +
                            std::to_string(version) + "; this version understands up to " +
                            std::to_string(current_schema_version()) +
                            "). It has not been changed; update Conclave to open it.");
}

struct CheckOutcome {
    std::vector<std::string> problems; // empty: healthy (or not checked)
    std::int64_t last_checked_at = 0;  // ms since the epoch; recorded at clean close
};

// Opens an existing database and checks it when there is reason to (startup_check.h).
// Damage that stops SQLite from even reading the file or its schema is reported as a
// problem whether or not the full check runs.
CheckOutcome open_and_check(const std::string& path, const OpenOptions& options, OpenReport& report,
                            std::unique_ptr<Database>& db) {
    const std::optional<int> in_header = header_user_version(path);
    if (in_header && *in_header > current_schema_version()) refuse_newer(path, *in_header);
    const std::int64_t now = options.clock();
    // Decided before anything opens the file, so no file SQLite creates can sway it.
    detail::StartupCheckDecision decision = detail::decide_startup_check(
        path, now, static_cast<std::int64_t>(options.check_interval.count()));
    if (options.full_integrity_check || options.always_check) {
        decision.check = true;
        decision.reason = "asked for by the caller";
    }
    CheckOutcome outcome;
    try {
        {
            // Read-only next: commits still in a -wal file (after a crash) may hold a newer
            // version than the header; they are refused before anything could write.
            Database peek(path, Database::Mode::read_only);
            report.found_schema_version = peek.user_version();
        }
        if (report.found_schema_version > current_schema_version())
            refuse_newer(path, report.found_schema_version);
        db = open_writable(path);
        // Before anything writes: a crash from here on must not look like a clean close.
        detail::remove_clean_close_marker(path);
        // Read at every start, checked or not: a damaged header or schema fails here.
        db->exec("SELECT count(*) FROM sqlite_schema");
        report.integrity_checked = decision.check;
        report.integrity_check_reason = decision.reason;
        outcome.last_checked_at = decision.check ? now : decision.last_checked.value_or(now);
        if (decision.check)
            outcome.problems = options.full_integrity_check ? db->integrity_problems()
                                                            : db->quick_check_problems();
        return outcome;
    } catch (const DatabaseError& error) {
        if (error.kind() != ErrorKind::corrupt) {
            db.reset();
            if (error.kind() == ErrorKind::newer_schema) throw;
            rethrow_for_user(error, path);
        }
        outcome.problems = {error.what()};
        outcome.last_checked_at = now;
        return outcome;
    }
}

} // namespace

OpenedDatabase open_conclave_database(const std::string& path, const OpenOptions& options) {
    OpenReport report;
    ensure_folder(path);
    std::unique_ptr<Database> db;
    CheckOutcome checked{.problems = {}, .last_checked_at = options.clock()};
    if (fs::exists(path)) checked = open_and_check(path, options, report, db);
    std::vector<std::string>& problems = checked.problems;

    try {
        if (!problems.empty()) {
            db.reset();
            report.problems = std::move(problems);
            report.corrupt_file_moved_to = move_aside(path, options.clock);
            // A marker left by the damaged file (when it failed before open removed it) would
            // describe a file that is no longer there.
            detail::remove_clean_close_marker(path);
            db = open_writable(path);
            migrate(*db);
            const detail::RecoveryCounts recovered =
                detail::recover_into(*report.corrupt_file_moved_to, *db);
            report.recovered_conversations = recovered.conversations;
            report.recovered_messages = recovered.messages;
        } else {
            if (!db) db = open_writable(path);
            const int version = db->user_version();
            if (version > 0 && version < current_schema_version()) {
                const std::string backup = unused_name(
                    path + ".backup-v" + std::to_string(version) + "-" + timestamp(options.clock));
                backup_database(*db, backup);
                report.backup_path = backup;
            }
            migrate(*db);
        }
        report.schema_version = db->user_version();
        report.interrupted_messages = ConversationStore(*db).mark_interrupted_streams();
    } catch (const DatabaseError& error) {
        if (error.kind() == ErrorKind::newer_schema) throw;
        rethrow_for_user(error, path);
    }
    // A new or recovered database is healthy as of now; one that was checked, too.
    db->set_after_clean_close([path, last_checked_at = checked.last_checked_at] {
        detail::write_clean_close_marker(path, last_checked_at);
    });
    return {std::move(db), std::move(report)};
}

} // namespace conclave::storage
