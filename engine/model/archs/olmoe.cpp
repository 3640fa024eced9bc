// OLMoE (e.g. OLMoE-1B-7B: 64 experts, 8 used): RMSNorm over all of q and over all of k
// (not per head) before NeoX RoPE, and routed experts weighted by their softmax
// probabilities as they are — the selected weights are not renormalized.
#include "model/archs/archs.h"
#include "model/archs/llama_family.h"

namespace conclave::model {

Result<std::unique_ptr<ArchModel>> load_olmoe(const ModelFile& file) {
    if (file.uint_or("expert_count", 0) == 0)
        return make_error(ErrorCode::invalid_format, "an olmoe file needs olmoe.expert_count");
    return load_llama_family(file, LlamaFamilyConfig{.rope_style = RopeStyle::neox, .qk_norm = QkNorm::whole,
                                                     .moe_normalize_top_k = false});
}

} // namespace conclave::model
