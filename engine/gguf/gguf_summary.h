#pragma once
// GgufSummary: what a user wants to know about a model file before loading it — architecture,
// parameter counts (total and active per token for MoE), experts, context length, quant mix.
// Computed from the header alone (tensor shapes and metadata), so it works on header-only
// copies. Pure function; thread-safe.

#include "gguf/gguf_file.h"

#include <string>
#include <vector>

namespace conclave::gguf {

struct TypeShare {
    quant::TensorType type;
    std::uint64_t n_tensors = 0;
    std::uint64_t n_elements = 0;
    std::uint64_t n_bytes = 0;
};

struct GgufSummary {
    std::string architecture;     // general.architecture, empty when absent
    std::string name;             // general.name
    std::uint64_t n_params = 0;   // all tensor elements
    std::uint64_t n_params_active = 0; // per token: routed experts count only n_expert_used of n_expert
    std::uint64_t n_expert = 0;
    std::uint64_t n_expert_used = 0;
    std::uint64_t n_expert_shared = 0;
    std::uint64_t context_length = 0;
    std::uint64_t n_layer = 0;
    std::uint64_t tensor_bytes = 0;
    bool has_chat_template = false;
    std::vector<TypeShare> types; // by bytes, largest first
};

GgufSummary summarize(const GgufFile& file);

// "135M", "2.7B", "284B": a parameter count as model cards write it.
std::string format_param_count(std::uint64_t n);

} // namespace conclave::gguf
