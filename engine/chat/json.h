#pragma once
// JSON for the chat interpreter: parse text into Values (objects keep their key order, as
// Python's json.loads does) and serialize Values the way Python's json.dumps does, which is
// what the tojson filter of Hugging Face templates prints. No Qt; plain C++.

#include "chat/value.h"
#include "conclave/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace conclave::chat {

// Options of json.dumps that templates pass through tojson.
struct JsonFormat {
    bool ensure_ascii = false;
    std::optional<std::string> indent;         // none: one line
    std::optional<std::string> item_separator; // default ", " (or "," with indent)
    std::string key_separator = ": ";
    bool sort_keys = false;
};

// Parses a JSON document. Errors (ErrorCode::invalid_format) name the byte offset.
conclave::Result<Value> parse_json(std::string_view text);

// Serializes v; throws TemplateError for values JSON cannot hold (undefined, macros).
std::string to_json(const Value& v, const JsonFormat& format = {});

} // namespace conclave::chat
