#pragma once
// Reasoning ("thinking") controls a model's chat template offers, and the template variables
// that carry the user's choice. Templates differ: Qwen3 and SmolLM3 read `enable_thinking`,
// DeepSeek V3.1 reads `thinking`, gpt-oss reads `reasoning_effort`. Which ones a template
// reads comes from its parsed form (engine chat::free_variables), not a text search, so a
// variable named in a comment or a system-prompt string does not count.
// Part of the engine adapter (links the engine's chat/ internals); pure functions of their
// arguments; thread-safe; no exceptions.

#include "conclave/result.h"
#include "engine_chat.h"

#include <string>
#include <string_view>
#include <vector>

namespace conclave::app {

struct ReasoningControls {
    std::string thinking_variable; // "enable_thinking" or "thinking"; empty: no on/off switch
    std::string effort_variable;   // "reasoning_effort"; empty: no effort choice
    bool supported() const { return !thinking_variable.empty() || !effort_variable.empty(); }
};

// What the user chose; only the variables the template reads are passed.
struct ReasoningChoice {
    bool thinking = true;
    std::string effort = "medium"; // one of reasoning_effort_levels()
};

// The efforts offered for `reasoning_effort`, lowest first (OpenAI's words, which gpt-oss
// and the other templates reading the variable understand).
const std::vector<std::string>& reasoning_effort_levels();

// The controls of a template's source; none when it does not parse (the render will fall
// back to ChatML anyway).
ReasoningControls reasoning_controls(std::string_view chat_template);

// Renders `turns` with `chat_template` and add_generation_prompt, passing `choice` as the
// variables the template reads. The template's own render, without the ChatML fallback or
// special tokens; errors are ErrorCode::template_error. For checking templates (tests,
// tools); the worker renders through render_chat, which passes the same variables.
Result<std::string> render_with_template(std::string_view chat_template,
                                         const std::vector<ChatTurnText>& turns,
                                         const ReasoningChoice& choice);

} // namespace conclave::app
