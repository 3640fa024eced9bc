// Gemma 3 (text): the llama-family decoder with QK-norm, GELU-gated FFN, sandwich norms,
// embeddings scaled by sqrt(n_embd), and 5 sliding-window layers (RoPE base 10000) for
// every global one (RoPE base from the file).
#include "model/archs/archs.h"
#include "model/archs/llama_family.h"

namespace conclave::model {

Result<std::unique_ptr<ArchModel>> load_gemma3(const ModelFile& file) {
    return load_llama_family(file, LlamaFamilyConfig{.rope_style = RopeStyle::neox,
                                                     .qk_norm = QkNorm::per_head,
                                                     .geglu = true,
                                                     .scale_embeddings = true,
                                                     .sandwich_norms = true,
                                                     .global_layer_every = 6,
                                                     .sliding_rope_base = 10000.0f});
}

} // namespace conclave::model
