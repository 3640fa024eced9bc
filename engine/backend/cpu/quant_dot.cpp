#include "backend/cpu/quant_dot.h"

#include "conclave/cpu_features.h"

namespace conclave::cpu {

QuantDotFn find_quant_dot(quant::TensorType weight) {
    static const bool avx2 = [] {
        const CpuFeatures f = detect_cpu_features();
        return f.avx2 && f.fma && f.f16c;
    }();
#if defined(__x86_64__)
    if (avx2)
        if (QuantDotFn fn = quant_dot_avx2(weight)) return fn;
#endif
    return quant_dot_reference(weight);
}

QuantDotFn find_quant_dot_reference(quant::TensorType weight) { return quant_dot_reference(weight); }

} // namespace conclave::cpu
