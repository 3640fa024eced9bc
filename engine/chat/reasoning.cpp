#include "chat/reasoning.h"

#include <algorithm>
#include <initializer_list>

namespace conclave::chat {

namespace {

constexpr std::string_view think_open = "<think>";
constexpr std::string_view think_close = "</think>";

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string_view trim_left(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    return s;
}

// Drops a tail that is the beginning of one of the tags: it may be a tag still arriving.
std::string_view hold_back_partial(std::string_view s,
                                   std::initializer_list<std::string_view> tags) {
    std::size_t cut = 0;
    for (std::string_view tag : tags) {
        for (std::size_t n = std::min(tag.size() - 1, s.size()); n > cut; --n) {
            if (s.substr(s.size() - n) == tag.substr(0, n)) {
                cut = n;
                break;
            }
        }
    }
    return s.substr(0, s.size() - cut);
}

ReasoningSplit split_think(std::string_view text, bool starts_inside) {
    ReasoningSplit out;
    std::string_view rest = text;
    if (!starts_inside) {
        const std::string_view lead = trim_left(text);
        if (lead.size() < think_open.size() && think_open.substr(0, lead.size()) == lead &&
            !lead.empty())
            return out; // "<thi": wait for the rest of the tag
        if (lead.substr(0, think_open.size()) != think_open) {
            out.answer = std::string(hold_back_partial(text, {think_close}));
            return out;
        }
        rest = lead.substr(think_open.size());
    }
    const std::size_t close = rest.find(think_close);
    if (close == std::string_view::npos) {
        out.reasoning = std::string(trim(hold_back_partial(rest, {think_close})));
        out.reasoning_open = true;
        return out;
    }
    out.reasoning = std::string(trim(rest.substr(0, close)));
    out.answer = std::string(
        trim_left(hold_back_partial(rest.substr(close + think_close.size()), {think_open})));
    return out;
}

constexpr std::string_view h_start = "<|start|>";
constexpr std::string_view h_channel = "<|channel|>";
constexpr std::string_view h_message = "<|message|>";
constexpr std::string_view h_ends[] = {"<|end|>", "<|return|>", "<|call|>", "<|start|>"};

void append_part(std::string& target, std::string_view text) {
    if (text.empty()) return;
    if (!target.empty()) target += "\n\n";
    target += text;
}

ReasoningSplit split_harmony(std::string_view text) {
    ReasoningSplit out;
    if (text.find(h_channel) == std::string_view::npos &&
        text.find(h_message) == std::string_view::npos) {
        out.answer =
            std::string(hold_back_partial(text, {h_channel, h_start, "<|end|>", "<|return|>"}));
        return out;
    }
    std::size_t pos = 0;
    while (true) {
        const std::size_t ch = text.find(h_channel, pos);
        if (ch == std::string_view::npos) break;
        const std::size_t msg = text.find(h_message, ch);
        if (msg == std::string_view::npos) break; // header still arriving
        const std::string_view header =
            text.substr(ch + h_channel.size(), msg - ch - h_channel.size());
        const std::string_view channel =
            header.substr(0, std::min(header.find(' '), header.find("<|")));
        const std::size_t body_start = msg + h_message.size();
        std::size_t body_end = text.size();
        for (std::string_view end : h_ends)
            body_end = std::min(body_end, text.find(end, body_start));
        const bool closed = body_end != text.size();
        std::string_view body = text.substr(body_start, body_end - body_start);
        if (!closed)
            body = hold_back_partial(body, {"<|end|>", "<|return|>", "<|call|>", "<|start|>"});
        if (channel == "analysis") {
            append_part(out.reasoning, body);
            out.reasoning_open = !closed;
        } else if (header.find("to=") == std::string_view::npos) {
            append_part(out.answer, body);
            out.reasoning_open = false;
        }
        pos = body_end;
    }
    return out;
}

} // namespace

ReasoningSplit split_reasoning(std::string_view generated, const ReasoningOptions& options) {
    switch (options.format) {
    case ReasoningFormat::none:
        return ReasoningSplit{"", std::string(generated), false};
    case ReasoningFormat::think_tags:
        return split_think(generated, options.starts_in_reasoning);
    case ReasoningFormat::harmony:
        return split_harmony(generated);
    }
    return ReasoningSplit{"", std::string(generated), false};
}

ReasoningFormat detect_reasoning_format(std::string_view template_source) {
    if (template_source.find("<|channel|>") != std::string_view::npos)
        return ReasoningFormat::harmony;
    if (template_source.find(think_open) != std::string_view::npos)
        return ReasoningFormat::think_tags;
    return ReasoningFormat::none;
}

bool prompt_opens_reasoning(std::string_view prompt) {
    const std::string_view body = trim(prompt);
    if (body.size() < think_open.size() ||
        body.substr(body.size() - think_open.size()) != think_open)
        return false;
    return true;
}

} // namespace conclave::chat
