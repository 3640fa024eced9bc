// Reference quantizers of the K-quants Q4_K, Q5_K, Q6_K and the activation format Q8_K.
//
// Why a search and not min/max: a K-quant stores, per sub-block, a scale (and for Q4_K/Q5_K a
// minimum) that is itself quantized to 6 or 8 bits relative to one fp16 super-block scale.
// Mapping the extremes of each sub-block exactly onto the end levels wastes resolution on
// outliers; instead we try a small fan of candidate scales around the min/max one, assign
// levels for each, refit scale (and offset) by weighted least squares to those levels, and
// keep the fit with the least weighted squared error. After the per-sub-block scales are
// rounded to their stored precision we try the neighbouring integer scale codes too, because
// rounding the scale and the minimum independently is rarely the best pair.
//
// Weights: |x| + rms(super-block), a mild emphasis on large weights that keeps small ones
// from being flushed to zero (without an importance matrix we do not know which matter more).

#include "quant/blocks_k.h"
#include "quant/half.h"
#include "quant/k_scales.h"
#include "quant/quant_math.h"
#include "quant/row_codecs.h"

#include <algorithm>
#include <cmath>

namespace conclave::quant {
namespace {

// Affine model of one sub-block: x ~ scale * q - min, q in [0, nmax], scale >= 0, min >= 0.
struct AffineFit {
    float scale = 0.0f;
    float min = 0.0f;
};

// Weighted squared error of the affine model with every level chosen optimally.
float affine_error(const float* x, const float* w, int n, int nmax, float scale, float min) {
    float err = 0.0f;
    const float inv = scale > 0.0f ? 1.0f / scale : 0.0f;
    for (int i = 0; i < n; ++i) {
        const int q = round_clamped((x[i] + min) * inv, 0, nmax);
        const float diff = scale * static_cast<float>(q) - min - x[i];
        err += w[i] * diff * diff;
    }
    return err;
}

// Weighted least squares for x ~ s * q + b given levels q; b is forced <= 0 (the format only
// subtracts a minimum). Returns false when the system is degenerate.
bool refit_affine(const float* x, const float* w, const int* q, int n, AffineFit& fit) {
    double sw = 0, sq = 0, sqq = 0, sx = 0, sqx = 0;
    for (int i = 0; i < n; ++i) {
        sw += w[i];
        sq += w[i] * q[i];
        sqq += w[i] * q[i] * q[i];
        sx += w[i] * x[i];
        sqx += w[i] * q[i] * x[i];
    }
    const double det = sw * sqq - sq * sq;
    if (det <= 0 || sqq <= 0) return false;
    double s = (sw * sqx - sq * sx) / det;
    double b = (sqq * sx - sq * sqx) / det;
    if (b > 0) { // the best offset is positive: the format cannot add, so fit the scale alone
        b = 0;
        s = sqx / sqq;
    }
    if (!(s > 0)) return false;
    fit = AffineFit{static_cast<float>(s), static_cast<float>(-b)};
    return true;
}

AffineFit fit_affine(const float* x, const float* w, int n, int nmax) {
    float lo = 0.0f; // the minimum is never positive: a block of positive values keeps offset 0
    float hi = x[0];
    for (int i = 0; i < n; ++i) {
        lo = std::fmin(lo, x[i]);
        hi = std::fmax(hi, x[i]);
    }
    if (!(hi > lo)) return AffineFit{0.0f, -lo};
    AffineFit best{(hi - lo) / static_cast<float>(nmax), -lo};
    float best_err = affine_error(x, w, n, nmax, best.scale, best.min);
    int q[32];
    for (int step = -10; step <= 10; ++step) {
        const float iscale = (static_cast<float>(nmax) + 0.1f * static_cast<float>(step)) / (hi - lo);
        for (int i = 0; i < n; ++i) q[i] = round_clamped(iscale * (x[i] - lo), 0, nmax);
        AffineFit fit;
        if (!refit_affine(x, w, q, n, fit)) continue;
        const float err = affine_error(x, w, n, nmax, fit.scale, fit.min);
        if (err < best_err) {
            best_err = err;
            best = fit;
        }
    }
    return best;
}

void k_weights(const float* x, float (&w)[qk_k]) {
    double sum_x2 = 0;
    for (int i = 0; i < qk_k; ++i) sum_x2 += static_cast<double>(x[i]) * x[i];
    const auto rms = static_cast<float>(std::sqrt(sum_x2 / qk_k));
    for (int i = 0; i < qk_k; ++i) w[i] = rms + std::fabs(x[i]);
}

// Rounds eight sub-block fits to 6-bit codes against fp16 super-scales, then tries the
// neighbouring codes of each sub-block. Outputs the codes and the decoded super-scales.
void quantize_scales_k4(const float* x, const float* w, const AffineFit (&fits)[8], int nmax, int (&ls)[8],
                        int (&lm)[8], std::uint16_t& d_bits, std::uint16_t& dmin_bits) {
    float max_scale = 0.0f;
    float max_min = 0.0f;
    for (const AffineFit& f : fits) {
        max_scale = std::fmax(max_scale, f.scale);
        max_min = std::fmax(max_min, f.min);
    }
    d_bits = fp32_to_fp16_scale(max_scale / 63.0f);
    dmin_bits = fp32_to_fp16_scale(max_min / 63.0f);
    const float d = fp16_to_fp32(d_bits);
    const float dmin = fp16_to_fp32(dmin_bits);
    for (int j = 0; j < 8; ++j) {
        const int base_s = d > 0.0f ? round_clamped(fits[j].scale / d, 0, 63) : 0;
        const int base_m = dmin > 0.0f ? round_clamped(fits[j].min / dmin, 0, 63) : 0;
        float best_err = INFINITY;
        // Code 0 is always a candidate: when the fp16 super-scale underflowed (tiny blocks),
        // the fitted minimum no longer matches any scale and dropping it is the best choice.
        const int s_codes[] = {0, std::max(0, base_s - 1), base_s, std::min(63, base_s + 1)};
        const int m_codes[] = {0, std::max(0, base_m - 1), base_m, std::min(63, base_m + 1)};
        for (const int s : s_codes) {
            for (const int m : m_codes) {
                const float err = affine_error(x + 32 * j, w + 32 * j, 32, nmax, d * static_cast<float>(s),
                                               dmin * static_cast<float>(m));
                if (err < best_err) {
                    best_err = err;
                    ls[j] = s;
                    lm[j] = m;
                }
            }
        }
    }
}

// Levels (0..nmax) of a whole super-block for the chosen codes: x ~ d*ls*q - dmin*lm.
void assign_levels_k4(const float* x, int nmax, const int (&ls)[8], const int (&lm)[8], float d, float dmin,
                      int (&q)[qk_k]) {
    for (int j = 0; j < 8; ++j) {
        const float scale = d * static_cast<float>(ls[j]);
        const float min = dmin * static_cast<float>(lm[j]);
        const float inv = scale > 0.0f ? 1.0f / scale : 0.0f;
        for (int l = 0; l < 32; ++l) q[32 * j + l] = round_clamped((x[32 * j + l] + min) * inv, 0, nmax);
    }
}

// Shared by Q4_K (nmax 15) and Q5_K (nmax 31): fits, scale codes and levels of one super-block.
void quantize_super_k4(const float* x, int nmax, std::uint16_t& d_bits, std::uint16_t& dmin_bits,
                       std::uint8_t (&scales)[k_scale_bytes], int (&q)[qk_k]) {
    float w[qk_k];
    k_weights(x, w);
    AffineFit fits[8];
    for (int j = 0; j < 8; ++j) fits[j] = fit_affine(x + 32 * j, w + 32 * j, 32, nmax);
    int ls[8] = {};
    int lm[8] = {};
    quantize_scales_k4(x, w, fits, nmax, ls, lm, d_bits, dmin_bits);
    pack_scale_min_k4(ls, lm, scales);
    assign_levels_k4(x, nmax, ls, lm, fp16_to_fp32(d_bits), fp16_to_fp32(dmin_bits), q);
}

void quantize_row_q4_k(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b, src += qk_k) {
        BlockQ4_K blk{};
        int q[qk_k];
        quantize_super_k4(src, 15, blk.d, blk.dmin, blk.scales, q);
        for (int e = 0; e < qk_k; ++e)
            blk.qs[32 * (e / 64) + e % 32] |= static_cast<std::uint8_t>(q[e] << ((e % 64) < 32 ? 0 : 4));
        store_block(dst, b, blk);
    }
}

void quantize_row_q5_k(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b, src += qk_k) {
        BlockQ5_K blk{};
        int q[qk_k];
        quantize_super_k4(src, 31, blk.d, blk.dmin, blk.scales, q);
        for (int e = 0; e < qk_k; ++e) {
            blk.qs[32 * (e / 64) + e % 32] |= static_cast<std::uint8_t>((q[e] & 0x0f) << ((e % 64) < 32 ? 0 : 4));
            blk.qh[e % 32] |= static_cast<std::uint8_t>((q[e] >> 4) << (e / 32));
        }
        store_block(dst, b, blk);
    }
}

