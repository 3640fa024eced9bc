#pragma once
// Internal: best-effort copy of what can still be read from a damaged database into a
// fresh one. Reads row by row and skips what fails, so one bad page costs the rows on it,
// not the file. Never throws; returns what it copied.

#include <string>

namespace conclave::storage {
class Database;
}

namespace conclave::storage::detail {

struct RecoveryCounts {
    int conversations = 0;
    int messages = 0;
};

RecoveryCounts recover_into(const std::string& damaged_path, Database& fresh);

} // namespace conclave::storage::detail
