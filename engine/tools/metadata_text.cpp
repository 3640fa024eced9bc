#include "metadata_text.h"

#include <cstdio>

namespace conclave::cli {
namespace {

using gguf::MetadataValue;
using gguf::ValueType;

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

std::string scalar_text(const MetadataValue& v) {
    switch (v.type()) {
    case ValueType::string: {
        std::string text(*v.as_string());
        if (text.size() > 200) {
            std::size_t cut = 200;
            while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut; // whole code points
            text = text.substr(0, cut) + "… (" + std::to_string(v.as_string()->size()) + " bytes)";
        }
        for (char& c : text)
            if (c == '\n') c = ' ';
        return '"' + text + '"';
    }
    case ValueType::boolean: return *v.as_bool() ? "true" : "false";
    case ValueType::float32:
    case ValueType::float64: return number_text(*v.as_float());
    case ValueType::uint64: return std::to_string(*v.as_uint());
    default: return std::to_string(v.as_int().value_or(0));
    }
}

std::string element_text(const MetadataValue& v, std::uint64_t i) {
    switch (v.element_type()) {
    case ValueType::string: return '"' + std::string(*v.string_at(i)) + '"';
    case ValueType::float32:
    case ValueType::float64: return number_text(*v.float_at(i));
    case ValueType::boolean: return *v.int_at(i) ? "true" : "false";
    case ValueType::uint64: return v.int_at(i) ? std::to_string(*v.int_at(i)) : number_text(*v.float_at(i));
    default: return std::to_string(*v.int_at(i));
    }
}

void element_json(JsonWriter& json, const MetadataValue& v, std::uint64_t i) {
    switch (v.element_type()) {
    case ValueType::string: json.value(*v.string_at(i)); break;
    case ValueType::float32:
    case ValueType::float64: json.value(*v.float_at(i)); break;
    case ValueType::boolean: json.value(*v.int_at(i) != 0); break;
    case ValueType::uint64:
        if (v.int_at(i)) json.value(*v.int_at(i));
        else json.value(*v.float_at(i));
        break;
    default: json.value(*v.int_at(i));
    }
}

} // namespace

std::string metadata_text(const MetadataValue& value, std::size_t max_elements) {
    if (!value.is_array()) return scalar_text(value);
    std::string out = "[";
    const std::uint64_t shown = std::min<std::uint64_t>(value.size(), max_elements);
    for (std::uint64_t i = 0; i < shown; ++i) {
        if (i) out += ", ";
        out += value.element_type() == ValueType::array ? metadata_text(value.nested()[i], max_elements)
                                                        : element_text(value, i);
    }
    if (shown < value.size()) out += ", … " + std::to_string(value.size()) + " " +
                                     std::string(gguf::value_type_name(value.element_type())) + " elements";
    return out + "]";
}

void metadata_json(JsonWriter& json, const MetadataValue& value, std::size_t max_elements) {
    if (!value.is_array()) {
        switch (value.type()) {
        case ValueType::string: json.value(*value.as_string()); return;
        case ValueType::boolean: json.value(*value.as_bool()); return;
        case ValueType::float32:
        case ValueType::float64: json.value(*value.as_float()); return;
        case ValueType::uint64: json.value(*value.as_uint()); return;
        default: json.value(value.as_int().value_or(0)); return;
        }
    }
    const bool complete = value.size() <= max_elements;
    if (!complete) {
        json.begin_object().key("element_type").value(gguf::value_type_name(value.element_type()));
        json.key("length").value(value.size()).key("head");
    }
    json.begin_array();
    const std::uint64_t shown = std::min<std::uint64_t>(value.size(), max_elements);
    for (std::uint64_t i = 0; i < shown; ++i) {
        if (value.element_type() == ValueType::array) metadata_json(json, value.nested()[i], max_elements);
        else element_json(json, value, i);
    }
    json.end_array();
    if (!complete) json.end_object();
}

} // namespace conclave::cli
