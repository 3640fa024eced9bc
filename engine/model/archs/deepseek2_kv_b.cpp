#include "model/archs/deepseek2_kv_b.h"

#include "quant/dequantize.h"
#include "quant/half.h"

namespace conclave::model {

std::uint64_t split_kv_b_bytes(int n_head, int qk_nope, int v_head, int kv_lora_rank) {
    return 2ull * static_cast<std::uint64_t>(n_head) * static_cast<std::uint64_t>(kv_lora_rank) *
           static_cast<std::uint64_t>(qk_nope + v_head);
}

Result<SplitKvB> split_kv_b(const Tensor& kv_b, int n_head, int qk_nope, int v_head, int kv_lora_rank) {
    const std::size_t lora = static_cast<std::size_t>(kv_lora_rank), nope = static_cast<std::size_t>(qk_nope);
    const std::size_t dv = static_cast<std::size_t>(v_head), per_head = nope + dv;
    SplitKvB out;
    out.k_b.resize(nope * lora * static_cast<std::size_t>(n_head));
    out.v_b.resize(lora * dv * static_cast<std::size_t>(n_head));
    std::vector<float> row(lora);
    const std::uint64_t row_bytes = kv_b.row_bytes();
    for (std::size_t h = 0; h < static_cast<std::size_t>(n_head); ++h) {
        for (std::size_t j = 0; j < per_head; ++j) {
            const auto* from = static_cast<const unsigned char*>(kv_b.data) + (h * per_head + j) * row_bytes;
            if (Result<void> ok = quant::dequantize_row(kv_b.type, from, row_bytes, row.data(), kv_lora_rank); !ok)
                return ok.error();
            if (j < nope) {
                // Key row j of head h becomes column j of the head's [kv_lora_rank x qk_nope] block.
                for (std::size_t r = 0; r < lora; ++r) out.k_b[(h * lora + r) * nope + j] = quant::fp32_to_fp16(row[r]);
            } else {
                quant::fp32_to_fp16_row(row.data(), out.v_b.data() + (h * dv + (j - nope)) * lora, lora);
            }
        }
    }
    return out;
}

} // namespace conclave::model
