#include "conclave/model.h"

#include "gguf/gguf_file.h"
#include "gguf/gguf_summary.h"
#include "model/architecture.h"
#include "model/registry.h"
#include "runtime/weight_prefetch.h"
#include "tokenizer/tokenizer.h"

#include <algorithm>

namespace conclave {

Model::~Model() = default;

std::string_view Model::chat_template() const {
    return m_file->get_string("tokenizer.chat_template").value_or(std::string_view());
}

namespace {

ModelInfo describe(const std::string& path, const gguf::GgufFile& file, const model::ArchModel& arch) {
    const gguf::GgufSummary s = gguf::summarize(file);
    const model::ModelShape& shape = arch.shape();
    ModelInfo info;
    info.path = path;
    info.architecture = s.architecture;
    info.name = s.name;
    info.file_bytes = file.file_bytes();
    info.n_params = s.n_params;
    info.n_params_active = s.n_params_active;
    info.n_expert = s.n_expert;
    info.n_expert_used = s.n_expert_used;
    info.n_layer = shape.n_layer;
    info.n_embd = shape.n_embd;
    info.n_vocab = shape.n_vocab;
    info.context_length = shape.n_ctx_train;
    info.kv_values = shape.k_width + shape.v_width;
    for (int i = 0; i < shape.n_layer; ++i) info.kv_rings.push_back(shape.ring_of(i));
    for (const auto& layer : shape.extra_cache) info.kv_extras.insert(info.kv_extras.end(), layer.begin(), layer.end());
    // F16 rows per position of the layers without a ring (a ring is a fixed size), plus the
    // extra tensors' rows that grow with the context (a compressed key every `ctx_divisor`
    // positions, window checkpoints) averaged over the positions.
    const auto full_layers = std::count(info.kv_rings.begin(), info.kv_rings.end(), 0);
    double per_token = 2.0 * info.kv_values * static_cast<double>(full_layers);
    for (const CacheExtra& extra : info.kv_extras)
        if (extra.ctx_divisor > 0)
            per_token += (extra.f32 ? 4.0 : 2.0) * static_cast<double>(extra.width) * extra.rows_per_span / extra.ctx_divisor;
    info.kv_bytes_per_token = static_cast<std::uint64_t>(per_token + 0.5);
    info.has_chat_template = s.has_chat_template;
    info.weight_bytes = s.tensor_bytes + arch.derived_weight_bytes();
    // Scratch grows linearly with the batch (logits are kept for the last token only). Over
    // 64 more tokens every buffer grows by a multiple of the 64-byte alignment, so that
    // difference is the exact slope; the fixed part keeps room for the padding of up to 32
    // live buffers and the arena's first-chunk alignment.
    const std::uint64_t one = arch.scratch_bytes(1, 1), more = arch.scratch_bytes(65, 1);
    info.scratch_bytes_per_token = (more - one) / 64;
    info.scratch_bytes_fixed = one - info.scratch_bytes_per_token + 64 * 32;
    return info;
}

} // namespace

Result<ModelInfo> Model::inspect(const std::string& path) {
    // Sizes only: a header-only copy of a file describes the model as well as the file does.
    auto file = gguf::GgufFile::open(path, {.allow_missing_data = true});
    if (!file) return file.error();
    auto arch = model::load_architecture(**file, true);
    if (!arch) return arch.error();
    return describe(path, **file, **arch);
}

Result<std::unique_ptr<Model>> Model::load(const std::string& path, const LoadOptions& options) {
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
    if (options.prefetch) {
        if (Result<void> read = runtime::prefetch_weights(**file, options.progress); !read) return read.error();
    } else if (options.progress && !options.progress(1.0f)) {
        return make_error(ErrorCode::cancelled, "loading the model was cancelled");
    }
    loaded->m_file = std::move(file.value());
    loaded->m_arch = std::move(arch.value());
    loaded->m_info = describe(path, *loaded->m_file, *loaded->m_arch);
    return loaded;
}

} // namespace conclave
