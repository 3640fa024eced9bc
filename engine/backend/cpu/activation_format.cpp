#include "backend/cpu/activation_format.h"

namespace conclave::cpu {

quant::TensorType activation_format(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_0:
    case T::Q5_0:
    case T::Q8_0:
    case T::IQ4_NL:
    case T::MXFP4: return T::Q8_0;
    case T::Q4_1:
    case T::Q5_1: return T::Q8_1;
    case T::Q2_K:
    case T::Q3_K:
    case T::Q4_K:
    case T::Q5_K:
    case T::Q6_K:
    case T::IQ2_XXS:
    case T::IQ2_XS:
    case T::IQ2_S:
    case T::IQ3_XXS:
    case T::IQ3_S:
    case T::IQ1_S:
    case T::IQ1_M:
    case T::IQ4_XS:
    case T::TQ1_0:
    case T::TQ2_0: return T::Q8_K;
    case T::F16: return T::F16;
    case T::BF16: return T::BF16;
    default: return T::F32;
    }
}

} // namespace conclave::cpu
