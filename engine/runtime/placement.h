#pragma once
// Placement: which weights live on the GPU and which on the CPU, given the GPU's memory
// budget. Everything goes to the GPU when it fits. Otherwise tensors move to the CPU in
// this order, layer by layer from the first: routed experts (read a few at a time per
// token, so the CPU's bandwidth serves them best), then dense feed-forward matrices, then
// the rest of each layer, then the output matrix. Norms, the router, shared experts and
// the output norm stay on the GPU as long as their layer does. The KV cache and one batch
// of activations are reserved first; when even they do not fit, attention runs on the CPU.

#include "gguf/gguf_file.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace conclave::runtime {

enum class Device : std::uint8_t { cpu, gpu };

struct PlacementRequest {
    std::uint64_t gpu_budget = 0;    // bytes this session may use on the GPU
    std::uint64_t kv_bytes = 0;      // the KV cache at the session's context length
    std::uint64_t scratch_bytes = 0; // activations of one batch
};

struct PlacedTensor {
    std::string name;
    std::uint64_t bytes = 0;
    Device where = Device::cpu;
    int layer = -1; // -1: not a layer's tensor
};

struct Placement {
    std::vector<PlacedTensor> tensors; // in file order
    bool gpu_used = false;  // false: not even the activations fit; run on the CPU
    bool kv_on_gpu = false;
    std::uint64_t gpu_budget = 0;
    std::uint64_t gpu_weight_bytes = 0, cpu_weight_bytes = 0;
    std::uint64_t lookup_bytes = 0; // an untied token embedding: read by row on the CPU, never moved
    std::uint64_t kv_bytes = 0, scratch_bytes = 0;
    int n_layer = 0;
    int expert_layers_on_cpu = 0; // routed experts of layers [0, n) are on the CPU
    int first_expert_layer = 0;   // leading dense layers (DeepSeek's) have no routed experts
    int ffn_layers_on_cpu = 0;    // dense feed-forward matrices of layers [0, n)
    int layers_on_cpu = 0;        // every tensor of layers [0, n)
    bool output_on_cpu = false;

    std::uint64_t gpu_total() const { return gpu_weight_bytes + (kv_on_gpu ? kv_bytes : 0) + (gpu_used ? scratch_bytes : 0); }
    bool on_gpu(std::string_view name) const;
    // What goes where and why, for `conclave-cli info --placement` and the app.
    std::vector<std::string> describe() const;
};

Placement plan_placement(const gguf::GgufFile& file, const PlacementRequest& request);

// "4GiB", "512MiB", "1.5G", "800M", "123456" (bytes) -> bytes; nullopt when malformed.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);
std::string format_bytes(std::uint64_t bytes);

} // namespace conclave::runtime
