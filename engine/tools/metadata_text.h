#pragma once
// Renders GGUF metadata values for conclave-cli: as one line of text, or into a JsonWriter.
// Long arrays (vocabularies, merges) are abbreviated to their first elements and length.

#include "gguf/gguf_value.h"
#include "json_writer.h"

#include <string>

namespace conclave::cli {

std::string metadata_text(const gguf::MetadataValue& value, std::size_t max_elements = 8);
void metadata_json(JsonWriter& json, const gguf::MetadataValue& value, std::size_t max_elements = 16);

} // namespace conclave::cli