// ---- Q6_K: symmetric levels -32..31 per 16 elements, int8 sub-scales ----

// Weighted squared error of x ~ scale * q, q in [-32, 31] chosen optimally.
float symmetric_error(const float* x, const float* w, int n, float scale) {
    const float inv = scale != 0.0f ? 1.0f / scale : 0.0f;
    float err = 0.0f;
    for (int i = 0; i < n; ++i) {
        const float diff = scale * static_cast<float>(round_clamped(x[i] * inv, -32, 31)) - x[i];
        err += w[i] * diff * diff;
    }
    return err;
}

// The scale of one 16-element sub-block. The extreme element is mapped near -32 (the side
// with the extra level), so the scale's sign follows from it; candidates fan out around that.
float fit_symmetric(const float* x, const float* w, int n) {
    float max = 0.0f;
    for (int i = 0; i < n; ++i)
        if (std::fabs(x[i]) > std::fabs(max)) max = x[i];
    if (max == 0.0f) return 0.0f;
    float best = -max / 32.0f;
    float best_err = symmetric_error(x, w, n, best);
    for (int step = -9; step <= 9; ++step) {
        const float iscale = -(32.0f + 0.1f * static_cast<float>(step)) / max;
        double sxq = 0, sqq = 0;
        for (int i = 0; i < n; ++i) {
            const int q = round_clamped(iscale * x[i], -32, 31);
            sxq += w[i] * x[i] * q;
            sqq += w[i] * q * q;
        }
        if (sqq <= 0) continue;
        const auto scale = static_cast<float>(sxq / sqq);
        const float err = symmetric_error(x, w, n, scale);
        if (err < best_err) {
            best_err = err;
            best = scale;
        }
    }
    return best;
}

