#pragma once
// CpuBackend: the reference backend. Weights are read in place from the mapped model file;
// activations live in a scratch arena reused across forward passes; kernels run on the
// session's thread pool. Every other backend is tested against this one.
// Owned by one Session; not thread-safe.

#include "backend/backend.h"
#include "backend/cpu/gemm.h"
#include "backend/cpu/scratch_arena.h"
#include "core/thread_pool.h"

#include <memory>
#include <vector>

namespace conclave::cpu {

class CpuBackend final : public Backend {
public:
    explicit CpuBackend(ThreadPool& pool) : m_pool(pool) {}

    std::string_view name() const override { return "cpu"; }
    bool supports(Op op, quant::TensorType type) const override;

    Tensor scratch(quant::TensorType type, std::array<std::int64_t, 4> ne) override;
    void reset_scratch() override { m_scratch.reset(); }
    ScratchMark mark_scratch() const override {
        const ScratchArena::Mark m = m_scratch.mark();
        return {m.chunk, m.used};
    }
    void rewind_scratch(ScratchMark mark) override { m_scratch.rewind({mark.a, mark.b}); }
    Tensor allocate(quant::TensorType type, std::array<std::int64_t, 4> ne) override;
    void upload(Tensor& dst, const void* src, std::uint64_t bytes) override;
    void download(const Tensor& src, void* dst, std::uint64_t bytes) override;

    void get_rows(const Tensor& table, std::span<const std::int32_t> ids, Tensor& out) override;
    void rms_norm(const Tensor& x, const Tensor& weight, float eps, Tensor& out) override;
    void mul_mat(const Tensor& w, const Tensor& x, Tensor& out) override;
    void mul_mat_id(const Tensor& w, const Tensor& x, std::span<const std::int32_t> expert_ids, int n_used,
                    Tensor& out) override;
    void moe_combine(const Tensor& x, std::span<const float> weights, int n_used, Tensor& out) override;
    void mix_rows(const Tensor& x, std::span<const float> weights, int n_in, int n_out, Tensor& out) override;
    void indexer_scores(const Tensor& q, const Tensor& w, const Tensor& keys, std::span<const std::int64_t> visible,
                        Tensor& out) override;
    void add_id(const Tensor& x, const Tensor& bias, std::span<const std::int32_t> expert_ids, Tensor& out) override;
    void route(const Tensor& logits, const Tensor& selection_bias, std::span<const std::int32_t> fixed_ids,
               const RoutingSpec& spec, Tensor& ids, Tensor& weights) override;
    void mul_mat_id(const Tensor& w, const Tensor& x, const Tensor& expert_ids, int n_used, Tensor& out) override;
    void moe_combine(const Tensor& x, const Tensor& weights, int n_used, Tensor& out) override;
    void add_id(const Tensor& x, const Tensor& bias, const Tensor& expert_ids, Tensor& out) override;
    void add(const Tensor& a, const Tensor& b, Tensor& out) override;
    void mul(const Tensor& a, const Tensor& b, Tensor& out) override;
    void scale(Tensor& x, float factor) override;
    void rope(Tensor& x, int head_dim, std::span<const std::int32_t> positions, const RopeParams& params) override;
    void kv_store(KvLayer& cache, const Tensor& k, const Tensor& v, std::int64_t first_pos) override;
    void attention(const Tensor& q, const KvLayer& cache, std::int64_t first_pos, const AttentionParams& params,
                   Tensor& out) override;
    void copy_columns(const Tensor& src, std::int64_t src_first, Tensor& dst, std::int64_t dst_first,
                      std::int64_t n) override;
    void swiglu(const Tensor& gate, const Tensor& up, Tensor& out) override;
    void geglu(const Tensor& gate, const Tensor& up, Tensor& out) override;
    void swiglu_clamped(const Tensor& gate, const Tensor& up, const SwigluClamp& clamp, Tensor& out) override;

    std::size_t scratch_bytes() const { return m_scratch.capacity() + m_gemm.capacity(); }
    std::size_t scratch_high_water() const { return m_scratch.high_water(); }
    std::size_t workspace_bytes() const { return m_gemm.capacity(); }

private:
    ThreadPool& m_pool;
    ScratchArena m_scratch;
    GemmWorkspace m_gemm;
    std::vector<std::unique_ptr<std::byte[]>> m_allocations;
};

} // namespace conclave::cpu
