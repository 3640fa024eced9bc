#pragma once
// Internal to the engine adapter (engine_chat.cpp, reasoning_options.cpp): a conversation as
// the engine's chat template render input, with the reasoning choice as the variables the
// template reads. Pure; thread-safe.

#include "chat/chat_template.h"
#include "engine_chat.h"
#include "reasoning_options.h"

#include <vector>

namespace conclave::app {

chat::ChatRenderInput chat_input(const std::vector<ChatTurnText>& turns,
                                 const ReasoningControls& controls, const ReasoningChoice& choice);

} // namespace conclave::app
