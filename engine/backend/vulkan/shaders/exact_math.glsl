// Float arithmetic rounded as the CPU rounds it, for the few places where a kernel must
// reproduce the CPU reference bit for bit (RoPE angles at large positions, Q8_0 scales).
// Every step is `precise` and avoids fma: some drivers (lavapipe among them) evaluate fma as
// a multiply and an add, and contraction would change the roundings counted on here.

// a / b correctly rounded (but for double-rounding corner cases far rarer than the tests'
// inputs). GPU division may be off by 2.5 ulp; one correction by the exact remainder
// a - q * b, whose product error comes from Dekker's split (4097 = 2^12 + 1 halves a float's
// 24-bit significand), brings the quotient to the rounded one.
float divide_rounded(float a, float b) {
    const float q = a / b;
    if (isnan(q) || abs(q) > 1e30) return q; // out of the split's range; no caller rounds these
    precise const float cq = 4097.0 * q, q_hi = cq - (cq - q), q_lo = q - q_hi;
    precise const float cb = 4097.0 * b, b_hi = cb - (cb - b), b_lo = b - b_hi;
    precise const float product = q * b;
    precise const float product_error = ((q_hi * b_hi - product) + q_hi * b_lo + q_lo * b_hi) + q_lo * b_lo;
    precise const float remainder = (a - product) - product_error;
    precise const float corrected = q + remainder / b;
    return corrected;
}

// sqrt(x) correctly rounded but for rare double-rounding cases: Vulkan lets sqrt be off by
// a few ulp; one Newton step on the exact residual x - s * s (Dekker's split again) brings it
// to the CPU's std::sqrt. x >= 0.
float sqrt_rounded(float x) {
    const float s = sqrt(x);
    if (s == 0.0 || isinf(s) || isnan(s)) return s;
    precise const float cs = 4097.0 * s, s_hi = cs - (cs - s), s_lo = s - s_hi;
    precise const float square = s * s;
    precise const float square_error = ((s_hi * s_hi - square) + 2.0 * s_hi * s_lo) + s_lo * s_lo;
    precise const float residual = (x - square) - square_error;
    precise const float corrected = s + residual / (2.0 * s);
    return corrected;
}

// e^x within about one ulp of the CPU's std::exp (Vulkan allows 3 + 2|x| ulp): x = k ln2 + r
// with ln2 split in two (k * ln2_hi is exact for |k| < 2^9), e^r by its Taylor series to
// r^7 (|r| <= ln2 / 2, so the first term left out is below 2^-27), scaled by 2^k.
float exp_accurate(float x) {
    if (isnan(x)) return x;
    if (x > 88.72284) return 1.0 / 0.0;
    if (x < -103.97208) return 0.0;
    const float k = roundEven(x * 1.44269504);
    precise const float r = (x - k * 0.693145751953125) - k * 1.428606765330187e-6;
    precise const float p =
        1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    // 2^k in two steps: k reaches -150, below the smallest normal power of two.
    const int ki = int(k);
    return ldexp(ldexp(p, ki / 2), ki - ki / 2);
}

// ln(1 + u) for u >= 0 within a few ulp (GLSL's log is only 2^-21 absolute near 1, far too
// coarse for ln(1 + small)): 1 + u = m 2^k with m in [sqrt(1/2), sqrt(2)), and
// ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172, by its odd series to s^13. For
// u below sqrt(2) - 1, s = u / (2 + u) directly; above, the rounding error of 1 + u is added
// back to first order.
float log1p_accurate(float u) {
    if (isinf(u) || isnan(u)) return u;
    float s;
    float k = 0.0;
    float correction = 0.0;
    if (u < 0.41421356) {
        s = divide_rounded(u, 2.0 + u);
    } else {
        precise const float w = 1.0 + u;
        precise const float lost = u >= 1.0 ? 1.0 - (w - u) : u - (w - 1.0);
        correction = lost / w;
        int e;
        float m = frexp(w, e); // w = m 2^e, m in [0.5, 1)
        if (m < 0.70710678) {
            m *= 2.0;
            e -= 1;
        }
        k = float(e);
        s = divide_rounded(m - 1.0, m + 1.0);
    }
    precise const float s2 = s * s;
    precise const float series =
        s2 * (1.0 / 3.0 + s2 * (1.0 / 5.0 + s2 * (1.0 / 7.0 + s2 * (1.0 / 9.0 + s2 * (1.0 / 11.0 + s2 * (1.0 / 13.0))))));
    precise const float log_m = 2.0 * s + 2.0 * s * series;
    precise const float result = k * 0.693145751953125 + ((k * 1.428606765330187e-6 + correction) + log_m);
    return result;
}
