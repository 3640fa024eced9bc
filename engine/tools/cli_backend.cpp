#include "cli_backend.h"

#include "runtime/placement.h"

#include <cstdio>

namespace conclave::cli {

Result<bool> take_backend_option(const std::string& arg, ArgCursor& cursor, BackendArgs& out) {
    if (arg != "--backend" && arg != "--gpu-budget" && arg != "--gpu-device") return false;
    auto value = cursor.next_value(arg);
    if (!value) return value.error();
    if (arg == "--backend") {
        if (*value == "cpu") out.backend = ComputeBackend::cpu;
        else if (*value == "vulkan") out.backend = ComputeBackend::vulkan;
        else return make_error(ErrorCode::invalid_argument, "--backend takes cpu or vulkan, not '" + *value + "'");
    } else if (arg == "--gpu-budget") {
        const auto bytes = runtime::parse_byte_size(*value);
        if (!bytes || *bytes == 0)
            return make_error(ErrorCode::invalid_argument, "--gpu-budget takes a size such as 4GiB or 512MiB, not '" + *value + "'");
        out.gpu_budget = *bytes;
    } else {
        auto n = parse_integer(arg, *value, 0, 64);
        if (!n) return n.error();
        out.gpu_device = static_cast<int>(*n);
    }
    return true;
}

void report_backend(const Session& session, bool verbose) {
    if (!session.backend_note().empty()) std::fprintf(stderr, "conclave-cli: %s\n", session.backend_note().c_str());
    if (verbose)
        for (const std::string& line : session.placement_report()) std::fprintf(stderr, "conclave-cli: %s\n", line.c_str());
}

} // namespace conclave::cli
