#pragma once
// ChatTemplate: a model's Jinja chat template (from GGUF tokenizer.chat_template), parsed
// once and rendered into a prompt per request, byte-identical to Hugging Face
// transformers (sandboxed Jinja2 with trim_blocks and lstrip_blocks). Sandboxed: no file,
// network, environment or clock access; step, output-size and depth limits stop hostile
// templates. A parsed ChatTemplate is immutable: copies share the parsed form and render()
// may run concurrently on several threads. No exception escapes: every failure is an
// Error (ErrorCode::template_error) whose message starts with the template line.

#include "chat/interpreter.h"
#include "chat/value.h"
#include "conclave/result.h"

#include <memory>
#include <set>
#include <string>
#include <string_view>

namespace conclave::chat {

struct TemplateAst;

// What a chat template is rendered with; mirrors the variables transformers passes.
struct ChatRenderInput {
    Value messages; // list of {"role", "content", ...} dicts
    Value tools;    // list of tool definitions; undefined when absent
    std::string bos_token;
    std::string eos_token;
    bool add_generation_prompt = false;
    Variables extra_vars; // enable_thinking, reasoning_effort, ...; override the above
    CivilTime now;        // strftime_now()'s clock, supplied by the caller
    RenderLimits limits;
};

class ChatTemplate {
public:
    // Parses the template; syntax errors come back as "line N: ...".
    static conclave::Result<ChatTemplate> parse(std::string_view source);

    conclave::Result<std::string> render(const ChatRenderInput& input) const;
    // Renders with exactly these variables (tests and tools).
    conclave::Result<std::string> render_variables(const Variables& variables,
                                                   const RenderLimits& limits = {},
                                                   const CivilTime& now = {}) const;
    // The variables the template reads from its caller (messages, add_generation_prompt,
    // enable_thinking, ...), found from the parsed form (chat/template_variables.h).
    std::set<std::string> free_variables() const;

private:
    explicit ChatTemplate(std::shared_ptr<const TemplateAst> ast) : m_ast(std::move(ast)) {}
    std::shared_ptr<const TemplateAst> m_ast;
};

// Reads a conversation file {"messages": [...], "tools": [...], "vars": {...}} into a
// render input (tokens, clock and limits left at their defaults). Errors name the problem.
conclave::Result<ChatRenderInput> chat_input_from_json(std::string_view json);

} // namespace conclave::chat
