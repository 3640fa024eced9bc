#pragma once
// Older DeepSeek conversions (before 2025) store each layer's key and value up-projections
// fused: attn_kv_b [kv_lora_rank, n_head * (qk_nope + v_head)], per head qk_nope key rows then
// v_head value rows. Latent attention needs them split and the key part transposed (the
// query is multiplied into the latent space). This builds the split matrices once at load,
// as F16 (half the memory of F32; the F16 matmul keeps F32 accumulation).

#include "backend/tensor.h"
#include "conclave/result.h"

#include <cstdint>
#include <vector>

namespace conclave::model {

struct SplitKvB {
    std::vector<std::uint16_t> k_b; // F16 [qk_nope, kv_lora_rank, n_head]: as attn_k_b
    std::vector<std::uint16_t> v_b; // F16 [kv_lora_rank, v_head, n_head]: as attn_v_b
};

Result<SplitKvB> split_kv_b(const Tensor& kv_b, int n_head, int qk_nope, int v_head, int kv_lora_rank);

// The bytes split_kv_b holds for one layer.
std::uint64_t split_kv_b_bytes(int n_head, int qk_nope, int v_head, int kv_lora_rank);

} // namespace conclave::model
