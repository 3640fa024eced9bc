#pragma once
// Schema: the version this build writes and the migrations that bring an older database up
// to it. Each migration is one SQL file in storage/migrations/ (NNNN_name.sql, version NNNN),
// compiled into the library, and runs in one transaction that also bumps user_version, so a
// crash mid-migration leaves the previous version intact.

#include <span>
#include <string_view>

namespace conclave::storage {

class Database;

// The SQL of every migration; element i brings version i to version i + 1.
std::span<const std::string_view> migration_scripts();

// The schema version this build reads and writes: the number of migrations.
int current_schema_version();

// Runs the migrations from the database's user_version up to `target` (default: current).
// Throws DatabaseError(newer_schema) without touching anything when the database is newer
// than this build, and DatabaseError for a migration that fails (rolled back). Make a backup
// first (backup_database); open_conclave_database does both.
void migrate(Database& db, int target = -1);

} // namespace conclave::storage
