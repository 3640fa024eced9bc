// `conclave-cli info FILE [--ctx N] [--placement [--gpu-budget SIZE]] [--json]`: what a GGUF
// file holds, read from its header only, and (for a complete file of a supported
// architecture) the memory a session with an N-token context needs; with --placement, what
// would live on the GPU and what on the CPU (cli_placement.cpp).

#include "cli_commands.h"
#include "cli_args.h"
#include "cli_output.h"
#include "cli_placement.h"
#include "runtime/placement.h"
#include "conclave/model.h"
#include "conclave/session.h"
#include "gguf/gguf_file.h"
#include "gguf/gguf_summary.h"
#include "json_writer.h"
#include "metadata_text.h"

#include <cstdio>
#include <optional>

namespace conclave::cli {
namespace {

std::string bytes_text(std::uint64_t bytes) {
    char text[32];
    const double gib = static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0);
    if (gib >= 1.0) std::snprintf(text, sizeof text, "%.2f GiB", gib);
    else std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

std::string shape_text(const gguf::TensorInfo& t) {
    std::string out;
    for (std::uint32_t d = 0; d < t.n_dims; ++d) out += (d ? " x " : "") + std::to_string(t.shape[d]);
    return out.empty() ? "scalar" : out;
}

// The estimate for a context (header-only copies included), or nothing when the
// architecture cannot be bound (unsupported architecture, tensors missing or misshapen).
std::optional<MemoryEstimate> memory_for(const std::string& path, int n_ctx) {
    auto info = Model::inspect(path);
    if (!info) return std::nullopt;
    SessionOptions options;
    options.n_ctx = n_ctx;
    return estimate_memory(*info, options);
}

void print_text(const std::string& path, const gguf::GgufFile& file, const gguf::GgufSummary& s,
                const std::optional<MemoryEstimate>& memory, int n_ctx) {
    std::printf("file:           %s (%s, GGUF v%u, %u part%s)\n", path.c_str(), bytes_text(file.file_bytes()).c_str(),
                file.version(), file.split_count(), file.split_count() == 1 ? "" : "s");
    std::printf("architecture:   %s\n", s.architecture.empty() ? "(not set)" : s.architecture.c_str());
    if (!s.name.empty()) std::printf("name:           %s\n", s.name.c_str());
    std::printf("parameters:     %s total (%llu)", gguf::format_param_count(s.n_params).c_str(),
                static_cast<unsigned long long>(s.n_params));
    if (s.n_params_active != s.n_params)
        std::printf(", %s active per token", gguf::format_param_count(s.n_params_active).c_str());
    std::printf("\n");
    if (s.n_expert > 0)
        std::printf("experts:        %llu routed, %llu used per token, %llu shared\n",
                    static_cast<unsigned long long>(s.n_expert), static_cast<unsigned long long>(s.n_expert_used),
                    static_cast<unsigned long long>(s.n_expert_shared));
    else std::printf("experts:        none (dense)\n");
    std::printf("layers:         %llu\n", static_cast<unsigned long long>(s.n_layer));
    std::printf("context length: %llu\n", static_cast<unsigned long long>(s.context_length));
    std::printf("chat template:  %s\n", s.has_chat_template ? "yes" : "no");
    if (memory)
        std::printf("memory:         %s for a %d-token context (weights %s, F16 KV cache %s, scratch %s)\n",
                    bytes_text(memory->total()).c_str(), n_ctx, bytes_text(memory->weights).c_str(),
                    bytes_text(memory->kv_cache).c_str(), bytes_text(memory->scratch).c_str());
    std::printf("tensor types:\n");
    for (const gguf::TypeShare& t : s.types)
        std::printf("  %-8s %5llu tensors  %10s  %5.1f%%\n", std::string(quant::tensor_type_name(t.type)).c_str(),
                    static_cast<unsigned long long>(t.n_tensors), bytes_text(t.n_bytes).c_str(),
                    s.tensor_bytes ? 100.0 * static_cast<double>(t.n_bytes) / static_cast<double>(s.tensor_bytes) : 0.0);
    std::printf("metadata (%zu keys):\n", file.metadata().size());
    for (const auto& [key, value] : file.metadata())
        std::printf("  %.*s = %s\n", static_cast<int>(key.size()), key.data(), metadata_text(value).c_str());
    std::printf("tensors (%zu):\n", file.tensors().size());
    for (const gguf::TensorInfo& t : file.tensors())
        std::printf("  %-40.*s %-8s %-24s %s%s\n", static_cast<int>(t.name.size()), t.name.data(),
                    std::string(quant::tensor_type_name(t.type)).c_str(), shape_text(t).c_str(),
                    bytes_text(t.n_bytes).c_str(), t.data ? "" : " (data absent)");
}

void print_json(const std::string& path, const gguf::GgufFile& file, const gguf::GgufSummary& s,
                const std::optional<MemoryEstimate>& memory, int n_ctx) {
    JsonWriter json;
    json.begin_object();
    json.key("file").value(path).key("file_bytes").value(file.file_bytes());
    json.key("gguf_version").value(file.version()).key("split_count").value(file.split_count());
    json.key("architecture").value(s.architecture).key("name").value(s.name);
    json.key("n_params").value(s.n_params).key("n_params_active").value(s.n_params_active);
    json.key("n_expert").value(s.n_expert).key("n_expert_used").value(s.n_expert_used);
    json.key("n_expert_shared").value(s.n_expert_shared);
    json.key("n_layer").value(s.n_layer).key("context_length").value(s.context_length);
    json.key("has_chat_template").value(s.has_chat_template);
    if (memory) {
        json.key("memory").begin_object().key("n_ctx").value(n_ctx).key("weights").value(memory->weights);
        json.key("kv_cache").value(memory->kv_cache).key("scratch").value(memory->scratch);
        json.key("total").value(memory->total()).end_object();
    }
    json.key("types").begin_array();
    for (const gguf::TypeShare& t : s.types)
        json.begin_object().key("type").value(quant::tensor_type_name(t.type)).key("n_tensors").value(t.n_tensors)
            .key("n_elements").value(t.n_elements).key("n_bytes").value(t.n_bytes).end_object();
    json.end_array();
    json.key("metadata").begin_object();
    for (const auto& [key, value] : file.metadata()) {
        json.key(key);
        metadata_json(json, value);
    }
    json.end_object();
    json.key("tensors").begin_array();
    for (const gguf::TensorInfo& t : file.tensors()) {
        json.begin_object().key("name").value(t.name).key("type").value(quant::tensor_type_name(t.type));
        json.key("shape").begin_array();
        for (std::uint32_t d = 0; d < t.n_dims; ++d) json.value(t.shape[d]);
        json.end_array().key("n_bytes").value(t.n_bytes).key("offset").value(t.offset);
        json.key("split").value(t.split).key("data_present").value(t.data != nullptr).end_object();
    }
    json.end_array().end_object();
    std::printf("%s\n", json.text().c_str());
}

} // namespace

int run_info(const Args& args) {
    std::string path;
    bool json = false, placement = false;
    int n_ctx = 4096;
    std::uint64_t gpu_budget = 0;
    ArgCursor cursor(args);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        if (arg == "--json") json = true;
        else if (arg == "--placement") placement = true;
        else if (arg == "--gpu-budget") {
            auto value = cursor.next_value(arg);
            if (!value) return fail(value.error().message);
            const auto bytes = runtime::parse_byte_size(*value);
            if (!bytes || *bytes == 0) return fail("--gpu-budget takes a size such as 4GiB or 512MiB, not '" + *value + "'");
            gpu_budget = *bytes;
        } else if (arg == "--ctx") {
            auto value = cursor.next_value(arg);
            if (!value) return fail(value.error().message);
            auto parsed = parse_integer(arg, *value, 1, 1 << 24);
            if (!parsed) return fail(parsed.error().message);
            n_ctx = static_cast<int>(*parsed);
        } else if (!arg.empty() && arg[0] == '-') return fail("info: unknown option '" + arg + "'");
        else if (path.empty()) path = arg;
        else return fail("info: more than one file given");
    }
    if (path.empty())
        return fail("info: no model file given (usage: conclave-cli info FILE [--ctx N] [--placement [--gpu-budget SIZE]] [--json])");
    if (placement) return print_placement(path, n_ctx, gpu_budget, json);
    // Header-only copies are welcome here: info needs shapes, not weights.
    auto file = gguf::GgufFile::open(path, {.allow_missing_data = true});
    if (!file) return fail(file.error().message);
    const gguf::GgufSummary summary = gguf::summarize(**file);
    const std::optional<MemoryEstimate> memory = memory_for(path, n_ctx);
    if (json) print_json(path, **file, summary, memory, n_ctx);
    else print_text(path, **file, summary, memory, n_ctx);
    return 0;
}

} // namespace conclave::cli
