#include "backend/cpu/activation_quant.h"

#include "conclave/cpu_features.h"

#include "quant/blocks_k.h"
#include "quant/blocks_legacy.h"
#include "quant/half.h"
#include "quant/quantize.h"

#include <cassert>
#include <cmath>
#include <cstring>

namespace conclave::cpu {
namespace {

// One block of 32: returns the scale and fills qs; `sum` gets the sum of the codes.
float quantize_block_q8(const float* x, std::int8_t* qs, int& sum) {
    float amax = 0.0f;
    for (int i = 0; i < quant::qk_legacy; ++i) amax = std::fmax(amax, std::fabs(x[i]));
    const float d = amax / 127.0f;
    const float id = amax != 0.0f ? 127.0f / amax : 0.0f;
    sum = 0;
    for (int i = 0; i < quant::qk_legacy; ++i) {
        const int q = static_cast<int>(std::nearbyint(x[i] * id)); // default mode: half to even
        qs[i] = static_cast<std::int8_t>(q);
        sum += q;
    }
    return d;
}

// Q8_K: the scale is set by the (signed) element of largest magnitude, mapped to -127, the
// convention the common K-quant kernels use; codes saturate at 127. Sums per 16 feed the
// weight minimum terms of the K-quant kernels.
void quantize_block_q8_k(const float* x, quant::BlockQ8_K& block) {
    float amax = 0.0f, max = 0.0f;
    for (int i = 0; i < quant::qk_k; ++i)
        if (std::fabs(x[i]) > amax) amax = std::fabs(x[i]), max = x[i];
    std::memset(&block, 0, sizeof block);
    if (amax == 0.0f) return;
    const float iscale = -127.0f / max;
    for (int i = 0; i < quant::qk_k; ++i) {
        const int q = static_cast<int>(std::nearbyint(iscale * x[i]));
        block.qs[i] = static_cast<std::int8_t>(q > 127 ? 127 : q);
    }
    for (int g = 0; g < quant::qk_k / 16; ++g) {
        int sum = 0;
        for (int i = 0; i < 16; ++i) sum += block.qs[g * 16 + i];
        block.bsums[g] = static_cast<std::int16_t>(sum);
    }
    block.d = 1.0f / iscale;
}

} // namespace

void quantize_activations_reference(quant::TensorType format, const float* src, std::int64_t n, void* dst,
                                    std::size_t dst_bytes) {
    const std::int64_t blocks = n / quant::qk_legacy;
    auto* out = static_cast<unsigned char*>(dst);
    if (format == quant::TensorType::Q8_0) {
        for (std::int64_t b = 0; b < blocks; ++b) {
            quant::BlockQ8_0 block;
            int sum = 0;
            block.d = quant::fp32_to_fp16(quantize_block_q8(src + b * quant::qk_legacy, block.qs, sum));
            std::memcpy(out + b * sizeof block, &block, sizeof block);
        }
        return;
    }
    if (format == quant::TensorType::Q8_1) {
        for (std::int64_t b = 0; b < blocks; ++b) {
            quant::BlockQ8_1 block;
            int sum = 0;
            const float d = quantize_block_q8(src + b * quant::qk_legacy, block.qs, sum);
            block.d = quant::fp32_to_fp16(d);
            block.s = quant::fp32_to_fp16(d * static_cast<float>(sum));
            std::memcpy(out + b * sizeof block, &block, sizeof block);
        }
        return;
    }
    if (format == quant::TensorType::Q8_K) {
        for (std::int64_t b = 0; b < n / quant::qk_k; ++b) {
            quant::BlockQ8_K block;
            quantize_block_q8_k(src + b * quant::qk_k, block);
            std::memcpy(out + b * sizeof block, &block, sizeof block);
        }
        return;
    }
    [[maybe_unused]] const auto written = quant::quantize_row(format, src, n, dst, dst_bytes);
    assert(written.ok());
}

namespace {
bool has_avx2() {
    static const bool avx2 = [] {
        const CpuFeatures f = detect_cpu_features();
        return f.avx2 && f.fma && f.f16c;
    }();
    return avx2;
}
} // namespace

void quantize_activations(quant::TensorType format, const float* src, std::int64_t n, void* dst, std::size_t dst_bytes) {
    if (has_avx2() && quantize_activations_avx2(format, src, n, dst)) return;
    quantize_activations_reference(format, src, n, dst, dst_bytes);
}

} // namespace conclave::cpu
