#pragma once
// Choosing and building the backend a Session runs on: the CPU, or a Vulkan GPU with the
// model's weights placed within the GPU's budget (runtime/placement.h). When the GPU was
// asked for but cannot be used — no loader, no driver, no device, out of GPU memory — the
// session runs on the CPU and `note` says why in words a user can act on.

#include "backend/backend.h"
#include "conclave/session.h"
#include "core/thread_pool.h"

#include <memory>
#include <string>
#include <vector>

namespace conclave::runtime {

struct SessionBackend {
    std::unique_ptr<Backend> backend;
    std::string note;                 // why the GPU is not used (fully); empty otherwise
    std::vector<std::string> report;  // the placement, when on a GPU
};

SessionBackend make_cpu_backend(ThreadPool& pool);
// options.backend decides; falls back to the CPU with a note, never fails.
SessionBackend make_session_backend(const Model& model, const SessionOptions& options, int n_ctx, ThreadPool& pool);

// KV cache bytes of a session: K and V rows of every layer (n_ctx, or its ring's rows when
// shorter) and the extra tensors — exactly what Session allocates.
std::uint64_t kv_cache_bytes(const ModelInfo& info, KvCacheType type, int n_ctx);

// The K/V rows a layer with this ring (0: none) holds for a context of n_ctx positions.
inline std::int64_t kv_layer_rows(int ring, int n_ctx) {
    return ring > 0 && ring < n_ctx ? ring : n_ctx;
}

// The scratch high-water mark and workspace of whichever backend this is.
std::uint64_t backend_scratch_bytes(const Backend& backend);

} // namespace conclave::runtime
