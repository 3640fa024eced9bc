// Text commands of conclave-cli, which need only a vocabulary (vocabulary-only GGUF files
// work): `tokenize FILE TEXT [--json] [--no-special] [--parse-special]`, `detokenize FILE IDS`,
// and `template FILE CONV.json [--add-generation-prompt] [--var NAME=JSON]` which prints the
// prompt the model's chat template renders.

#include "chat/chat_template.h"
#include "chat/chatml.h"
#include "chat/json.h"
#include "cli_args.h"
#include "cli_commands.h"
#include "cli_output.h"
#include "gguf/gguf_file.h"
#include "json_writer.h"
#include "tokenizer/tokenizer.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace conclave::cli {
namespace {

Result<std::unique_ptr<tokenizer::Tokenizer>> open_tokenizer(const std::string& path, std::unique_ptr<gguf::GgufFile>& file) {
    auto opened = gguf::GgufFile::open(path, {.allow_missing_data = true});
    if (!opened) return opened.error();
    file = std::move(opened.value());
    return tokenizer::Tokenizer::from_gguf(*file);
}

} // namespace

int run_tokenize(const Args& args) {
    std::string path, text;
    bool json = false, has_text = false;
    tokenizer::TokenizeOptions options{.add_special = true, .parse_special = false};
    for (const std::string& arg : args) {
        if (arg == "--json") json = true;
        else if (arg == "--no-special") options.add_special = false;
        else if (arg == "--parse-special") options.parse_special = true;
        else if (path.empty()) path = arg;
        else if (!has_text) text = arg, has_text = true;
        else return fail("tokenize: too many arguments (quote the text)");
    }
    if (!has_text) return fail("usage: conclave-cli tokenize FILE TEXT [--json] [--no-special] [--parse-special]");
    std::unique_ptr<gguf::GgufFile> file;
    auto tok = open_tokenizer(path, file);
    if (!tok) return fail(tok.error().message);
    const std::vector<tokenizer::TokenId> ids = (*tok)->tokenize(text, options);
    if (json) {
        JsonWriter out;
        out.begin_object().key("ids").begin_array();
        for (const auto id : ids) out.value(static_cast<std::int64_t>(id));
        out.end_array().key("pieces").begin_array();
        for (const auto id : ids) out.value((*tok)->token_to_piece(id, true));
        out.end_array().end_object();
        std::printf("%s\n", out.text().c_str());
        return 0;
    }
    for (std::size_t i = 0; i < ids.size(); ++i) std::printf("%s%d", i ? " " : "", ids[i]);
    std::printf("\n");
    return 0;
}

int run_detokenize(const Args& args) {
    if (args.size() != 2) return fail("usage: conclave-cli detokenize FILE IDS (e.g. 1,2,3)");
    std::unique_ptr<gguf::GgufFile> file;
    auto tok = open_tokenizer(args[0], file);
    if (!tok) return fail(tok.error().message);
    auto ids = parse_token_ids(args[1]);
    if (!ids) return fail(ids.error().message);
    for (const auto id : *ids)
        if (!(*tok)->vocab().contains(id)) return fail("token id " + std::to_string(id) + " is outside the vocabulary");
    const std::string text = (*tok)->detokenize(*ids, {.render_special = true});
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::printf("\n");
    return 0;
}

int run_template(const Args& args) {
    std::string path, conversation;
    bool generation_prompt = false;
    std::vector<std::pair<std::string, std::string>> vars;
    ArgCursor cursor(args);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        if (arg == "--add-generation-prompt") generation_prompt = true;
        else if (arg == "--var") {
            auto value = cursor.next_value(arg);
            if (!value) return fail(value.error().message);
            const auto eq = value->find('=');
            if (eq == std::string::npos) return fail("--var takes NAME=JSON, e.g. enable_thinking=false");
            vars.emplace_back(value->substr(0, eq), value->substr(eq + 1));
        } else if (arg.starts_with("-")) return fail("template: unknown option '" + arg + "'");
        else if (path.empty()) path = arg;
        else if (conversation.empty()) conversation = arg;
        else return fail("template: too many arguments");
    }
    if (conversation.empty()) return fail("usage: conclave-cli template FILE CONV.json [--add-generation-prompt] [--var NAME=JSON]");
    std::ifstream in(conversation, std::ios::binary);
    if (!in) return fail("cannot read '" + conversation + "'");
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto input = chat::chat_input_from_json(buffer.str());
    if (!input) return fail(conversation + ": " + input.error().message);
    input->add_generation_prompt = generation_prompt;
    for (const auto& [name, json] : vars) {
        auto value = chat::parse_json(json);
        if (!value) return fail("--var " + name + ": " + value.error().message);
        input->extra_vars.emplace_back(name, value.value());
    }
    std::unique_ptr<gguf::GgufFile> file;
    auto tok = open_tokenizer(path, file);
    if (!tok) return fail(tok.error().message);
    const tokenizer::Vocab& vocab = (*tok)->vocab();
    if (vocab.contains(vocab.bos)) input->bos_token = vocab.tokens[static_cast<std::size_t>(vocab.bos)];
    if (vocab.contains(vocab.eos)) input->eos_token = vocab.tokens[static_cast<std::size_t>(vocab.eos)];
    const chat::PromptRender rendered =
        chat::render_prompt_or_chatml(file->get_string("tokenizer.chat_template").value_or(""), *input);
    if (!rendered.warning.empty()) std::fprintf(stderr, "conclave-cli: %s\n", rendered.warning.c_str());
    std::fwrite(rendered.prompt.data(), 1, rendered.prompt.size(), stdout);
    return 0;
}

} // namespace conclave::cli
