// Which (op, type) pairs the Vulkan backend runs; the hybrid backend sends the rest to the
// CPU. get_rows stays on the CPU by design: the embedding table is in host memory (mapped)
// anyway, a lookup reads a few rows, and the rows cost less to send than the table.

#include "backend/vulkan/vulkan_ops.h"

namespace conclave::vulkan {

bool supports(Op op, quant::TensorType type) {
    using T = quant::TensorType;
    switch (op) {
    case Op::mul_mat:
    case Op::mul_mat_id:
        switch (type) {
        case T::F32: case T::F16: case T::BF16: case T::Q8_0: case T::Q4_0: case T::Q4_1: case T::Q5_0:
        case T::Q5_1: case T::Q4_K: case T::Q5_K: case T::Q6_K: case T::IQ4_NL: case T::IQ4_XS: case T::MXFP4:
            return true;
        default: return false;
        }
    case Op::attention:
    case Op::copy: // KV store
    case Op::indexer_scores: // the type of the indexer's keys (a cache type)
        return type == T::F16 || type == T::F32 || type == T::Q8_0;
    case Op::rms_norm:
    case Op::add:
    case Op::mul:
    case Op::scale:
    case Op::rope:
    case Op::swiglu:
    case Op::geglu:
    case Op::moe_combine:
    case Op::add_id:
    case Op::swiglu_clamped:
    case Op::copy_columns:
    case Op::mix_rows:
    case Op::route: // the logits' type; route_supported() answers for a layer's routing
        return type == T::F32;
    case Op::get_rows:
    case Op::softmax:
        return false;
    }
    return false;
}

} // namespace conclave::vulkan
