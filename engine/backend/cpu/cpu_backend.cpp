#include "backend/cpu/cpu_backend.h"

#include "backend/cpu/cpu_ops.h"
#include "quant/dequantize.h"

#include <cstring>

namespace conclave::cpu {

bool CpuBackend::supports(Op op, quant::TensorType type) const {
    // Weight-reading ops take every type that dequantizes; the rest work on F32 activations.
    if (op == Op::mul_mat || op == Op::mul_mat_id || op == Op::get_rows) return quant::can_dequantize(type);
    return type == quant::TensorType::F32 || type == quant::TensorType::F16;
}

Tensor CpuBackend::scratch(quant::TensorType type, std::array<std::int64_t, 4> ne) {
    return Tensor{type, ne, m_scratch.allocate(tensor_bytes(type, ne)), this};
}

Tensor CpuBackend::allocate(quant::TensorType type, std::array<std::int64_t, 4> ne) {
    const std::uint64_t bytes = tensor_bytes(type, ne);
    m_allocations.push_back(std::make_unique<std::byte[]>(bytes)); // value-initialized: zeros
    return Tensor{type, ne, m_allocations.back().get(), this};
}

void CpuBackend::upload(Tensor& dst, const void* src, std::uint64_t bytes) { std::memcpy(dst.data, src, bytes); }

void CpuBackend::download(const Tensor& src, void* dst, std::uint64_t bytes) { std::memcpy(dst, src.data, bytes); }

void CpuBackend::get_rows(const Tensor& table, std::span<const std::int32_t> ids, Tensor& out) {
    cpu::get_rows(table, ids, out);
}

void CpuBackend::rms_norm(const Tensor& x, const Tensor& weight, float eps, Tensor& out) {
    cpu::rms_norm(m_pool, x, weight, eps, out);
}

void CpuBackend::mul_mat(const Tensor& w, const Tensor& x, Tensor& out) { cpu::mul_mat(m_pool, m_gemm, w, x, out); }
void CpuBackend::mul_mat_id(const Tensor& w, const Tensor& x, std::span<const std::int32_t> expert_ids, int n_used,
                            Tensor& out) {
    cpu::mul_mat_id(m_pool, m_gemm, w, x, expert_ids, n_used, out);
}

void CpuBackend::moe_combine(const Tensor& x, std::span<const float> weights, int n_used, Tensor& out) {
    cpu::moe_combine(x, weights, n_used, out);
}

void CpuBackend::add_id(const Tensor& x, const Tensor& bias, std::span<const std::int32_t> expert_ids, Tensor& out) {
    cpu::add_id(x, bias, expert_ids, out);
}

void CpuBackend::route(const Tensor& logits, const Tensor& selection_bias, std::span<const std::int32_t> fixed_ids,
                       const RoutingSpec& spec, Tensor& ids, Tensor& weights) {
    cpu::route(logits, selection_bias, fixed_ids, spec, ids, weights);
}

void CpuBackend::mul_mat_id(const Tensor& w, const Tensor& x, const Tensor& expert_ids, int n_used, Tensor& out) {
    cpu::mul_mat_id(m_pool, m_gemm, w, x, ids_of(expert_ids), n_used, out);
}

void CpuBackend::moe_combine(const Tensor& x, const Tensor& weights, int n_used, Tensor& out) {
    cpu::moe_combine(x, floats_of(weights), n_used, out);
}

void CpuBackend::add_id(const Tensor& x, const Tensor& bias, const Tensor& expert_ids, Tensor& out) {
    cpu::add_id(x, bias, ids_of(expert_ids), out);
}

void CpuBackend::add(const Tensor& a, const Tensor& b, Tensor& out) { cpu::add(a, b, out); }
void CpuBackend::mul(const Tensor& a, const Tensor& b, Tensor& out) { cpu::mul(a, b, out); }
void CpuBackend::scale(Tensor& x, float factor) { cpu::scale(x, factor); }

void CpuBackend::rope(Tensor& x, int head_dim, std::span<const std::int32_t> positions, const RopeParams& params) {
    cpu::rope(m_pool, x, head_dim, positions, params);
}

void CpuBackend::kv_store(KvLayer& cache, const Tensor& k, const Tensor& v, std::int64_t first_pos) {
    cpu::kv_store(cache, k, v, first_pos);
}

void CpuBackend::attention(const Tensor& q, const KvLayer& cache, std::int64_t first_pos,
                           const AttentionParams& params, Tensor& out) {
    cpu::attention(m_pool, q, cache, first_pos, params, out);
}

void CpuBackend::copy_columns(const Tensor& src, std::int64_t src_first, Tensor& dst, std::int64_t dst_first,
                              std::int64_t n) {
    cpu::copy_columns(src, src_first, dst, dst_first, n);
}

void CpuBackend::swiglu(const Tensor& gate, const Tensor& up, Tensor& out) { cpu::swiglu(m_pool, gate, up, out); }
void CpuBackend::geglu(const Tensor& gate, const Tensor& up, Tensor& out) { cpu::geglu(m_pool, gate, up, out); }
void CpuBackend::mix_rows(const Tensor& x, std::span<const float> weights, int n_in, int n_out, Tensor& out) {
    cpu::mix_rows(m_pool, x, weights, n_in, n_out, out);
}

void CpuBackend::indexer_scores(const Tensor& q, const Tensor& w, const Tensor& keys, std::span<const std::int64_t> visible,
                                Tensor& out) {
    cpu::indexer_scores(m_pool, q, w, keys, visible, out);
}

void CpuBackend::swiglu_clamped(const Tensor& gate, const Tensor& up, const SwigluClamp& clamp, Tensor& out) {
    cpu::swiglu_clamped(m_pool, gate, up, clamp, out);
}

} // namespace conclave::cpu
