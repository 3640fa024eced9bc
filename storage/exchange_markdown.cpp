// ConversationExchange, Markdown: the active branch as a document a person reads.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database.h"
#include "conclave/storage/exchange.h"
#include "conclave/storage/transaction.h"

namespace conclave::storage {
namespace {

std::string heading_for(const Message& m) {
    switch (m.role) {
    case Role::system:
        return "System";
    case Role::user:
        return "User";
    case Role::tool:
        return "Tool";
    case Role::assistant:
        return m.model_name.empty() ? "Assistant" : "Assistant (" + m.model_name + ")";
    }
    return "Message";
}

std::string note_for(const Message& m) {
    switch (m.state) {
    case MessageState::stopped:
        return "*(stopped by the user)*\n\n";
    case MessageState::failed:
        return "*(failed: " + m.error.value_or("unknown error") + ")*\n\n";
    case MessageState::interrupted:
        return "*(interrupted: Conclave ended while this was being written)*\n\n";
    case MessageState::streaming:
        return "*(still being written)*\n\n";
    case MessageState::complete:
        // A complete answer that did not end by itself says why it ended.
        if (m.stats.stop_reason == StopReason::token_limit) return "*(cut at the token limit)*\n\n";
        if (m.stats.stop_reason == StopReason::context_full)
            return "*(cut short: the context window was full)*\n\n";
        return {};
    }
    return {};
}

std::string conversation_markdown(const ConversationView& view) {
    std::string out = "# " +
                      (view.conversation.title.empty() ? std::string("Untitled conversation")
                                                       : view.conversation.title) +
                      "\n\n";
    for (const BranchMessage& entry : view.branch) {
        const Message& m = entry.message;
        out += "## " + heading_for(m) + "\n\n";
        if (!m.reasoning.empty())
            out +=
                "<details>\n<summary>Thinking</summary>\n\n" + m.reasoning + "\n\n</details>\n\n";
        if (!m.content.empty()) out += m.content + "\n\n";
        out += note_for(m);
    }
    return out;
}

} // namespace

std::string ConversationExchange::export_markdown(Id conversation_id) {
    ConversationStore store(m_db);
    return conversation_markdown(store.open_conversation(conversation_id));
}

std::string ConversationExchange::export_markdown_all() {
    ConversationStore store(m_db);
    std::string out;
    ReadTransaction snapshot(m_db);
    for (const Conversation& c :
         store.list_conversations({.archived = ListOptions::Archived::include})) {
        if (!out.empty()) out += "---\n\n";
        ConversationView view;
        view.conversation = c;
        view.branch = store.active_branch(c.id);
        out += conversation_markdown(view);
    }
    return out;
}

} // namespace conclave::storage
