#include "gguf/gguf_summary.h"

#include <algorithm>
#include <cstdio>

namespace conclave::gguf {
namespace {

std::uint64_t arch_uint(const GgufFile& file, const std::string& arch, const char* key) {
    return file.get_uint(arch + "." + key).value_or(0);
}

// Routed expert tensors are stacked per layer as [.., .., n_expert] and named "*_exps*"
// (ffn_gate_exps, ffn_up_exps, ffn_down_exps, ffn_gate_up_exps) in every GGUF MoE layout.
bool is_routed_expert_tensor(std::string_view name) { return name.find("_exps") != std::string_view::npos; }

} // namespace

GgufSummary summarize(const GgufFile& file) {
    GgufSummary s;
    s.architecture = std::string(file.get_string("general.architecture").value_or(""));
    s.name = std::string(file.get_string("general.name").value_or(""));
    s.has_chat_template = file.find("tokenizer.chat_template") != nullptr;
    const std::string& arch = s.architecture;
    s.n_expert = arch_uint(file, arch, "expert_count");
    s.n_expert_used = arch_uint(file, arch, "expert_used_count");
    s.n_expert_shared = arch_uint(file, arch, "expert_shared_count");
    s.context_length = arch_uint(file, arch, "context_length");
    s.n_layer = arch_uint(file, arch, "block_count");

    std::uint64_t expert_params = 0;
    for (const TensorInfo& t : file.tensors()) {
        const std::uint64_t n = t.n_elements();
        s.n_params += n;
        s.tensor_bytes += t.n_bytes;
        if (is_routed_expert_tensor(t.name)) expert_params += n;
        auto share = std::find_if(s.types.begin(), s.types.end(), [&](const TypeShare& x) { return x.type == t.type; });
        if (share == s.types.end()) share = s.types.insert(s.types.end(), TypeShare{t.type});
        share->n_tensors += 1;
        share->n_elements += n;
        share->n_bytes += t.n_bytes;
    }
    s.n_params_active = s.n_params;
    if (s.n_expert > 0 && s.n_expert_used > 0 && s.n_expert_used <= s.n_expert)
        s.n_params_active = s.n_params - expert_params + expert_params / s.n_expert * s.n_expert_used;
    std::sort(s.types.begin(), s.types.end(), [](const TypeShare& a, const TypeShare& b) { return a.n_bytes > b.n_bytes; });
    return s;
}

std::string format_param_count(std::uint64_t n) {
    struct Unit {
        double scale;
        const char* suffix;
    };
    const Unit units[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
    for (const Unit& u : units) {
        if (static_cast<double>(n) < u.scale) continue;
        const double value = static_cast<double>(n) / u.scale;
        char text[32];
        std::snprintf(text, sizeof text, value < 10 ? "%.1f%s" : "%.0f%s", value, u.suffix);
        return text;
    }
    return std::to_string(n);
}

} // namespace conclave::gguf