// Rounds the sixteen sub-scales to int8 codes against one fp16 scale (the largest magnitude
// maps to -128), trying the neighbouring code of each sub-block too.
void quantize_scales_q6_k(const float* x, const float* w, const float (&scales)[16], std::int8_t (&codes)[16],
                          std::uint16_t& d_bits) {
    float max = 0.0f;
    for (const float s : scales)
        if (std::fabs(s) > std::fabs(max)) max = s;
    d_bits = fp32_to_fp16_scale(-max / 128.0f);
    const float d = fp16_to_fp32(d_bits);
    for (int j = 0; j < 16; ++j) {
        const int base = d != 0.0f ? round_clamped(scales[j] / d, -128, 127) : 0;
        float best_err = INFINITY;
        const int candidates[] = {0, std::max(-128, base - 1), base, std::min(127, base + 1)};
        for (const int c : candidates) {
            const float err = symmetric_error(x + 16 * j, w + 16 * j, 16, d * static_cast<float>(c));
            if (err < best_err) {
                best_err = err;
                codes[j] = static_cast<std::int8_t>(c);
            }
        }
    }
}

void pack_q6_k(const int (&u)[qk_k], BlockQ6_K& blk) {
    for (int e = 0; e < qk_k; ++e) {
        const int half = e / 128;
        const int quarter = (e % 128) / 32;
        const int l = e % 32;
        blk.ql[64 * half + l + 32 * (quarter & 1)] |= static_cast<std::uint8_t>((u[e] & 0x0f) << (quarter < 2 ? 0 : 4));
        blk.qh[32 * half + l] |= static_cast<std::uint8_t>((u[e] >> 4) << (2 * quarter));
    }
}

void quantize_row_q6_k(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b, src += qk_k) {
        float w[qk_k];
        k_weights(src, w);
        float scales[16];
        for (int j = 0; j < 16; ++j) scales[j] = fit_symmetric(src + 16 * j, w + 16 * j, 16);
        BlockQ6_K blk{};
        quantize_scales_q6_k(src, w, scales, blk.scales, blk.d);
        const float d = fp16_to_fp32(blk.d);
        int u[qk_k];
        for (int e = 0; e < qk_k; ++e) {
            const float scale = d * static_cast<float>(blk.scales[e / 16]);
            u[e] = (scale != 0.0f ? round_clamped(src[e] / scale, -32, 31) : 0) + 32;
        }
        pack_q6_k(u, blk);
        store_block(dst, b, blk);
    }
}

// ---- Q8_K: activations; fp32 scale, so no saturation needed ----

void quantize_row_q8_k(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b, src += qk_k) {
        float amax = 0.0f;
        for (int e = 0; e < qk_k; ++e) amax = std::fmax(amax, std::fabs(src[e]));
        BlockQ8_K blk{};
        blk.d = amax / 127.0f;
        const float id = amax > 0.0f ? 127.0f / amax : 0.0f;
        for (int g = 0; g < qk_k / 16; ++g) {
            int sum = 0;
            for (int l = 0; l < 16; ++l) {
                const int q = round_clamped(src[16 * g + l] * id, -127, 127);
                blk.qs[16 * g + l] = static_cast<std::int8_t>(q);
                sum += q;
            }
            blk.bsums[g] = static_cast<std::int16_t>(sum);
        }
        store_block(dst, b, blk);
    }
}

} // namespace

void register_k_quantizers(CodecTable& table) {
    table.set_quantizer(TensorType::Q4_K, quantize_row_q4_k);
    table.set_quantizer(TensorType::Q5_K, quantize_row_q5_k);
    table.set_quantizer(TensorType::Q6_K, quantize_row_q6_k);
    table.set_quantizer(TensorType::Q8_K, quantize_row_q8_k);
}

} // namespace conclave::quant
