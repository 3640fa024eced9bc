#include "chat/chatml.h"

#include "chat/value_format.h"

namespace conclave::chat {

namespace {

std::string field(const Value& message, const char* name) {
    if (!message.is_dict()) return "";
    const Value* v = message.as_dict().find(std::string(name));
    if (!v || v->is_none() || v->is_undefined()) return "";
    if (v->is_string()) return v->as_string();
    if (v->is_list()) {
        std::string text;
        for (const Value& part : v->as_list().items) {
            if (part.is_string())
                text += part.as_string();
            else if (part.is_dict()) {
                const Value* t = part.as_dict().find(std::string("text"));
                if (t && t->is_string()) text += t->as_string();
            }
        }
        return text;
    }
    return py_str(*v);
}

} // namespace

std::string render_chatml(const Value& messages, bool add_generation_prompt) {
    std::string out;
    if (messages.is_list()) {
        for (const Value& message : messages.as_list().items) {
            out += "<|im_start|>" + field(message, "role") + "\n" + field(message, "content") +
                   "<|im_end|>\n";
        }
    }
    if (add_generation_prompt) out += "<|im_start|>assistant\n";
    return out;
}

std::string chatml_fallback_warning(std::string_view reason) {
    return "The model's chat template " + std::string(reason) +
           "; using the generic ChatML format instead. Answers may be worse than with the "
           "model's own format.";
}

PromptRender render_prompt_or_chatml(std::string_view template_source,
                                     const ChatRenderInput& input) {
    PromptRender result;
    std::string reason;
    if (template_source.empty()) {
        reason = "is missing";
    } else if (auto parsed = ChatTemplate::parse(template_source); !parsed) {
        reason = "could not be parsed (" + parsed.error().message + ")";
    } else if (auto rendered = parsed->render(input); !rendered) {
        reason = "failed to render (" + rendered.error().message + ")";
    } else {
        result.prompt = std::move(*rendered);
        return result;
    }
    result.prompt = render_chatml(input.messages, input.add_generation_prompt);
    result.warning = chatml_fallback_warning(reason);
    result.used_fallback = true;
    return result;
}

} // namespace conclave::chat
