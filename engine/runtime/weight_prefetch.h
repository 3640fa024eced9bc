#pragma once
// Reads a mapped model's weights into memory ahead of the first token, reporting progress,
// so a load shows a progress bar and the first answer does not stall on disk reads. Skipped
// when the weights would not fit in the memory available (then pages come in as used).

#include "conclave/result.h"
#include "gguf/gguf_file.h"

#include <functional>

namespace conclave::runtime {

// progress(fraction done, 0..1) returns false to cancel (ErrorCode::cancelled).
Result<void> prefetch_weights(const gguf::GgufFile& file, const std::function<bool(float)>& progress);

// MemAvailable from /proc/meminfo in bytes; 0 when unknown.
std::uint64_t available_memory_bytes();

} // namespace conclave::runtime
