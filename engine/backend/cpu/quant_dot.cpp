#include "backend/cpu/quant_dot.h"

#include "conclave/cpu_features.h"

namespace conclave::cpu {

namespace {

bool has_avx2() {
    static const bool avx2 = [] {
        const CpuFeatures f = detect_cpu_features();
        return f.avx2 && f.fma && f.f16c;
    }();
    return avx2;
}

} // namespace

QuantDotX4Fn find_quant_dot_x4(quant::TensorType weight) {
#if defined(__x86_64__)
    if (has_avx2()) return quant_dot_x4_avx2(weight);
#endif
    (void)weight;
    return nullptr;
}

QuantDotFn find_quant_dot(quant::TensorType weight) {
    [[maybe_unused]] const bool avx2 = has_avx2();
#if defined(__x86_64__)
    if (avx2)
        if (QuantDotFn fn = quant_dot_avx2(weight)) return fn;
#endif
    return quant_dot_reference(weight);
}

QuantDotFn find_quant_dot_reference(quant::TensorType weight) { return quant_dot_reference(weight); }

} // namespace conclave::cpu
