// mul_mat on the CPU, the generic path every weight type runs on: each output row's weights
// are read once as floats (dequantized when quantized) and dotted with every token's
// activations. Threads split the output rows so each weight byte is read by one thread.
// Fast integer kernels for specific types plug in ahead of this path.

#include "backend/cpu/activation_format.h"
#include "backend/cpu/activation_quant.h"
#include "backend/cpu/cpu_ops.h"
#include "backend/cpu/quant_dot.h"
#include "backend/cpu/vec_dot.h"
#include "quant/dequantize.h"
#include "quant/half.h"
#include "quant/quantize.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <vector>

namespace conclave::cpu {

const float* row_as_f32(const Tensor& w, std::int64_t row, float* buffer) {
    const std::int64_t n = w.ne[0];
    const std::uint64_t stride = w.row_bytes();
    const auto* src = static_cast<const unsigned char*>(w.data) + static_cast<std::uint64_t>(row) * stride;
    switch (w.type) {
    case quant::TensorType::F32: return reinterpret_cast<const float*>(src);
    case quant::TensorType::F16: {
        const auto* h = reinterpret_cast<const std::uint16_t*>(src);
        for (std::int64_t i = 0; i < n; ++i) buffer[i] = quant::fp16_to_fp32(h[i]);
        return buffer;
    }
    default: {
        // Shapes and types were validated when the model loaded, so this cannot fail here.
        [[maybe_unused]] const Result<void> done = quant::dequantize_row(w.type, src, stride, buffer, n);
        assert(done.ok());
        return buffer;
    }
    }
}

// Rounds each activation row through the weight type's activation format and back, so the
// float path sees exactly the values an integer kernel would multiply.
std::vector<float> round_activations(ThreadPool& pool, const Tensor& x, quant::TensorType format) {
    const std::int64_t n = x.ne[0];
    std::vector<float> rounded(static_cast<std::size_t>(x.n_elements()));
    Tensor probe;
    probe.type = format;
    probe.ne = {n, 1, 1, 1};
    const std::uint64_t bytes = probe.row_bytes();
    pool.parallel_for(x.ne[1], 1, [&](std::int64_t begin, std::int64_t end) {
        std::vector<unsigned char> packed(bytes);
        for (std::int64_t t = begin; t < end; ++t) {
            const float* src = f32(x) + t * n;
            float* dst = rounded.data() + t * n;
            quantize_activations(format, src, n, packed.data(), bytes);
            [[maybe_unused]] const auto d = quant::dequantize_row(format, packed.data(), bytes, dst, n);
            assert(d.ok());
        }
    });
    return rounded;
}

namespace {

// Prompts: activations packed once into a GEMM panel, then row chunks x token tiles.
void mul_mat_gemm(ThreadPool& pool, GemmWorkspace& space, const GemmKernel& kernel, const Tensor& w, const Tensor& x,
                  Tensor& out) {
    const std::int64_t n_in = w.ne[0], n_out = w.ne[1], n_tokens = x.ne[1];
    const GemmPanel panel = gemm_pack(pool, space, kernel, f32(x), n_in, n_tokens);
    std::vector<const unsigned char*> act(static_cast<std::size_t>(n_tokens));
    std::vector<float*> rows(static_cast<std::size_t>(n_tokens));
    for (std::int64_t t = 0; t < n_tokens; ++t) {
        act[static_cast<std::size_t>(t)] = panel.record(t);
        rows[static_cast<std::size_t>(t)] = f32(out) + t * n_out;
    }
    const GemmJob job{static_cast<const unsigned char*>(w.data), act, rows};
    gemm_run(pool, kernel, panel.layout, n_out, w.row_bytes(), {&job, 1});
}

// Integer path: activations quantized once per matmul, then one kernel call per (row, token).
void mul_mat_quantized(ThreadPool& pool, QuantDotFn dot, quant::TensorType format, const Tensor& w, const Tensor& x,
                       Tensor& out) {
    const std::int64_t n_in = w.ne[0], n_out = w.ne[1], n_tokens = x.ne[1];
    Tensor probe;
    probe.type = format;
    probe.ne = {n_in, 1, 1, 1};
    const std::uint64_t a_bytes = probe.row_bytes();
    std::vector<unsigned char> packed(a_bytes * static_cast<std::uint64_t>(n_tokens));
    pool.parallel_for(n_tokens, 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t t = begin; t < end; ++t)
            quantize_activations(format, f32(x) + t * n_in, n_in, packed.data() + t * a_bytes, a_bytes);
    });
    const std::uint64_t w_bytes = w.row_bytes();
    const QuantDotX4Fn dot4 = find_quant_dot_x4(w.type);
    const auto* weights = static_cast<const unsigned char*>(w.data);
    float* ys = f32(out);
    // Tokens in tiles small enough for L1 with their quantized activations; each thread's
    // weight rows are streamed once per tile instead of every token row once per weight row.
    constexpr std::int64_t token_tile = 16;
    pool.parallel_for(n_out, 16, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t t0 = 0; t0 < n_tokens; t0 += token_tile) {
            const std::int64_t t1 = std::min(n_tokens, t0 + token_tile);
            for (std::int64_t r = begin; r < end; ++r) {
                const unsigned char* row = weights + r * w_bytes;
                std::int64_t t = t0;
                if (dot4) {
                    float four[4];
                    for (; t + 4 <= t1; t += 4) {
                        dot4(row, packed.data() + t * a_bytes, a_bytes, n_in, four);
                        for (int k = 0; k < 4; ++k) ys[(t + k) * n_out + r] = four[k];
                    }
                }
                for (; t < t1; ++t) ys[t * n_out + r] = dot(row, packed.data() + t * a_bytes, n_in);
            }
        }
    });
}

} // namespace

