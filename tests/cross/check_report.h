#pragma once
// Failure counting for the Qt-free checks in tests/cross: each check that fails prints one
// line (the first 40, then only counts), and main() returns non-zero when any failed.
// Single-threaded; test-only.

namespace conclave::test {

class CheckReport {
public:
    // Counts one check; prints `format` (printf style) as a failure when `ok` is false.
    // Returns `ok`.
    __attribute__((format(printf, 3, 4))) bool check(bool ok, const char* format, ...);

    long checks() const { return m_checks; }
    long failures() const { return m_failures; }

private:
    long m_checks = 0;
    long m_failures = 0;
};

} // namespace conclave::test
