// Mixture-of-experts matmul on the CPU. Rows (token, slot) are grouped by the expert they
// use, so each selected expert's weights are read once for all of its rows: during a prompt
// that turns many matrix-vector products into one small matrix product per expert, and for a
// single token only the selected experts' weights are touched, spread over all threads.

#include "backend/cpu/activation_format.h"
#include "backend/cpu/activation_quant.h"
#include "backend/cpu/cpu_ops.h"
#include "backend/cpu/quant_dot.h"
#include "backend/cpu/vec_dot.h"

#include <algorithm>
#include <cassert>
#include <vector>

namespace conclave::cpu {
namespace {

struct ExpertRows {
    std::vector<std::int64_t> out_rows; // slot + n_used * token
    std::vector<std::int64_t> in_rows;  // the x row each reads
};

std::vector<ExpertRows> group_by_expert(std::span<const std::int32_t> ids, int n_used, std::int64_t n_expert,
                                        bool row_per_slot) {
    std::vector<ExpertRows> groups(static_cast<std::size_t>(n_expert));
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto row = static_cast<std::int64_t>(i);
        ExpertRows& g = groups[static_cast<std::size_t>(ids[i])];
        g.out_rows.push_back(row);
        g.in_rows.push_back(row_per_slot ? row : row / n_used);
    }
    return groups;
}

// Prompts: one panel for all x rows, one GEMM job per used expert over its rows, all experts'
// row chunks in one parallel region.
void mul_mat_id_gemm(ThreadPool& pool, GemmWorkspace& space, const GemmKernel& kernel, const Tensor& w, const Tensor& x,
                     const std::vector<ExpertRows>& groups, Tensor& out) {
    const std::int64_t n_in = w.ne[0], n_out = w.ne[1];
    const GemmPanel panel = gemm_pack(pool, space, kernel, f32(x), n_in, x.ne[1]);
    std::size_t n_rows = 0;
    for (const ExpertRows& g : groups) n_rows += g.out_rows.size();
    std::vector<const unsigned char*> act;
    std::vector<float*> rows;
    act.reserve(n_rows);
    rows.reserve(n_rows);
    std::vector<GemmJob> jobs;
    const std::uint64_t expert_bytes = w.row_bytes() * static_cast<std::uint64_t>(n_out);
    for (std::size_t e = 0; e < groups.size(); ++e) {
        const ExpertRows& g = groups[e];
        if (g.out_rows.empty()) continue;
        const std::size_t first = act.size();
        for (std::size_t i = 0; i < g.out_rows.size(); ++i) {
            act.push_back(panel.record(g.in_rows[i]));
            rows.push_back(f32(out) + g.out_rows[i] * n_out);
        }
        jobs.push_back(GemmJob{static_cast<const unsigned char*>(w.data) + e * expert_bytes,
                               std::span(act).subspan(first, g.out_rows.size()),
                               std::span(rows).subspan(first, g.out_rows.size())});
    }
    gemm_run(pool, kernel, panel.layout, n_out, w.row_bytes(), jobs);
}

} // namespace

