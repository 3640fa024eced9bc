#include "chat_input.h"

#include <utility>

namespace conclave::app {

chat::ChatRenderInput chat_input(const std::vector<ChatTurnText>& turns,
                                 const ReasoningControls& controls, const ReasoningChoice& choice) {
    std::vector<chat::Value> messages;
    messages.reserve(turns.size());
    for (const ChatTurnText& turn : turns) {
        chat::Dict message;
        message.set(chat::Value("role"), chat::Value(turn.role));
        message.set(chat::Value("content"), chat::Value(turn.content));
        messages.push_back(chat::Value::dict(std::move(message)));
    }
    chat::ChatRenderInput input;
    input.messages = chat::Value::list(std::move(messages));
    input.add_generation_prompt = true;
    if (!controls.thinking_variable.empty())
        input.extra_vars.emplace_back(controls.thinking_variable, chat::Value(choice.thinking));
    if (!controls.effort_variable.empty() && !choice.effort.empty())
        input.extra_vars.emplace_back(controls.effort_variable, chat::Value(choice.effort));
    return input;
}

} // namespace conclave::app
