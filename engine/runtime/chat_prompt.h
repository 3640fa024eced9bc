#pragma once
// Renders a conversation into the prompt text a model expects, with the model's own chat
// template (BOS/EOS text from its vocabulary, today's date for strftime_now), falling back to
// ChatML with a warning when the model has no template or it fails.

#include "chat/chat_template.h"
#include "conclave/model.h"

#include <string>

namespace conclave::runtime {

struct ChatPrompt {
    std::string text;
    std::string warning; // shown to the user when the fallback was used
};

ChatPrompt render_chat_prompt(const Model& model, chat::ChatRenderInput input);

// Input holding one user message, for `--chat` one-shot prompts.
chat::ChatRenderInput single_user_message(std::string_view text);

} // namespace conclave::runtime
