#pragma once
// When open_conclave_database runs the integrity check (internal to storage/).
//
// quick_check reads every page: seconds on a large history. It runs when there is a reason
// to doubt the file, and at least once per check interval (default a week) otherwise:
//  - no clean-close marker "<db>-closed": the last run crashed, was killed, lost power, or
//    the file was never closed by this version of Conclave;
//  - the marker does not match the file (size or modification time changed since Conclave
//    closed it: another program wrote it, a sync tool or a restore replaced it);
//  - a -wal or -journal file with content is beside the database (a crash, or another
//    process has it open);
//  - the file's size disagrees with the page count in its header (truncated or extended);
//  - the last check is older than the interval (damage from the disk itself changes no
//    size or time, so it is looked for on a schedule).
// A file that is not a database, or whose header or schema is damaged, fails when it is
// opened and read, which happens at every start whatever this decides.
//
// The marker is a small text file written after the last connection closed cleanly (the
// -wal is gone and everything is in the main file, synced) and removed at open before
// anything writes, so a crash at any moment leaves no marker. It also records when the file
// was last checked, because it must describe the file after its final write, which the
// database itself cannot hold.

#include <cstdint>
#include <optional>
#include <string>

namespace conclave::storage::detail {

struct StartupCheckDecision {
    bool check = true;
    std::string reason;                       // why it runs; empty when it does not
    std::optional<std::int64_t> last_checked; // ms since the epoch, from the marker
};

// Reads the marker and the files beside `path` (an existing database) at time `now_ms`.
StartupCheckDecision decide_startup_check(const std::string& path, std::int64_t now_ms,
                                          std::int64_t interval_ms);

std::string clean_close_marker_path(const std::string& path);
// Removes the marker; throws DatabaseError(read_only) when it exists and cannot be removed
// (a stale marker would make a later crash look like a clean close).
void remove_clean_close_marker(const std::string& path);
// Writes the marker for the database as it now is on disk, when no -wal is left beside it
// (another connection still open). Best effort: on failure there is simply no marker.
void write_clean_close_marker(const std::string& path, std::int64_t last_checked_ms);

} // namespace conclave::storage::detail
