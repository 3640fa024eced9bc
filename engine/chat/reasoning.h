#pragma once
// Separates a reasoning model's thinking from its answer for display, on complete or
// still-streaming output. Two conventions: <think>...</think> (DeepSeek R1, Qwen3, ...;
// the template may already have opened <think> in the prompt) and gpt-oss "harmony"
// channels (<|channel|>analysis<|message|>...<|end|> then
// <|start|>assistant<|channel|>final<|message|>...). Pure functions; thread-safe.

#include <string>
#include <string_view>

namespace conclave::chat {

enum class ReasoningFormat {
    none,       // the model does not reason; everything is the answer
    think_tags, // <think>...</think>
    harmony,    // gpt-oss channels
};

struct ReasoningOptions {
    ReasoningFormat format = ReasoningFormat::think_tags;
    // The prompt already ends inside <think> (see prompt_opens_reasoning), so the output
    // starts with thinking text and only the closing tag will appear.
    bool starts_in_reasoning = false;
};

struct ReasoningSplit {
    std::string reasoning;
    std::string answer;
    // The reasoning has not ended yet (streaming, or the output was cut off).
    bool reasoning_open = false;
};

// Partial special tags at the end of streaming text ("</thi") are held back from both parts.
ReasoningSplit split_reasoning(std::string_view generated, const ReasoningOptions& options);

// Which convention a chat template uses, judged from its source.
ReasoningFormat detect_reasoning_format(std::string_view template_source);

// Whether a rendered prompt ends inside an opened <think> block.
bool prompt_opens_reasoning(std::string_view prompt);

} // namespace conclave::chat
