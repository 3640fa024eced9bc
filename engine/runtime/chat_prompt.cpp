#include "runtime/chat_prompt.h"

#include "chat/chatml.h"
#include "tokenizer/tokenizer.h"

#include <ctime>

namespace conclave::runtime {
namespace {

std::string token_text(const tokenizer::Vocab& vocab, tokenizer::TokenId id) {
    return vocab.contains(id) ? vocab.tokens[static_cast<std::size_t>(id)] : std::string();
}

chat::CivilTime local_now() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    localtime_r(&now, &parts);
    return chat::CivilTime{parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min,
                           parts.tm_sec};
}

} // namespace

ChatPrompt render_chat_prompt(const Model& model, chat::ChatRenderInput input) {
    if (const tokenizer::Tokenizer* tok = model.tokenizer()) {
        input.bos_token = token_text(tok->vocab(), tok->vocab().bos);
        input.eos_token = token_text(tok->vocab(), tok->vocab().eos);
    }
    input.now = local_now();
    chat::PromptRender rendered = chat::render_prompt_or_chatml(model.chat_template(), input);
    return ChatPrompt{std::move(rendered.prompt), std::move(rendered.warning)};
}

chat::ChatRenderInput single_user_message(std::string_view text) {
    chat::Dict message;
    message.set("role", chat::Value("user"));
    message.set("content", chat::Value(text));
    chat::ChatRenderInput input;
    input.messages = chat::Value::list({chat::Value::dict(std::move(message))});
    input.add_generation_prompt = true;
    return input;
}

} // namespace conclave::runtime
