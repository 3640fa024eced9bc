#include "reasoning_options.h"

#include "chat/chat_template.h"
#include "chat_input.h"

namespace conclave::app {

const std::vector<std::string>& reasoning_effort_levels() {
    static const std::vector<std::string> levels{"low", "medium", "high"};
    return levels;
}

ReasoningControls reasoning_controls(std::string_view chat_template) {
    ReasoningControls controls;
    const Result<chat::ChatTemplate> parsed = chat::ChatTemplate::parse(chat_template);
    if (!parsed) return controls;
    const std::set<std::string> names = parsed->free_variables();
    // enable_thinking first: a template reading both means it by that name.
    for (const char* name : {"enable_thinking", "thinking"})
        if (names.contains(name)) {
            controls.thinking_variable = name;
            break;
        }
    if (names.contains("reasoning_effort")) controls.effort_variable = "reasoning_effort";
    return controls;
}

Result<std::string> render_with_template(std::string_view chat_template,
                                         const std::vector<ChatTurnText>& turns,
                                         const ReasoningChoice& choice) {
    Result<chat::ChatTemplate> parsed = chat::ChatTemplate::parse(chat_template);
    if (!parsed) return parsed.error();
    return parsed->render(chat_input(turns, reasoning_controls(chat_template), choice));
}

} // namespace conclave::app
