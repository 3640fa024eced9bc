#pragma once
// The chat-specific engine calls the worker needs, behind plain C++ types: rendering a
// conversation with the model's own chat template into prompt tokens, the model's
// end-of-generation tokens, splitting reasoning ("thinking") text from the answer, and the
// quant mix of a file. The only app/ file that includes engine headers outside
// include/conclave/ (chat/, runtime/, tokenizer/, gguf/); when the engine publishes a chat
// API, this file shrinks to it. Pure functions of their arguments; thread-safe.

#include "conclave/model.h"
#include "conclave/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclave::gguf {
class GgufFile;
}

namespace conclave::app {

struct ChatTurnText {
    std::string role; // "system", "user" or "assistant"
    std::string content;
};

struct RenderedPrompt {
    std::vector<std::int32_t> tokens;
    std::string warning;            // non-empty when the ChatML fallback was used
    bool starts_in_reasoning = false; // the prompt ends inside an opened <think>
};

struct ReasoningControls;
struct ReasoningChoice;

// Renders `turns` with add_generation_prompt, passing the reasoning choice as the variables
// the template reads (`controls`, from reasoning_controls()), and tokenizes the result.
// Errors: ErrorCode::unsupported when the model has no vocabulary.
Result<RenderedPrompt> render_chat(const Model& model, const std::vector<ChatTurnText>& turns,
                                   const ReasoningControls& controls, const ReasoningChoice& choice);

// Sampling values the model's makers recommend, from the GGUF `general.sampling.*` keys
// (temp, top_k, top_p, min_p, penalty_repeat); unset where the file has none.
struct RecommendedSampling {
    std::optional<double> temperature;
    std::optional<int> top_k;
    std::optional<double> top_p;
    std::optional<double> min_p;
    std::optional<double> repetition_penalty;
};
RecommendedSampling recommended_sampling(const Model& model);

// End-of-generation token ids (EOS, EOT, <|im_end|>, ...); empty without a vocabulary.
std::vector<std::int32_t> end_of_generation_tokens(const Model& model);

struct ReasoningText {
    std::string reasoning;
    std::string answer;
    bool reasoning_open = false; // thinking has not ended yet
};

// Splits generated text by the convention the model's template uses (none, <think> tags,
// gpt-oss channels). Text held back as a possibly partial tag is in neither part.
ReasoningText split_reasoning_text(const Model& model, std::string_view generated, bool starts_in_reasoning);

// "135M", or "30B (3.3B active)" for a mixture of experts.
std::string describe_parameters(const ModelInfo& info);

// "Q4_1" or "Q4_K 71% · Q6_K 29%": the tensor types holding most of the weight bytes.
std::string describe_quant_mix(const Model& model);
std::string describe_quant_mix(const gguf::GgufFile& file); // the same from a file's header

} // namespace conclave::app
