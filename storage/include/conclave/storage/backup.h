#pragma once
// Backups of a live database with SQLite's online backup API: a consistent copy even while
// the WAL holds commits not yet in the main file, which a file copy would miss.

#include <string>

namespace conclave::storage {

class Database;

// Writes a complete copy of `source` to a new database file at `target_path` (replacing a
// file there). Throws DatabaseError (disk_full, read_only, ...) and removes a partial copy.
void backup_database(Database& source, const std::string& target_path);

} // namespace conclave::storage