void mul_mat(ThreadPool& pool, GemmWorkspace& space, const Tensor& w, const Tensor& x, Tensor& out) {
    if (x.ne[1] >= gemm_min_tokens)
        if (const GemmKernel* kernel = find_gemm_kernel(w.type)) {
            mul_mat_gemm(pool, space, *kernel, w, x, out);
            return;
        }
    if (QuantDotFn dot = find_quant_dot(w.type)) {
        mul_mat_quantized(pool, dot, activation_format(w.type), w, x, out);
        return;
    }
    const std::int64_t n_in = w.ne[0];
    const std::int64_t n_out = w.ne[1];
    const std::int64_t n_tokens = x.ne[1];
    assert(x.ne[0] == n_in && out.ne[0] == n_out && out.ne[1] == n_tokens);
    const quant::TensorType format = activation_format(w.type);
    std::vector<float> rounded;
    if (format != quant::TensorType::F32) rounded = round_activations(pool, x, format);
    const float* xs = rounded.empty() ? f32(x) : rounded.data();
    float* ys = f32(out);
    const VecKernels& k = vec_kernels();
    // Rows in chunks converted once: each token's activations are then read once per chunk
    // (from L1 for the chunk's rows) instead of once per row; a prompt's activations do not
    // fit L2, so per row they would stream from L3 n_out times.
    constexpr std::int64_t chunk = 16;
    pool.parallel_for(n_out, chunk, [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> buffer(static_cast<std::size_t>(chunk * n_in));
        const float* rows[chunk];
        for (std::int64_t r0 = begin; r0 < end; r0 += chunk) {
            const std::int64_t r1 = std::min(end, r0 + chunk);
            for (std::int64_t r = r0; r < r1; ++r) rows[r - r0] = row_as_f32(w, r, buffer.data() + (r - r0) * n_in);
            for (std::int64_t t = 0; t < n_tokens; ++t)
                for (std::int64_t r = r0; r < r1; ++r) ys[t * n_out + r] = k.dot(rows[r - r0], xs + t * n_in, n_in);
        }
    });
}

void get_rows(const Tensor& table, std::span<const std::int32_t> ids, Tensor& out) {
    const std::int64_t n = table.ne[0];
    float* dst = f32(out);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        float* row = dst + static_cast<std::int64_t>(i) * n;
        const float* src = row_as_f32(table, ids[i], row);
        if (src != row) std::memcpy(row, src, static_cast<std::size_t>(n) * sizeof(float));
    }
}

} // namespace conclave::cpu
