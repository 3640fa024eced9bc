// mul_mat on the CPU, the generic path every weight type runs on: each output row's weights
// are read once as floats (dequantized when quantized) and dotted with every token's
// activations. Threads split the output rows so each weight byte is read by one thread.
// Fast integer kernels for specific types plug in ahead of this path.

#include "backend/cpu/cpu_ops.h"
#include "backend/cpu/vec_dot.h"
#include "quant/dequantize.h"
#include "quant/half.h"

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

void mul_mat(ThreadPool& pool, const Tensor& w, const Tensor& x, Tensor& out) {
    const std::int64_t n_in = w.ne[0];
    const std::int64_t n_out = w.ne[1];
    const std::int64_t n_tokens = x.ne[1];
    assert(x.ne[0] == n_in && out.ne[0] == n_out && out.ne[1] == n_tokens);
    const float* xs = f32(x);
    float* ys = f32(out);
    const VecKernels& k = vec_kernels();
    pool.parallel_for(n_out, 16, [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> buffer(static_cast<std::size_t>(n_in));
        for (std::int64_t r = begin; r < end; ++r) {
            const float* row = row_as_f32(w, r, buffer.data());
            for (std::int64_t t = 0; t < n_tokens; ++t) ys[t * n_out + r] = k.dot(row, xs + t * n_in, n_in);
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
