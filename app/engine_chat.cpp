#include "engine_chat.h"

#include "chat_input.h"
#include "reasoning_options.h"

#include "chat/reasoning.h"
#include "chat/value.h"
#include "gguf/gguf_file.h"
#include "gguf/gguf_summary.h"
#include "quant/tensor_types.h"
#include "runtime/chat_prompt.h"
#include "tokenizer/tokenizer.h"

#include <cmath>

namespace conclave::app {

Result<RenderedPrompt> render_chat(const Model& model, const std::vector<ChatTurnText>& turns,
                                   const ReasoningControls& controls, const ReasoningChoice& choice) {
    const tokenizer::Tokenizer* tok = model.tokenizer();
    if (!tok) return make_error(ErrorCode::unsupported, "the model file has no vocabulary, so it cannot chat");
    chat::ChatRenderInput input = chat_input(turns, controls, choice);
    runtime::ChatPrompt prompt = runtime::render_chat_prompt(model, std::move(input));
    RenderedPrompt rendered;
    rendered.tokens = tok->tokenize(prompt.text, {.add_special = false, .parse_special = true});
    rendered.warning = std::move(prompt.warning);
    rendered.starts_in_reasoning = chat::prompt_opens_reasoning(prompt.text);
    return rendered;
}

namespace {

// A float key's value when present and within [low, high]; a file's odd value is ignored.
std::optional<double> float_key(const gguf::GgufFile& file, std::string_view key, double low, double high) {
    const std::optional<double> value = file.get_float(key);
    if (!value || !std::isfinite(*value) || *value < low || *value > high) return std::nullopt;
    return value;
}

} // namespace

RecommendedSampling recommended_sampling(const Model& model) {
    const gguf::GgufFile& file = model.file();
    RecommendedSampling r;
    r.temperature = float_key(file, "general.sampling.temp", 0.0, 10.0);
    if (const auto top_k = file.get_uint("general.sampling.top_k"); top_k && *top_k <= 1'000'000)
        r.top_k = static_cast<int>(*top_k);
    r.top_p = float_key(file, "general.sampling.top_p", 0.0, 1.0);
    r.min_p = float_key(file, "general.sampling.min_p", 0.0, 1.0);
    r.repetition_penalty = float_key(file, "general.sampling.penalty_repeat", 0.0, 10.0);
    return r;
}

std::vector<std::int32_t> end_of_generation_tokens(const Model& model) {
    const tokenizer::Tokenizer* tok = model.tokenizer();
    if (!tok) return {};
    return {tok->eog_tokens().begin(), tok->eog_tokens().end()};
}

ReasoningText split_reasoning_text(const Model& model, std::string_view generated, bool starts_in_reasoning) {
    const chat::ReasoningFormat format = chat::detect_reasoning_format(model.chat_template());
    if (format == chat::ReasoningFormat::none) return {{}, std::string(generated), false};
    chat::ReasoningSplit split =
        chat::split_reasoning(generated, {.format = format, .starts_in_reasoning = starts_in_reasoning});
    return {std::move(split.reasoning), std::move(split.answer), split.reasoning_open};
}

std::string describe_parameters(const ModelInfo& info) {
    std::string text = gguf::format_param_count(info.n_params);
    if (info.n_params_active > 0 && info.n_params_active < info.n_params)
        text += " (" + gguf::format_param_count(info.n_params_active) + " active)";
    return text;
}

std::string describe_quant_mix(const Model& model) {
    return describe_quant_mix(model.file());
}

std::string describe_quant_mix(const gguf::GgufFile& file) {
    const gguf::GgufSummary summary = gguf::summarize(file);
    if (summary.types.empty() || summary.tensor_bytes == 0) return {};
    std::string text;
    int shown = 0;
    for (const gguf::TypeShare& share : summary.types) {
        const double fraction = static_cast<double>(share.n_bytes) / static_cast<double>(summary.tensor_bytes);
        if (shown > 0 && fraction < 0.05) break;
        if (shown == 2) break;
        if (!text.empty()) text += " · ";
        text += quant::tensor_type_name(share.type);
        if (fraction < 0.95) text += " " + std::to_string(static_cast<int>(std::lround(fraction * 100))) + "%";
        ++shown;
    }
    return text;
}

} // namespace conclave::app
