#include "backend/cpu/quant_dot.h"

#include "conclave/cpu_features.h"

namespace conclave::cpu {

namespace {

[[maybe_unused]] bool has_avx2() {
    static const bool avx2 = [] {
        const CpuFeatures f = detect_cpu_features();
        return f.avx2 && f.fma && f.f16c;
    }();
    return avx2;
}

[[maybe_unused]] bool has_dotprod() {
    static const bool dotprod = detect_cpu_features().arm_dotprod;
    return dotprod;
}

// The kernel of the first registry that covers `weight`, or null.
template <typename Kernel, std::size_t N>
Kernel first_of(Kernel (*const (&registries)[N])(quant::TensorType), quant::TensorType weight) {
    for (const auto registry : registries)
        if (auto fn = registry(weight)) return fn;
    return nullptr;
}

} // namespace

QuantDotFn find_quant_dot_avx2(quant::TensorType weight) {
#if defined(__x86_64__)
    using Registry = QuantDotFn (*)(quant::TensorType);
    static constexpr Registry avx2[] = {quant_dot_avx2, quant_dot_k_avx2, quant_dot_k23_avx2,
                                        quant_dot_iq_avx2};
    if (has_avx2()) return first_of(avx2, weight);
#endif
    (void)weight;
    return nullptr;
}

QuantDotFn find_quant_dot_neon(quant::TensorType weight, bool dotprod) {
#if defined(__aarch64__)
    if (dotprod && !has_dotprod()) return nullptr;
    if (QuantDotFn fn = quant_dot_neon(weight, dotprod)) return fn;
    if (QuantDotFn fn = quant_dot_k_neon(weight, dotprod)) return fn;
    if (QuantDotFn fn = quant_dot_k23_neon(weight, dotprod)) return fn;
    return quant_dot_iq_neon(weight, dotprod);
#else
    (void)weight, (void)dotprod;
    return nullptr;
#endif
}

QuantDotX4Fn find_quant_dot_x4_neon(quant::TensorType weight, bool dotprod) {
#if defined(__aarch64__)
    if (dotprod && !has_dotprod()) return nullptr;
    if (QuantDotX4Fn fn = quant_dot_x4_neon(weight, dotprod)) return fn;
    if (QuantDotX4Fn fn = quant_dot_x4_k_neon(weight, dotprod)) return fn;
    if (QuantDotX4Fn fn = quant_dot_x4_k23_neon(weight, dotprod)) return fn;
    return quant_dot_x4_iq_neon(weight, dotprod);
#else
    (void)weight, (void)dotprod;
    return nullptr;
#endif
}

QuantDotX4Fn find_quant_dot_x4(quant::TensorType weight) {
#if defined(__x86_64__)
    using Registry = QuantDotX4Fn (*)(quant::TensorType);
    static constexpr Registry avx2[] = {quant_dot_x4_avx2, quant_dot_x4_k_avx2,
                                        quant_dot_x4_k23_avx2, quant_dot_x4_iq_avx2};
    if (has_avx2()) return first_of(avx2, weight);
#elif defined(__aarch64__)
    return find_quant_dot_x4_neon(weight, has_dotprod());
#endif
    (void)weight;
    return nullptr;
}

QuantDotFn find_quant_dot(quant::TensorType weight) {
    if (QuantDotFn fn = find_quant_dot_avx2(weight)) return fn;
    if (QuantDotFn fn = find_quant_dot_neon(weight, has_dotprod())) return fn;
    return find_quant_dot_reference(weight);
}

QuantDotFn find_quant_dot_reference(quant::TensorType weight) {
    using Registry = QuantDotFn (*)(quant::TensorType);
    static constexpr Registry scalar[] = {quant_dot_reference, quant_dot_k_reference,
                                          quant_dot_iq_reference};
    return first_of(scalar, weight);
}

} // namespace conclave::cpu
