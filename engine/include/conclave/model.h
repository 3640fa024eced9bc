#pragma once
// Model: a GGUF model loaded for inference — the mapped file, its architecture with weights
// bound in place (no copy), and what a user wants to know about it. Immutable after load and
// shareable between Sessions on any thread. Load errors name the problem: not a GGUF file,
// truncated, unsupported architecture, missing or misshapen tensor.

#include "conclave/result.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>
#include <string_view>

namespace conclave {

namespace gguf {
class GgufFile;
}
namespace model {
class ArchModel;
}
namespace tokenizer {
class Tokenizer;
}

// A cache tensor an architecture keeps besides a layer's K/V rows (DeepSeek V4: compressed
// keys, the indexer's keys, the compressor's pending rows).
struct CacheExtra {
    std::int64_t width = 0;      // values per row
    std::int64_t rows_fixed = 0; // rows whatever the context length
    int ctx_divisor = 0;         // > 0: plus rows_per_span rows per ctx_divisor positions (rounded up)
    bool f32 = false;            // F32 whatever the KV cache type (state that accumulates)
    int rows_per_span = 1;
    // Rows only for the multiples of ctx_divisor inside the context (checkpoints kept before
    // each of them): the span that holds the context's last position has none.
    bool spans_inside_ctx = false;
    std::int64_t rows(int n_ctx) const {
        if (ctx_divisor <= 0) return rows_fixed;
        const std::int64_t spans = spans_inside_ctx ? std::max<std::int64_t>(n_ctx - 1, 0) / ctx_divisor
                                                    : (std::int64_t{n_ctx} + ctx_divisor - 1) / ctx_divisor;
        return rows_fixed + spans * rows_per_span;
    }
};

struct ModelInfo {
    std::string path;
    std::string architecture;
    std::string name;
    std::uint64_t file_bytes = 0;
    std::uint64_t n_params = 0;
    std::uint64_t n_params_active = 0;
    std::uint64_t n_expert = 0;
    std::uint64_t n_expert_used = 0;
    int n_layer = 0;
    int n_embd = 0;
    int n_vocab = 0;
    int context_length = 0;       // what the model was trained for
    // F16 cache bytes one more position of context costs over all layers: K and V of the
    // layers without a ring, the extra tensors that grow with the context (averaged).
    std::uint64_t kv_bytes_per_token = 0;
    int kv_values = 0;                    // K and V values per position per layer
    // Per layer: > 0, the K/V rows that layer keeps (its latest positions, a sliding window's
    // ring) whatever the context; 0, a row per position of the context.
    std::vector<int> kv_rings;
    std::vector<CacheExtra> kv_extras;    // every layer's extra cache tensors
    bool has_chat_template = false;
    std::uint64_t weight_bytes = 0;       // tensor data, mapped from the file in place
    // Activation memory of one forward pass of n tokens: fixed + n * per_token.
    std::uint64_t scratch_bytes_fixed = 0;
    std::uint64_t scratch_bytes_per_token = 0;
};

struct LoadOptions {
    // Called as the weights are read in, with the fraction done (0..1); return false to
    // cancel the load (ErrorCode::cancelled). May be empty.
    std::function<bool(float)> progress;
    // Read the weights into memory during load (when they fit in available memory), so the
    // first answer does not wait on the disk. Off: pages are read as they are first used.
    bool prefetch = true;
};

class Model {
public:
    static Result<std::unique_ptr<Model>> load(const std::string& path, const LoadOptions& options = {});
    // What load() would report, without building the tokenizer or reading weights (the file
    // is mapped and its header parsed; tensor data is not touched). For model pickers and
    // memory checks before a load. Tensors without data (header-only copies of real files)
    // are accepted here; load() refuses them.
    static Result<ModelInfo> inspect(const std::string& path);
    ~Model();
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    const ModelInfo& info() const { return m_info; }
    const gguf::GgufFile& file() const { return *m_file; }
    const model::ArchModel& arch() const { return *m_arch; }
    // The model's own tokenizer; null when the file carries no vocabulary (then only token
    // ids can be evaluated).
    const tokenizer::Tokenizer* tokenizer() const { return m_tokenizer.get(); }
    // tokenizer.chat_template, empty when the file has none.
    std::string_view chat_template() const;

private:
    Model() = default;

    std::unique_ptr<gguf::GgufFile> m_file;
    std::unique_ptr<model::ArchModel> m_arch;
    std::unique_ptr<tokenizer::Tokenizer> m_tokenizer;
    ModelInfo m_info;
};

} // namespace conclave
