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