void mul_mat_id(ThreadPool& pool, GemmWorkspace& space, const Tensor& w, const Tensor& x,
                std::span<const std::int32_t> expert_ids, int n_used, Tensor& out) {
    const std::int64_t n_in = w.ne[0], n_out = w.ne[1], n_expert = w.ne[2];
    const std::int64_t n_x_rows = x.ne[1];
    const bool row_per_slot = n_x_rows == static_cast<std::int64_t>(expert_ids.size());
    assert(x.ne[0] == n_in && out.ne[0] == n_out);
    const std::vector<ExpertRows> groups = group_by_expert(expert_ids, n_used, n_expert, row_per_slot);
    std::vector<std::int64_t> active; // experts with rows, in id order
    for (std::int64_t e = 0; e < n_expert; ++e)
        if (!groups[static_cast<std::size_t>(e)].out_rows.empty()) active.push_back(e);
    // The GEMM converts each weight row's scales once for all of an expert's rows: it pays
    // when experts have several rows each (a prompt), not for one token's single row each.
    const auto rows_per_expert = static_cast<std::int64_t>(expert_ids.size()) / std::max<std::int64_t>(1, std::ssize(active));
    if (rows_per_expert >= gemm_min_tokens)
        if (const GemmKernel* kernel = find_gemm_kernel(w.type)) {
            mul_mat_id_gemm(pool, space, *kernel, w, x, groups, out);
            return;
        }

    // Activations rounded once into the expert weights' activation format.
    const quant::TensorType format = activation_format(w.type);
    const QuantDotFn dot = find_quant_dot(w.type);
    Tensor probe;
    probe.type = dot ? format : quant::TensorType::F32;
    probe.ne = {n_in, 1, 1, 1};
    const std::uint64_t a_bytes = probe.row_bytes();
    std::vector<unsigned char> packed;
    std::vector<float> rounded;
    if (!dot && format != quant::TensorType::F32) rounded = round_activations(pool, x, format);
    const float* xs = rounded.empty() ? f32(x) : rounded.data();
    if (dot) {
        packed.resize(a_bytes * static_cast<std::uint64_t>(n_x_rows));
        pool.parallel_for(n_x_rows, 1, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t r = begin; r < end; ++r)
                quantize_activations(format, f32(x) + r * n_in, n_in, packed.data() + r * a_bytes, a_bytes);
        });
    }
    const std::uint64_t w_row_bytes = w.row_bytes();
    const std::uint64_t expert_bytes = w_row_bytes * static_cast<std::uint64_t>(n_out);
    float* ys = f32(out);
    const VecKernels& k = vec_kernels();
    // One parallel region over (active expert, chunk of its output rows), so a token's few
    // experts are spread over all threads without a barrier per expert.
    constexpr std::int64_t rows_per_item = 16;
    const std::int64_t items_per_expert = (n_out + rows_per_item - 1) / rows_per_item;
    pool.parallel_for(std::ssize(active) * items_per_expert, 1, [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> buffer(dot ? 0 : static_cast<std::size_t>(n_in));
        for (std::int64_t item = begin; item < end; ++item) {
            const std::int64_t e = active[static_cast<std::size_t>(item / items_per_expert)];
            const ExpertRows& g = groups[static_cast<std::size_t>(e)];
            Tensor expert = w;
            expert.ne = {n_in, n_out, 1, 1};
            expert.data = static_cast<unsigned char*>(w.data) + static_cast<std::uint64_t>(e) * expert_bytes;
            const std::int64_t r0 = item % items_per_expert * rows_per_item;
            const std::int64_t r1 = std::min(n_out, r0 + rows_per_item);
            for (std::int64_t r = r0; r < r1; ++r) {
                const auto* row = static_cast<const unsigned char*>(expert.data) + static_cast<std::uint64_t>(r) * w_row_bytes;
                const float* row_f = dot ? nullptr : row_as_f32(expert, r, buffer.data());
                for (std::size_t i = 0; i < g.out_rows.size(); ++i) {
                    const std::int64_t in = g.in_rows[i];
                    ys[g.out_rows[i] * n_out + r] = dot ? dot(row, packed.data() + in * a_bytes, n_in)
                                                        : k.dot(row_f, xs + in * n_in, n_in);
                }
            }
        }
    });
}

void moe_combine(const Tensor& x, std::span<const float> weights, int n_used, Tensor& out) {
    const std::int64_t n = x.ne[0];
    const std::int64_t n_tokens = static_cast<std::int64_t>(weights.size()) / n_used;
    const VecKernels& k = vec_kernels();
    for (std::int64_t t = 0; t < n_tokens; ++t) {
        float* o = f32(out) + t * n;
        std::fill(o, o + n, 0.0f);
        for (int s = 0; s < n_used; ++s) {
            const std::int64_t row = s + std::int64_t{n_used} * t;
            k.axpy(weights[static_cast<std::size_t>(row)], f32(x) + row * n, o, n);
        }
    }
}

void mix_rows(ThreadPool& pool, const Tensor& x, std::span<const float> weights, int n_in, int n_out, Tensor& out) {
    const std::int64_t n = x.ne[0];
    const std::int64_t groups = x.rows() / n_in;
    assert(x.rows() == groups * n_in && out.rows() == groups * n_out && out.ne[0] == n && out.data != x.data);
    assert(static_cast<std::int64_t>(weights.size()) == groups * n_in * n_out);
    const VecKernels& k = vec_kernels();
    pool.parallel_for(groups * n_out, 4, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t row = begin; row < end; ++row) {
            const std::int64_t g = row / n_out;
            float* o = f32(out) + row * n;
            std::fill(o, o + n, 0.0f);
            for (int i = 0; i < n_in; ++i)
                k.axpy(weights[static_cast<std::size_t>(i + n_in * row)], f32(x) + (i + n_in * g) * n, o, n);
        }
    });
}

} // namespace conclave::cpu
