#include "backend/cpu/vec_dot.h"

#include "conclave/cpu_features.h"
#include "quant/half.h"

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"

#include <immintrin.h>
#endif
#if defined(__aarch64__)
#include <arm_neon.h>
#endif

namespace conclave::cpu {
namespace {

// Eight independent partial sums so the additions can pipeline and vectorize; the result
// differs from a serial sum only by rounding order.
float dot_portable(const float* a, const float* b, std::int64_t n) {
    float acc[8] = {};
    std::int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (int l = 0; l < 8; ++l) acc[l] += a[i + l] * b[i + l];
    float sum = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for (; i < n; ++i) sum += a[i] * b[i];
    return sum;
}

void axpy_portable(float a, const float* x, float* y, std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i) y[i] += a * x[i];
}

float dot_f16_portable(const std::uint16_t* a, const float* b, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t i = 0; i < n; ++i) sum += quant::fp16_to_fp32(a[i]) * b[i];
    return sum;
}

void axpy_f16_portable(float a, const std::uint16_t* x, float* y, std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i) y[i] += a * quant::fp16_to_fp32(x[i]);
}

#if defined(__x86_64__)
CONCLAVE_AVX2 float dot_avx2(const float* a, const float* b, std::int64_t n) {
    __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps(), s2 = _mm256_setzero_ps(), s3 = _mm256_setzero_ps();
    std::int64_t i = 0;
    for (; i + 32 <= n; i += 32) {
        s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), s0);
        s1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), s1);
        s2 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 16), _mm256_loadu_ps(b + i + 16), s2);
        s3 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 24), _mm256_loadu_ps(b + i + 24), s3);
    }
    for (; i + 8 <= n; i += 8) s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), s0);
    float sum = hsum256(_mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
    for (; i < n; ++i) sum += a[i] * b[i];
    return sum;
}

CONCLAVE_AVX2 void axpy_avx2(float a, const float* x, float* y, std::int64_t n) {
    const __m256 va = _mm256_set1_ps(a);
    std::int64_t i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(y + i, _mm256_fmadd_ps(va, _mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i)));
    for (; i < n; ++i) y[i] += a * x[i];
}

CONCLAVE_AVX2 float dot_f16_avx2(const std::uint16_t* a, const float* b, std::int64_t n) {
    __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps();
    std::int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m256 a0 = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i)));
        const __m256 a1 = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i + 8)));
        s0 = _mm256_fmadd_ps(a0, _mm256_loadu_ps(b + i), s0);
        s1 = _mm256_fmadd_ps(a1, _mm256_loadu_ps(b + i + 8), s1);
    }
    float sum = hsum256(_mm256_add_ps(s0, s1));
    for (; i < n; ++i) sum += quant::fp16_to_fp32(a[i]) * b[i];
    return sum;
}

CONCLAVE_AVX2 void axpy_f16_avx2(float a, const std::uint16_t* x, float* y, std::int64_t n) {
    const __m256 va = _mm256_set1_ps(a);
    std::int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 vx = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(x + i)));
        _mm256_storeu_ps(y + i, _mm256_fmadd_ps(va, vx, _mm256_loadu_ps(y + i)));
    }
    for (; i < n; ++i) y[i] += a * quant::fp16_to_fp32(x[i]);
}
#endif

#if defined(__aarch64__)
// NEON (baseline on ARM64, so no attribute or run-time check): four accumulators of four
// lanes hide the fused multiply-add latency; halves widen with FCVTL, which every ARM64 has.
float dot_neon(const float* a, const float* b, std::int64_t n) {
    float32x4_t s0 = vdupq_n_f32(0.0f), s1 = s0, s2 = s0, s3 = s0;
    std::int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        s0 = vfmaq_f32(s0, vld1q_f32(a + i), vld1q_f32(b + i));
        s1 = vfmaq_f32(s1, vld1q_f32(a + i + 4), vld1q_f32(b + i + 4));
        s2 = vfmaq_f32(s2, vld1q_f32(a + i + 8), vld1q_f32(b + i + 8));
        s3 = vfmaq_f32(s3, vld1q_f32(a + i + 12), vld1q_f32(b + i + 12));
    }
    for (; i + 4 <= n; i += 4) s0 = vfmaq_f32(s0, vld1q_f32(a + i), vld1q_f32(b + i));
    float sum = vaddvq_f32(vaddq_f32(vaddq_f32(s0, s1), vaddq_f32(s2, s3)));
    for (; i < n; ++i) sum += a[i] * b[i];
    return sum;
}

void axpy_neon(float a, const float* x, float* y, std::int64_t n) {
    std::int64_t i = 0;
    for (; i + 4 <= n; i += 4) vst1q_f32(y + i, vfmaq_n_f32(vld1q_f32(y + i), vld1q_f32(x + i), a));
    for (; i < n; ++i) y[i] += a * x[i];
}

// Eight halves -> two registers of four floats.
inline void load_halves(const std::uint16_t* p, float32x4_t& lo, float32x4_t& hi) {
    const float16x8_t h = vreinterpretq_f16_u16(vld1q_u16(p));
    lo = vcvt_f32_f16(vget_low_f16(h));
    hi = vcvt_high_f32_f16(h);
}

float dot_f16_neon(const std::uint16_t* a, const float* b, std::int64_t n) {
    float32x4_t s0 = vdupq_n_f32(0.0f), s1 = s0;
    std::int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        float32x4_t lo, hi;
        load_halves(a + i, lo, hi);
        s0 = vfmaq_f32(s0, lo, vld1q_f32(b + i));
        s1 = vfmaq_f32(s1, hi, vld1q_f32(b + i + 4));
    }
    float sum = vaddvq_f32(vaddq_f32(s0, s1));
    for (; i < n; ++i) sum += quant::fp16_to_fp32(a[i]) * b[i];
    return sum;
}

void axpy_f16_neon(float a, const std::uint16_t* x, float* y, std::int64_t n) {
    std::int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        float32x4_t lo, hi;
        load_halves(x + i, lo, hi);
        vst1q_f32(y + i, vfmaq_n_f32(vld1q_f32(y + i), lo, a));
        vst1q_f32(y + i + 4, vfmaq_n_f32(vld1q_f32(y + i + 4), hi, a));
    }
    for (; i < n; ++i) y[i] += a * quant::fp16_to_fp32(x[i]);
}
#endif

VecKernels choose() {
#if defined(__x86_64__)
    const CpuFeatures f = detect_cpu_features();
    if (f.avx2 && f.fma && f.f16c) return VecKernels{dot_avx2, axpy_avx2, dot_f16_avx2, axpy_f16_avx2, "avx2"};
#elif defined(__aarch64__)
    return VecKernels{dot_neon, axpy_neon, dot_f16_neon, axpy_f16_neon, "neon"};
#endif
    return VecKernels{dot_portable, axpy_portable, dot_f16_portable, axpy_f16_portable, "portable"};
}

} // namespace

const VecKernels& vec_kernels() {
    static const VecKernels kernels = choose();
    return kernels;
}

const VecKernels& vec_kernels_portable() {
    static const VecKernels kernels{dot_portable, axpy_portable, dot_f16_portable, axpy_f16_portable, "portable"};
    return kernels;
}

} // namespace conclave::cpu
