#pragma once
// The machine's memory read bandwidth as generation sees it: threads streaming through a
// buffer far larger than the caches. Generation on a CPU is bound by this, so tokens/s is
// judged against bandwidth / bytes read per token.

#include "gguf/gguf_file.h"

#include <cstdint>

namespace conclave::cli {

// Best of a few passes over `bytes` (rounded to 64-byte lines) with n_threads; bytes/s.
double measure_read_bandwidth(int n_threads, std::uint64_t bytes = std::uint64_t{1} << 30);

// Weight bytes one generated token reads: one row of the token embedding (all of it when it
// doubles as the output matrix), n_used / n_expert of each routed expert tensor, all the rest.
double weight_bytes_per_token(const gguf::GgufFile& file, std::uint64_t n_expert, std::uint64_t n_expert_used);

} // namespace conclave::cli
