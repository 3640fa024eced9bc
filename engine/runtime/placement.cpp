#include "runtime/placement.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace conclave::runtime {
namespace {

// The order tensors leave the GPU in (lower first); `never` stays unless nothing fits.
enum class Stage { experts = 0, dense_ffn = 1, layer_rest = 2, output = 3, never = 4 };

int layer_of(std::string_view name) {
    if (name.substr(0, 4) != "blk.") return -1;
    int layer = -1;
    const auto [end, ec] = std::from_chars(name.data() + 4, name.data() + name.size(), layer);
    return ec == std::errc() && end < name.data() + name.size() && *end == '.' ? layer : -1;
}

bool contains(std::string_view name, std::string_view part) { return name.find(part) != std::string_view::npos; }

Stage stage_of(std::string_view name, bool tied) {
    if (name == "output.weight" || (tied && name == "token_embd.weight")) return Stage::output;
    if (layer_of(name) < 0) return Stage::never;
    if (contains(name, "_exps")) return Stage::experts;
    for (const char* dense : {".ffn_gate.", ".ffn_up.", ".ffn_down.", ".ffn_gate_shexp.", ".ffn_up_shexp.", ".ffn_down_shexp."})
        if (contains(name, dense)) return Stage::dense_ffn;
    return Stage::layer_rest;
}

} // namespace

Placement plan_placement(const gguf::GgufFile& file, const PlacementRequest& request) {
    Placement p;
    p.gpu_budget = request.gpu_budget;
    p.kv_bytes = request.kv_bytes;
    p.scratch_bytes = request.scratch_bytes;
    const bool tied = file.find_tensor("output.weight") == nullptr;
    std::vector<Stage> stages;
    for (const gguf::TensorInfo& t : file.tensors()) {
        const std::string_view name = t.name;
        // An untied token embedding is only looked up by row, on the CPU (mapped file).
        const bool lookup_only = !tied && name == "token_embd.weight";
        p.tensors.push_back(PlacedTensor{std::string(name), t.n_bytes, lookup_only ? Device::cpu : Device::gpu, layer_of(name)});
        stages.push_back(stage_of(name, tied));
        p.n_layer = std::max(p.n_layer, layer_of(name) + 1);
    }
    p.first_expert_layer = p.n_layer;
    for (std::size_t i = 0; i < stages.size(); ++i)
        if (stages[i] == Stage::experts) p.first_expert_layer = std::min(p.first_expert_layer, p.tensors[i].layer);
    const auto gpu_weights = [&] {
        std::uint64_t total = 0;
        for (const PlacedTensor& t : p.tensors)
            if (t.where == Device::gpu) total += t.bytes;
        return total;
    };
    const auto evict = [&](Stage stage, int layer) {
        for (std::size_t i = 0; i < p.tensors.size(); ++i)
            if (stages[i] == stage && (layer < 0 || p.tensors[i].layer == layer)) p.tensors[i].where = Device::cpu;
    };

    p.gpu_used = request.scratch_bytes <= request.gpu_budget;
    p.kv_on_gpu = p.gpu_used && request.scratch_bytes + request.kv_bytes <= request.gpu_budget;
    const std::uint64_t reserved = (p.gpu_used ? request.scratch_bytes : 0) + (p.kv_on_gpu ? request.kv_bytes : 0);
    const std::uint64_t room = p.gpu_used ? request.gpu_budget - reserved : 0;
    if (!p.gpu_used) {
        for (PlacedTensor& t : p.tensors) t.where = Device::cpu;
    } else {
        for (Stage stage : {Stage::experts, Stage::dense_ffn, Stage::layer_rest}) {
            int* counter = stage == Stage::experts ? &p.expert_layers_on_cpu : stage == Stage::dense_ffn ? &p.ffn_layers_on_cpu : &p.layers_on_cpu;
            for (int layer = 0; layer < p.n_layer && gpu_weights() > room; ++layer) {
                evict(stage, layer);
                *counter = layer + 1;
            }
        }
        if (gpu_weights() > room) {
            evict(Stage::output, -1);
            p.output_on_cpu = true;
        }
        if (gpu_weights() > room) evict(Stage::never, -1);
    }
    // A layer moved whole also has its experts and feed-forward on the CPU.
    p.ffn_layers_on_cpu = std::max(p.ffn_layers_on_cpu, p.layers_on_cpu);
    p.expert_layers_on_cpu = std::max(p.expert_layers_on_cpu, p.ffn_layers_on_cpu);
    for (const PlacedTensor& t : p.tensors) {
        if (!tied && t.name == "token_embd.weight") p.lookup_bytes += t.bytes;
        else (t.where == Device::gpu ? p.gpu_weight_bytes : p.cpu_weight_bytes) += t.bytes;
    }
    return p;
}

