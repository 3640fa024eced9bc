#pragma once
// The backend ops on a Vulkan device: each records its dispatches on the device's command
// stream (nothing waits here). Shapes and types follow the Backend contract in
// backend/backend.h exactly; the CPU backend is the reference every op is tested against
// (tests/engine/vulkan). supports() says which (op, type) pairs have a kernel; the hybrid
// backend runs everything else on the CPU.
// One source file per op family: vulkan_matmul.cpp (mul_mat, mul_mat_id), vulkan_ops.cpp
// (norms, element-wise, RoPE, MoE combine, row mixes, expert biases, column copies),
// vulkan_indexer.cpp (DeepSeek V4's indexer scores), vulkan_attention.cpp (KV store,
// attention).

#include "backend/backend.h"
#include "backend/vulkan/device_tensor.h"

#include <optional>
#include <span>

namespace conclave::vulkan {

// Weight types of mul_mat / mul_mat_id; every op's activations are F32; KV caches F16,
// F32 or Q8_0.
bool supports(Op op, quant::TensorType type);

// out[n_out, n_tokens] = w[n_in, n_out]^T · x[n_in, n_tokens]; matrix-vector kernels for a
// few tokens, tiled matrix-matrix kernels for prompts. Weights larger than one binding
// (DeviceInfo::max_binding_bytes) are split by rows. w.ne[0] is a multiple of 8 (every block
// type's is; the kernels walk rows in groups of 8).
void mul_mat(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x, const DeviceTensor& out);
// As Backend::mul_mat_id: w [n_in, n_out, n_expert]; expert_ids[slot + n_used * token].
void mul_mat_id(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x,
                std::span<const std::int32_t> expert_ids, int n_used, const DeviceTensor& out);
// The same with the ids in device memory (I32 [n_used * n_tokens], route()'s output): only
// the matrix-vector path (up to kMaxVecTokens tokens) reads ids there; a prompt's tiled
// kernels need a plan the host builds from the ids, so callers pass those as host data.
void mul_mat_id(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x, const DeviceTensor& expert_ids,
                int n_used, const DeviceTensor& out);

// weight may be invalid (no scaling); otherwise its ne[0] equals x.ne[0].
void rms_norm(VulkanDevice& device, const DeviceTensor& x, const DeviceTensor& weight, float eps,
              const DeviceTensor& out);
// Element-wise; b broadcasts over rows when it has one row. out may alias a.
void add(VulkanDevice& device, const DeviceTensor& a, const DeviceTensor& b, const DeviceTensor& out);
void mul(VulkanDevice& device, const DeviceTensor& a, const DeviceTensor& b, const DeviceTensor& out);
void scale(VulkanDevice& device, const DeviceTensor& x, float factor);
void swiglu(VulkanDevice& device, const DeviceTensor& gate, const DeviceTensor& up, const DeviceTensor& out);
void geglu(VulkanDevice& device, const DeviceTensor& gate, const DeviceTensor& up, const DeviceTensor& out);
// gpt-oss's clamped SwiGLU (SwigluClamp); out may alias gate or up.
void swiglu_clamped(VulkanDevice& device, const DeviceTensor& gate, const DeviceTensor& up, const SwigluClamp& clamp,
                    const DeviceTensor& out);
void moe_combine(VulkanDevice& device, const DeviceTensor& x, std::span<const float> weights, int n_used,
                 const DeviceTensor& out);
// As Backend::mix_rows: out[:, o + n_out * g] = sum over i < n_in of
// weights[i + n_in * (o + n_out * g)] * x[:, i + n_in * g]. out must not alias x.
void mix_rows(VulkanDevice& device, const DeviceTensor& x, std::span<const float> weights, int n_in, int n_out,
              const DeviceTensor& out);
// As Backend::indexer_scores: out[b, t] = sum over h of w[h, t] * max(0, q_h(t) . keys[:, b])
// for b < visible[t]; the rest of out is left as it is. keys in a KV cache type (F32, F16,
// Q8_0 with head_dim a multiple of 32), head_dim at most kMaxIndexerHeadDim.
inline constexpr int kMaxIndexerHeadDim = 1024;
void indexer_scores(VulkanDevice& device, const DeviceTensor& q, const DeviceTensor& w, const DeviceTensor& keys,
                    std::span<const std::int64_t> visible, const DeviceTensor& out);
// As Backend::add_id: out[:, s] = x[:, s] + bias[:, expert_ids[s]], bias the device copy of an
// F32 weight [n, n_expert]. out may alias x. Slots with an expert id outside [0, n_expert)
// are left unwritten.
void add_id(VulkanDevice& device, const DeviceTensor& x, const DeviceTensor& bias,
            std::span<const std::int32_t> expert_ids, const DeviceTensor& out);
// Expert routing (Backend::route) on the device: ids [n_used, n_tokens] I32 and weights
// [n_used, n_tokens] F32 from logits [n_expert, n_tokens] F32; selection_bias is the device
// copy of the F32 [n_expert] weight, or invalid. fixed_ids (host data, staged) or empty: hash
// routing. The same experts as the host reference, ties to the lower id; weights within an ulp
// or so (vulkan_routing.cpp, shaders/route.comp).
inline constexpr int kMaxRoutedExperts = 1024; // shared memory holds every expert's score
inline constexpr int kMaxRoutedSlots = 64;
inline constexpr int kMaxRoutingGroups = 64;
bool route_supported(const RoutingSpec& spec);
struct RouteTensors {
    DeviceTensor logits, selection_bias, ids, weights;
};
void route(VulkanDevice& device, const RouteTensors& tensors, std::span<const std::int32_t> fixed_ids,
           const RoutingSpec& spec);
// add_id and moe_combine reading their expert ids / weights from device memory (route()'s
// outputs): [n_used * n_tokens] I32 / F32.
void add_id(VulkanDevice& device, const DeviceTensor& x, const DeviceTensor& bias, const DeviceTensor& expert_ids,
            const DeviceTensor& out);
void moe_combine(VulkanDevice& device, const DeviceTensor& x, const DeviceTensor& weights, int n_used,
                 const DeviceTensor& out);

// params.freq_factors is ignored (host memory); freq_factors is its device copy or invalid.
void rope(VulkanDevice& device, const DeviceTensor& x, int head_dim, std::span<const std::int32_t> positions,
          const RopeParams& params, const DeviceTensor& freq_factors);

// As Backend::copy_columns: dst[dst_first + i, r] = src[src_first + i, r] for i < n, every
// row r; dst's other columns are kept. src and dst must not overlap.
void copy_columns(VulkanDevice& device, const DeviceTensor& src, std::int64_t src_first, const DeviceTensor& dst,
                  std::int64_t dst_first, std::int64_t n);

// Writes k into cache_k and v into cache_v at rows first_pos... (as Backend::kv_store);
// cache_v and v invalid: a cache without V rows, only the keys are written. ring > 0
// (KvLayer::ring): position p goes to row p % ring, and of more than `ring` tokens only the
// last `ring` are written (the earlier ones would be overwritten).
void kv_store(VulkanDevice& device, const DeviceTensor& cache_k, const DeviceTensor& cache_v, const DeviceTensor& k,
              const DeviceTensor& v, std::int64_t first_pos, std::int64_t ring = 0);
// The widest key or value head attention() takes (its wide shader variant; heads up to 256
// use the original one).
inline constexpr int kMaxAttentionHeadDim = 1024;
// Whether attention() has a kernel for these heads and cache types: head_dim and head_dim_v
// (0: head_dim) even and at most kMaxAttentionHeadDim, K and V of one type among F16, F32,
// Q8_0, and for Q8_0 head_dim (and head_dim_v with V rows) a multiple of 32. v_type empty:
// the cache has no V rows, the values are the first head_dim_v <= head_dim elements of each
// key head. Sinks are supported, and extra keys (AttentionParams::extra_keys, of the cache's
// type, head_dim wide) with a cache without V rows. Callers run the rest on the CPU.
bool attention_supported(const AttentionParams& params, quant::TensorType k_type,
                         std::optional<quant::TensorType> v_type);
// The device tensors of one attention call. q: [head_dim * n_head, n_tokens] F32, out:
// [head_dim_v * n_head, n_tokens] F32 (out may alias q when head_dim_v == head_dim); cache_k,
// cache_v: the layer's cache (cache_v invalid: no V rows, values inside the keys); sinks:
// the device copy of AttentionParams::sinks (F32 [n_head]), or invalid for none; extra_keys:
// the device copy of AttentionParams::extra_keys, or invalid for none (the params' host
// tensors are ignored; their extra_rows and extra_begin are used). ring: the cache's
// KvLayer::ring (0: row p is position p).
struct AttentionTensors {
    DeviceTensor q, cache_k, cache_v, sinks, out;
    DeviceTensor extra_keys = {};
    std::int64_t ring = 0;
};
void attention(VulkanDevice& device, const AttentionTensors& tensors, std::int64_t first_pos, const AttentionParams& params);

} // namespace conclave::vulkan
