#include "check_report.h"

#include <cstdarg>
#include <cstdio>

namespace conclave::test {

bool CheckReport::check(bool ok, const char* format, ...) {
    constexpr long max_printed = 40;
    ++m_checks;
    if (ok) return true;
    if (++m_failures <= max_printed) {
        std::va_list args;
        va_start(args, format);
        std::fputs("FAIL: ", stdout);
        std::vprintf(format, args);
        std::fputc('\n', stdout);
        va_end(args);
    }
    return false;
}

} // namespace conclave::test
