#include "conclave/storage/schema.h"

#include "conclave/storage/database.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/transaction.h"

#include <string>

namespace conclave::storage {

int current_schema_version() {
    return static_cast<int>(migration_scripts().size());
}

void migrate(Database& db, int target) {
    const int newest = current_schema_version();
    if (target < 0) target = newest;
    const int found = db.user_version();
    if (found > newest)
        throw DatabaseError(
            ErrorKind::newer_schema,
            "'" + db.path() + "' was written by a newer version of Conclave (schema version " +
                std::to_string(found) + "; this version understands up to " +
                std::to_string(newest) + "). It has not been changed; update Conclave to open it.");
    const auto scripts = migration_scripts();
    for (int version = found + 1; version <= target && version <= newest; ++version) {
        Transaction transaction(db);
        db.exec(scripts[static_cast<std::size_t>(version - 1)]);
        db.set_user_version(version);
        transaction.commit();
    }
}

} // namespace conclave::storage