bool Placement::on_gpu(std::string_view name) const {
    return std::any_of(tensors.begin(), tensors.end(), [&](const PlacedTensor& t) { return t.name == name && t.where == Device::gpu; });
}

std::vector<std::string> Placement::describe() const {
    std::vector<std::string> lines;
    lines.push_back("GPU budget " + format_bytes(gpu_budget) + ": " + format_bytes(gpu_total()) + " planned (weights " +
                    format_bytes(gpu_weight_bytes) + ", KV cache " + (kv_on_gpu ? format_bytes(kv_bytes) : std::string("on the CPU")) +
                    ", activations " + (gpu_used ? format_bytes(scratch_bytes) : std::string("on the CPU")) + ")");
    lines.push_back("CPU: " + format_bytes(cpu_weight_bytes) + " of weights" + (kv_on_gpu ? "" : ", KV cache " + format_bytes(kv_bytes)) +
                    (lookup_bytes ? "; the token embedding (" + format_bytes(lookup_bytes) + ") is read by row from the mapped file" : ""));
    if (!gpu_used) {
        lines.push_back("Not even one batch of activations fits the GPU budget: everything runs on the CPU.");
        return lines;
    }
    const auto range = [](int n) { return n == 1 ? std::string("layer 0") : "layers 0-" + std::to_string(n - 1); };
    if (expert_layers_on_cpu == 0 && ffn_layers_on_cpu == 0 && layers_on_cpu == 0 && !output_on_cpu && cpu_weight_bytes == 0)
        lines.push_back("Everything is on the GPU.");
    if (layers_on_cpu > 0) lines.push_back("Whole " + range(layers_on_cpu) + " on the CPU (attention too).");
    if (ffn_layers_on_cpu > layers_on_cpu) lines.push_back("Feed-forward matrices of " + range(ffn_layers_on_cpu) + " on the CPU.");
    if (expert_layers_on_cpu > std::max(ffn_layers_on_cpu, first_expert_layer)) {
        // Counted from the first layer that has routed experts: leading dense layers have none.
        const int first = std::max(ffn_layers_on_cpu, first_expert_layer), last = expert_layers_on_cpu - 1;
        const std::string layers = first == last ? "layer " + std::to_string(first)
                                                 : "layers " + std::to_string(first) + "-" + std::to_string(last);
        lines.push_back("Routed experts of " + layers + " on the CPU; their attention, norms and router on the GPU.");
    }
    if (output_on_cpu) lines.push_back("The output matrix is on the CPU.");
    if (!kv_on_gpu) lines.push_back("The KV cache does not fit beside the activations: attention runs on the CPU.");
    if ((expert_layers_on_cpu > 0 || layers_on_cpu > 0) && std::max(expert_layers_on_cpu, layers_on_cpu) < n_layer)
        lines.push_back("Layers " + std::to_string(std::max(expert_layers_on_cpu, layers_on_cpu)) + "-" + std::to_string(n_layer - 1) +
                        " run entirely on the GPU.");
    return lines;
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
    double value = 0;
    std::size_t i = 0;
    std::string number;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) number += text[i++];
    if (number.empty() || std::sscanf(number.c_str(), "%lf", &value) != 1) return std::nullopt;
    std::string unit(text.substr(i));
    std::transform(unit.begin(), unit.end(), unit.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    double scale = 1;
    if (unit.empty() || unit == "b") scale = 1;
    else if (unit == "k" || unit == "kib" || unit == "kb") scale = 1024.0;
    else if (unit == "m" || unit == "mib" || unit == "mb") scale = 1024.0 * 1024;
    else if (unit == "g" || unit == "gib" || unit == "gb") scale = 1024.0 * 1024 * 1024;
    else if (unit == "t" || unit == "tib" || unit == "tb") scale = 1024.0 * 1024 * 1024 * 1024;
    else return std::nullopt;
    const double bytes = value * scale;
    if (!std::isfinite(bytes) || bytes < 0 || bytes > 1.8e19) return std::nullopt;
    return static_cast<std::uint64_t>(std::llround(bytes));
}

std::string format_bytes(std::uint64_t bytes) {
    char text[32];
    if (bytes >= (1ull << 30)) std::snprintf(text, sizeof text, "%.2f GiB", static_cast<double>(bytes) / (1ull << 30));
    else if (bytes >= (1ull << 20)) std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1ull << 20));
    else std::snprintf(text, sizeof text, "%llu KiB", static_cast<unsigned long long>((bytes + 1023) / 1024));
    return text;
}

} // namespace conclave::runtime
