// libFuzzer target for the chat-template parser and interpreter: parses arbitrary bytes as
// a template and renders it with a small conversation under tight limits. Any crash,
// sanitizer report, hang or unbounded allocation is a bug; errors are expected.
// Build (wired by the lead): clang++ -fsanitize=fuzzer,address,undefined ... engine/chat/*.cpp

#include "chat/chat_template.h"
#include "chat/json.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace conclave::chat;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    const auto parsed = ChatTemplate::parse(source);
    if (!parsed) return 0;
    static const auto conversation = chat_input_from_json(
        R"({"messages": [{"role": "system", "content": "sys"}, {"role": "user", "content": "hi"},
            {"role": "assistant", "content": "yo", "reasoning_content": "hm",
             "tool_calls": [{"function": {"name": "f", "arguments": {"a": 1}}}]}],
            "tools": [{"type": "function", "function": {"name": "f", "parameters": {}}}]})");
    ChatRenderInput input = *conversation;
    input.bos_token = "<s>";
    input.eos_token = "</s>";
    input.add_generation_prompt = true;
    input.limits.max_steps = 200'000;
    input.limits.max_output_bytes = 1 << 16;
    input.limits.max_depth = 200;
    (void)parsed->render(input);
    return 0;
}
