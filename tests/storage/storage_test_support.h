#pragma once
// Helpers shared by the storage tests: a migrated database in a temporary folder, a clock
// the test moves by hand, and QString conversions for readable QCOMPARE failures.

#include "conclave/storage/database.h"
#include "conclave/storage/records.h"
#include "conclave/storage/schema.h"

#include <QString>
#include <memory>
#include <string>

namespace conclave::storage::testing {

// Starts at a fixed date and advances only when asked, so ordering by time is exact.
struct ManualClock {
    std::shared_ptr<std::int64_t> now = std::make_shared<std::int64_t>(1'700'000'000'000);
    Clock clock() const {
        return [now = now] { return *now; };
    }
    void advance(std::int64_t ms) const { *now += ms; }
};

inline std::unique_ptr<Database> migrated_database(const std::string& path) {
    auto db = std::make_unique<Database>(path);
    migrate(*db);
    return db;
}

inline QString q(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace conclave::storage::testing
