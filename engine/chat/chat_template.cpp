#include "chat/chat_template.h"

#include "chat/ast.h"
#include "chat/json.h"
#include "chat/parser.h"
#include "chat/template_error.h"
#include "chat/template_variables.h"

#include <exception>
#include <new>

namespace conclave::chat {

namespace {

conclave::Error template_error(const TemplateError& e) {
    std::string message =
        e.line > 0 ? "line " + std::to_string(e.line) + ": " + e.message : e.message;
    return conclave::make_error(conclave::ErrorCode::template_error, std::move(message));
}

conclave::Error internal_error(const char* what) {
    return conclave::make_error(conclave::ErrorCode::template_error,
                                std::string("chat template failed: ") + what);
}

} // namespace

conclave::Result<ChatTemplate> ChatTemplate::parse(std::string_view source) {
    try {
        auto ast = std::make_shared<TemplateAst>(parse_template(source));
        return ChatTemplate(std::move(ast));
    } catch (const TemplateError& e) {
        return template_error(e);
    } catch (const std::bad_alloc&) {
        return internal_error("out of memory while parsing");
    } catch (const std::exception& e) {
        return internal_error(e.what());
    } catch (...) {
        return internal_error("unknown error while parsing");
    }
}

std::set<std::string> ChatTemplate::free_variables() const {
    return chat::free_variables(*m_ast);
}

conclave::Result<std::string> ChatTemplate::render_variables(const Variables& variables,
                                                             const RenderLimits& limits,
                                                             const CivilTime& now) const {
    try {
        Interpreter interp(limits, now);
        return interp.render(*m_ast, variables);
    } catch (const TemplateError& e) {
        return template_error(e);
    } catch (const std::bad_alloc&) {
        return internal_error("out of memory while rendering");
    } catch (const std::exception& e) {
        return internal_error(e.what());
    } catch (...) {
        return internal_error("unknown error while rendering");
    }
}

conclave::Result<std::string> ChatTemplate::render(const ChatRenderInput& input) const {
    // The same variables, in the same order, as transformers' apply_chat_template.
    Variables vars;
    vars.emplace_back("messages", input.messages);
    vars.emplace_back("add_generation_prompt", Value(input.add_generation_prompt));
    vars.emplace_back("bos_token", Value(input.bos_token));
    vars.emplace_back("eos_token", Value(input.eos_token));
    if (!input.tools.is_undefined() && !input.tools.is_none())
        vars.emplace_back("tools", input.tools);
    for (const auto& extra : input.extra_vars) vars.push_back(extra);
    return render_variables(vars, input.limits, input.now);
}

conclave::Result<ChatRenderInput> chat_input_from_json(std::string_view json) {
    auto parsed = parse_json(json);
    if (!parsed) return parsed.error();
    const Value& root = *parsed;
    if (!root.is_dict())
        return conclave::make_error(conclave::ErrorCode::invalid_format,
                                    "conversation must be a JSON object");
    ChatRenderInput input;
    const Value* messages = root.as_dict().find(std::string("messages"));
    if (!messages || !messages->is_list())
        return conclave::make_error(conclave::ErrorCode::invalid_format,
                                    "conversation needs a \"messages\" array");
    input.messages = *messages;
    if (const Value* tools = root.as_dict().find(std::string("tools")); tools && !tools->is_none())
        input.tools = *tools;
    if (const Value* vars = root.as_dict().find(std::string("vars")); vars && vars->is_dict()) {
        for (const auto& [k, v] : vars->as_dict().entries())
            if (k.is_string()) input.extra_vars.emplace_back(k.as_string(), v);
    }
    return input;
}

} // namespace conclave::chat
