#include "chat/value.h"

#include "chat/template_error.h"

#include <algorithm>

namespace conclave::chat {

bool Object::set_attr(const std::string&, Value) {
    return false;
}

Value Value::undefined(std::string hint, bool unsafe) {
    return Value(UndefinedInfo{std::make_shared<const std::string>(std::move(hint)), unsafe});
}

Value Value::list(std::vector<Value> items, bool is_tuple) {
    auto list = std::make_shared<List>();
    int depth = 0;
    for (const Value& item : items) depth = std::max(depth, item.depth());
    if (depth + 1 > max_value_depth) throw TemplateError("values nest too deeply");
    list->items = std::move(items);
    list->is_tuple = is_tuple;
    list->depth = depth + 1;
    return Value(std::shared_ptr<const List>(std::move(list)));
}

Value Value::generator(std::vector<Value> items) {
    Value v = list(std::move(items));
    std::const_pointer_cast<List>(v.list_ptr())->is_generator = true;
    return v;
}

bool Value::is_generator() const {
    return is_list() && as_list().is_generator;
}

Value Value::dict(Dict d) {
    return Value(std::shared_ptr<const Dict>(std::make_shared<Dict>(std::move(d))));
}

bool Value::is_tuple() const {
    return is_list() && as_list().is_tuple;
}

double Value::to_double() const {
    switch (kind()) {
    case Kind::boolean:
        return as_bool() ? 1.0 : 0.0;
    case Kind::integer:
        return static_cast<double>(as_int());
    case Kind::floating:
        return as_float();
    default:
        return 0.0;
    }
}

std::int64_t Value::to_int() const {
    if (is_bool()) return as_bool() ? 1 : 0;
    if (is_int()) return as_int();
    return 0;
}

int Value::depth() const {
    if (is_list()) return as_list().depth;
    if (is_dict()) return as_dict().depth();
    if (is_object()) return as_object()->depth();
    return 0;
}

const Value* Dict::find(const std::string& key) const {
    const auto it = m_string_index.find(key);
    return it == m_string_index.end() ? nullptr : &m_entries[it->second].second;
}

const Value* Dict::find(const Value& key) const {
    if (key.is_string()) return find(key.as_string());
    for (const auto& [k, v] : m_entries)
        if (!k.is_string() && values_equal(k, key)) return &v;
    return nullptr;
}

void Dict::set(Value key, Value value) {
    const int depth = std::max(key.depth(), value.depth()) + 1;
    if (depth > max_value_depth) throw TemplateError("values nest too deeply");
    m_depth = std::max(m_depth, depth);
    if (key.is_string()) {
        const auto it = m_string_index.find(key.as_string());
        if (it != m_string_index.end()) {
            m_entries[it->second].second = std::move(value);
            return;
        }
        m_string_index.emplace(key.as_string(), m_entries.size());
        m_entries.emplace_back(std::move(key), std::move(value));
        return;
    }
    for (auto& [k, v] : m_entries) {
        if (!k.is_string() && values_equal(k, key)) {
            v = std::move(value);
            return;
        }
    }
    m_entries.emplace_back(std::move(key), std::move(value));
}

bool is_truthy(const Value& v) {
    switch (v.kind()) {
    case Kind::undefined:
    case Kind::none:
        return false;
    case Kind::boolean:
        return v.as_bool();
    case Kind::integer:
        return v.as_int() != 0;
    case Kind::floating:
        return v.as_float() != 0.0;
    case Kind::string:
        return !v.as_string().empty();
    case Kind::list:
        return v.as_list().is_generator || !v.as_list().items.empty();
    case Kind::dict:
        return !v.as_dict().empty();
    case Kind::callable:
    case Kind::object:
        return true;
    }
    return false;
}

namespace {

bool lists_equal(const List& a, const List& b) {
    if (a.is_tuple != b.is_tuple || a.is_generator || b.is_generator) return false;
    if (a.items.size() != b.items.size()) return false;
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (!values_equal(a.items[i], b.items[i])) return false;
    return true;
}

bool dicts_equal(const Dict& a, const Dict& b) {
    if (a.size() != b.size()) return false;
    for (const auto& [k, v] : a.entries()) {
        const Value* other = b.find(k);
        if (!other || !values_equal(v, *other)) return false;
    }
    return true;
}

} // namespace

bool values_equal(const Value& a, const Value& b) {
    if (a.is_number() && b.is_number()) {
        if (a.is_float() || b.is_float()) return a.to_double() == b.to_double();
        return a.to_int() == b.to_int();
    }
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
    case Kind::undefined:
    case Kind::none:
        return true;
    case Kind::string:
        return a.as_string() == b.as_string();
    case Kind::list:
        return a.list_ptr() == b.list_ptr() || lists_equal(a.as_list(), b.as_list());
    case Kind::dict:
        return a.dict_ptr() == b.dict_ptr() || dicts_equal(a.as_dict(), b.as_dict());
    case Kind::callable:
        return a.as_callable() == b.as_callable();
    case Kind::object:
        return a.as_object() == b.as_object();
    default:
        return false;
    }
}

std::string type_name(const Value& v) {
    switch (v.kind()) {
    case Kind::undefined:
        return "Undefined";
    case Kind::none:
        return "NoneType";
    case Kind::boolean:
        return "bool";
    case Kind::integer:
        return "int";
    case Kind::floating:
        return "float";
    case Kind::string:
        return "str";
    case Kind::list:
        return v.is_generator() ? "generator" : (v.is_tuple() ? "tuple" : "list");
    case Kind::dict:
        return "dict";
    case Kind::callable:
        return "function";
    case Kind::object:
        return v.as_object()->type_name();
    }
    return "object";
}

} // namespace conclave::chat
