// Llama 1/2/3 (with Llama 3 frequency factors from rope_freqs.weight), SmolLM/SmolLM2,
// Mistral and Mixtral (experts when llama.expert_count > 0): the llama-family decoder with
// adjacent-pair RoPE.
#include "model/archs/archs.h"
#include "model/archs/llama_family.h"

namespace conclave::model {

Result<std::unique_ptr<ArchModel>> load_llama(const ModelFile& file) {
    return load_llama_family(file, LlamaFamilyConfig{.rope_style = RopeStyle::normal});
}

} // namespace conclave::model
