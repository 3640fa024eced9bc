#pragma once
// ChatML fallback: the prompt format used when a model ships no chat template or its
// template fails to render, plus the warning the UI shows in that case.

#include "chat/chat_template.h"
#include "chat/value.h"

#include <string>
#include <string_view>

namespace conclave::chat {

// <|im_start|>role\ncontent<|im_end|>\n per message, then <|im_start|>assistant\n when
// add_generation_prompt. Content that is a list of parts contributes its text parts.
std::string render_chatml(const Value& messages, bool add_generation_prompt);

// "The model's chat template <reason>; using the generic ChatML format instead. ..."
std::string chatml_fallback_warning(std::string_view reason);

// A prompt and, when the fallback was used, why.
struct PromptRender {
    std::string prompt;
    std::string warning; // empty when the model's own template rendered
    bool used_fallback = false;
};

// Renders with the template source (empty: none shipped); falls back to ChatML when it is
// missing, does not parse or fails to render.
PromptRender render_prompt_or_chatml(std::string_view template_source,
                                     const ChatRenderInput& input);

} // namespace conclave::chat
