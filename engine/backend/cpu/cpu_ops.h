#pragma once
// The CPU implementations of the backend ops, one file per family (matmul, rows/norm/rope,
// attention, element-wise). Tensors here hold host memory. Called by CpuBackend.

#include "backend/backend.h"
#include "backend/cpu/gemm.h"
#include "core/thread_pool.h"

#include <cstdint>
#include <span>
#include <vector>

namespace conclave::cpu {

// Reads row `row` of a weight of any type as floats; returns a pointer to `buffer` or, for
// F32 weights, straight into the tensor.
const float* row_as_f32(const Tensor& w, std::int64_t row, float* buffer);

// Each row of x rounded through `format` and back: the values an integer kernel would see.
std::vector<float> round_activations(ThreadPool& pool, const Tensor& x, quant::TensorType format);

// Prompts (several tokens) run the tiled GEMM of gemm.h where the weight type has one; its
// activation panel lives in `space`.
void mul_mat(ThreadPool& pool, GemmWorkspace& space, const Tensor& w, const Tensor& x, Tensor& out);
void mul_mat_id(ThreadPool& pool, GemmWorkspace& space, const Tensor& w, const Tensor& x,
                std::span<const std::int32_t> expert_ids, int n_used, Tensor& out);
void moe_combine(const Tensor& x, std::span<const float> weights, int n_used, Tensor& out);
void indexer_scores(ThreadPool& pool, const Tensor& q, const Tensor& w, const Tensor& keys,
                    std::span<const std::int64_t> visible, Tensor& out);
void mix_rows(ThreadPool& pool, const Tensor& x, std::span<const float> weights, int n_in, int n_out, Tensor& out);
void add_id(const Tensor& x, const Tensor& bias, std::span<const std::int32_t> expert_ids, Tensor& out);
// Backend::route on host tensors (cpu_routing.cpp), and views of route()'s outputs.
void route(const Tensor& logits, const Tensor& selection_bias, std::span<const std::int32_t> fixed_ids,
           const RoutingSpec& spec, Tensor& ids, Tensor& weights);
std::span<const std::int32_t> ids_of(const Tensor& ids);
std::span<const float> floats_of(const Tensor& t);
void get_rows(const Tensor& table, std::span<const std::int32_t> ids, Tensor& out);
void rms_norm(ThreadPool& pool, const Tensor& x, const Tensor& weight, float eps, Tensor& out);
void rope(ThreadPool& pool, Tensor& x, int head_dim, std::span<const std::int32_t> positions, const RopeParams& params);
void kv_store(KvLayer& cache, const Tensor& k, const Tensor& v, std::int64_t first_pos);
void attention(ThreadPool& pool, const Tensor& q, const KvLayer& cache, std::int64_t first_pos,
               const AttentionParams& params, Tensor& out);
void add(const Tensor& a, const Tensor& b, Tensor& out);
void copy_columns(const Tensor& src, std::int64_t src_first, Tensor& dst, std::int64_t dst_first, std::int64_t n);
void mul(const Tensor& a, const Tensor& b, Tensor& out);
void scale(Tensor& x, float factor);
void swiglu(ThreadPool& pool, const Tensor& gate, const Tensor& up, Tensor& out);
void geglu(ThreadPool& pool, const Tensor& gate, const Tensor& up, Tensor& out);
void swiglu_clamped(ThreadPool& pool, const Tensor& gate, const Tensor& up, const SwigluClamp& clamp, Tensor& out);

inline float* f32(Tensor& t) { return static_cast<float*>(t.data); }
inline const float* f32(const Tensor& t) { return static_cast<const float*>(t.data); }

} // namespace conclave::cpu
