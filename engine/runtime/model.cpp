#include "conclave/model.h"

#include "gguf/gguf_file.h"
#include "gguf/gguf_summary.h"
#include "model/registry.h"
#include "tokenizer/tokenizer.h"

namespace conclave {

Model::~Model() = default;

std::string_view Model::chat_template() const {
    return m_file->get_string("tokenizer.chat_template").value_or(std::string_view());
}

Result<std::unique_ptr<Model>> Model::load(const std::string& path) {
    auto file = gguf::GgufFile::open(path);
    if (!file) return file.error();
    auto arch = model::load_architecture(**file);
    if (!arch) return arch.error();
    auto loaded = std::unique_ptr<Model>(new Model());
    if ((*file)->find("tokenizer.ggml.model")) {
        auto tokenizer = tokenizer::Tokenizer::from_gguf(**file);
        if (!tokenizer) return make_error(tokenizer.error().code, "the model's vocabulary cannot be used: " +
                                                                      tokenizer.error().message);
        loaded->m_tokenizer = std::move(tokenizer.value());
    }
    loaded->m_file = std::move(file.value());
    loaded->m_arch = std::move(arch.value());

    const gguf::GgufSummary s = gguf::summarize(*loaded->m_file);
    const model::ModelShape& shape = loaded->m_arch->shape();
    ModelInfo& info = loaded->m_info;
    info.path = path;
    info.architecture = s.architecture;
    info.name = s.name;
    info.file_bytes = loaded->m_file->file_bytes();
    info.n_params = s.n_params;
    info.n_params_active = s.n_params_active;
    info.n_expert = s.n_expert;
    info.n_expert_used = s.n_expert_used;
    info.n_layer = shape.n_layer;
    info.n_embd = shape.n_embd;
    info.n_vocab = shape.n_vocab;
    info.context_length = shape.n_ctx_train;
    info.kv_bytes_per_token = 2ull * 2ull * static_cast<std::uint64_t>(shape.kv_width) * static_cast<std::uint64_t>(shape.n_layer);
    info.has_chat_template = s.has_chat_template;
    return loaded;
}

} // namespace conclave
