#pragma once
// The options every computing subcommand shares: --backend cpu|vulkan, --gpu-budget SIZE,
// --gpu-device N. When the GPU was asked for but is not (fully) used, the session's note
// goes to stderr, so scripts comparing backends see it.

#include "cli_args.h"
#include "conclave/session.h"

namespace conclave::cli {

struct BackendArgs {
    ComputeBackend backend = ComputeBackend::cpu;
    int gpu_device = -1;
    std::uint64_t gpu_budget = 0;
    void apply(SessionOptions& options) const {
        options.backend = backend;
        options.gpu_device = gpu_device;
        options.gpu_budget = gpu_budget;
    }
};

// True when `arg` is one of these options (its value is taken from the cursor); an error
// for a bad value.
Result<bool> take_backend_option(const std::string& arg, ArgCursor& cursor, BackendArgs& out);

// The session's backend note (and its placement with `verbose`) on stderr.
void report_backend(const Session& session, bool verbose = false);

} // namespace conclave::cli
