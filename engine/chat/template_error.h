#pragma once
// TemplateError: how the lexer, parser and interpreter report a failure internally. It never
// leaves engine/chat: ChatTemplate::parse and render catch it and return an Error whose
// message starts with the template line ("line 12: unknown filter 'foo'").

#include <string>
#include <utility>

namespace conclave::chat {

struct TemplateError {
    explicit TemplateError(std::string msg, int at_line = 0)
        : message(std::move(msg)), line(at_line) {}
    std::string message;
    int line = 0; // 0: not known yet; the interpreter fills in the current line
};

} // namespace conclave::chat
