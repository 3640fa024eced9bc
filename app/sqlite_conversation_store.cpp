#include "sqlite_conversation_store.h"

#include "conclave/storage/exchange.h"
#include "conclave/storage/search.h"
#include "conclave/storage/transaction.h"
#include "storage_errors.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace conclave::app {
namespace {

using ui::ChatMessage;
using ui::ConversationHeader;

std::string utf8(const QString& text) {
    return text.toStdString();
}
QString qt(const std::string& text) {
    return QString::fromStdString(text);
}

ChatMessage::State toState(storage::MessageState state) {
    switch (state) {
    case storage::MessageState::complete:
        return ChatMessage::State::complete;
    case storage::MessageState::streaming:
        return ChatMessage::State::streaming;
    case storage::MessageState::stopped:
        return ChatMessage::State::stopped;
    case storage::MessageState::failed:
        return ChatMessage::State::failed;
    case storage::MessageState::interrupted:
        return ChatMessage::State::interrupted;
    }
    return ChatMessage::State::complete;
}

storage::MessageState toStorage(ChatMessage::State state) {
    switch (state) {
    case ChatMessage::State::complete:
        return storage::MessageState::complete;
    case ChatMessage::State::streaming:
        return storage::MessageState::streaming;
    case ChatMessage::State::stopped:
        return storage::MessageState::stopped;
    case ChatMessage::State::failed:
        return storage::MessageState::failed;
    case ChatMessage::State::interrupted:
        return storage::MessageState::interrupted;
    }
    return storage::MessageState::complete;
}

storage::Role toStorage(ChatMessage::Role role) {
    switch (role) {
    case ChatMessage::Role::user:
        return storage::Role::user;
    case ChatMessage::Role::assistant:
        return storage::Role::assistant;
    case ChatMessage::Role::system:
        return storage::Role::system;
    }
    return storage::Role::user;
}

ChatMessage::Role toRole(storage::Role role) {
    switch (role) {
    case storage::Role::assistant:
        return ChatMessage::Role::assistant;
    case storage::Role::system:
    case storage::Role::tool:
        return ChatMessage::Role::system;
    case storage::Role::user:
        return ChatMessage::Role::user;
    }
    return ChatMessage::Role::user;
}

// The engine's stop_reason_name() (what ChatMessage::stopReason holds) as storage keeps it;
// nullopt for a message that has none.
std::optional<storage::StopReason> toStorageReason(const ChatMessage& m) {
    if (m.role != ChatMessage::Role::assistant) return std::nullopt;
    if (m.state == ChatMessage::State::failed) return storage::StopReason::error;
    if (m.state == ChatMessage::State::stopped) return storage::StopReason::stopped;
    const QString& reason = m.stopReason;
    if (reason == QLatin1String("end_of_generation")) return storage::StopReason::finished;
    if (reason == QLatin1String("max_tokens")) return storage::StopReason::token_limit;
    if (reason == QLatin1String("stop_string")) return storage::StopReason::stop_string;
    if (reason == QLatin1String("context_full")) return storage::StopReason::context_full;
    if (reason == QLatin1String("cancelled") || reason == QLatin1String("callback"))
        return storage::StopReason::stopped;
    return std::nullopt;
}

// The stored reason in the engine's words; empty when unknown (rows from before schema 4)
// or when the state says it all (failed).
QString toEngineReason(const std::optional<storage::StopReason>& reason, ChatMessage::State state) {
    if (!reason) return state == ChatMessage::State::stopped ? QStringLiteral("cancelled") : QString();
    switch (*reason) {
    case storage::StopReason::finished:
        return QStringLiteral("end_of_generation");
    case storage::StopReason::token_limit:
        return QStringLiteral("max_tokens");
    case storage::StopReason::stop_string:
        return QStringLiteral("stop_string");
    case storage::StopReason::context_full:
        return QStringLiteral("context_full");
    case storage::StopReason::stopped:
        return QStringLiteral("cancelled");
    case storage::StopReason::error:
        return {};
    }
    return {};
}

storage::GenerationStats toStats(const ChatMessage& m) {
    storage::GenerationStats stats;
    stats.stop_reason = toStorageReason(m);
    stats.prompt_tokens = m.promptTokens;
    stats.completion_tokens = m.generatedTokens;
    if (m.firstTokenMs >= 0) stats.time_to_first_token_ms = m.firstTokenMs;
    if (m.tokensPerSecond > 0) stats.tokens_per_second = m.tokensPerSecond;
    return stats;
}

// A stored message as the view shows it; an answer stored before stop reasons were kept
// (schema version 4) reads without one, unless it was stopped.
ChatMessage toChatMessage(const storage::BranchMessage& branch) {
    const storage::Message& m = branch.message;
    ChatMessage message;
    message.id = m.id;
    message.parentId = m.parent_id.value_or(0);
    message.siblingIndex = branch.sibling_index;
    message.siblingCount = branch.sibling_count;
    message.role = toRole(m.role);
    message.state = toState(m.state);
    message.text = qt(m.content);
    message.reasoning = qt(m.reasoning);
    message.created = QDateTime::fromMSecsSinceEpoch(m.created_at);
    message.modelName = qt(m.model_name);
    message.modelId = m.model_id.value_or(0);
    message.error = qt(m.error.value_or(std::string()));
    message.stopReason = toEngineReason(m.stats.stop_reason, message.state);
    message.generatedTokens = static_cast<int>(m.stats.completion_tokens);
    message.promptTokens = static_cast<int>(m.stats.prompt_tokens);
    message.firstTokenMs = m.stats.time_to_first_token_ms.value_or(-1.0);
    message.tokensPerSecond = m.stats.tokens_per_second.value_or(0.0);
    return message;
}

// The part of `text` not yet given to the writer, or nullopt when `text` no longer extends
// what was given (the reasoning split moved text between answer and thinking). A trailing
// U+FFFD (half a UTF-8 character so far) is held back until the character is complete.
std::optional<QString> newPart(const QString& text, const QString& sent) {
    if (!text.startsWith(sent)) return std::nullopt;
    QString part = text.mid(sent.size());
    while (!part.isEmpty() && part.back() == QChar::ReplacementCharacter) part.chop(1);
    return part;
}

} // namespace

ui::ConversationHeader toConversationHeader(const storage::Conversation& c) {
    ConversationHeader header;
    header.id = c.id;
    header.title = qt(c.title);
    header.pinned = c.pinned;
    header.archived = c.archived;
    header.created = QDateTime::fromMSecsSinceEpoch(c.created_at);
    header.updated = QDateTime::fromMSecsSinceEpoch(c.updated_at);
    return header;
}

SqliteConversationStore::SqliteConversationStore(storage::Database& db,
                                                 storage::StreamingOptions streaming)
    : m_db(db), m_store(db), m_streaming(std::move(streaming)) {}

SqliteConversationStore::~SqliteConversationStore() = default;

QList<ConversationHeader> SqliteConversationStore::conversations() const {
    return guarded([&] {
        QList<ConversationHeader> list;
        // The sidebar lists chats; code panel sessions open in the panel (and show in search).
        for (const storage::Conversation& c :
             m_store.list_conversations({.archived = storage::ListOptions::Archived::include,
                                         .kind = storage::ConversationKind::chat}))
            list.append(toConversationHeader(c));
        return list;
    });
}

ConversationHeader SqliteConversationStore::createConversation(const QString& title) {
    return guarded([&] { return toConversationHeader(m_store.create_conversation(utf8(title))); });
}

void SqliteConversationStore::renameConversation(qint64 conversation, const QString& title) {
    guarded([&] { m_store.rename(conversation, utf8(title)); });
}

void SqliteConversationStore::setPinned(qint64 conversation, bool pinned) {
    guarded([&] { m_store.set_pinned(conversation, pinned); });
}

void SqliteConversationStore::setArchived(qint64 conversation, bool archived) {
    guarded([&] { m_store.set_archived(conversation, archived); });
}

void SqliteConversationStore::deleteConversation(qint64 conversation) {
    guarded([&] { m_store.delete_conversation(conversation); });
}

ui::ConversationOverrides SqliteConversationStore::overrides(qint64 conversation) const {
    return guarded([&] {
        const storage::Conversation c = m_store.conversation(conversation);
        ui::ConversationOverrides o;
        if (c.system_prompt) o.systemPrompt = qt(*c.system_prompt);
        o.temperature = c.sampling.temperature;
        if (c.sampling.top_k) o.topK = static_cast<int>(*c.sampling.top_k);
        o.topP = c.sampling.top_p;
        o.minP = c.sampling.min_p;
        o.repeatPenalty = c.sampling.repetition_penalty;
        o.seed = c.sampling.seed;
        if (c.answer.max_tokens)
            o.maxTokens = static_cast<int>(std::min<std::int64_t>(*c.answer.max_tokens, 1 << 20));
        o.thinking = c.answer.thinking;
        if (c.answer.reasoning_effort) o.reasoningEffort = qt(*c.answer.reasoning_effort);
        return o;
    });
}

// One transaction, so a refused write leaves all of the conversation's overrides as they were.
void SqliteConversationStore::setOverrides(qint64 conversation, const ui::ConversationOverrides& o) {
    guarded([&] {
        storage::Transaction transaction(m_db);
        storage::SamplingOverrides sampling;
        sampling.temperature = o.temperature;
        if (o.topK) sampling.top_k = *o.topK;
        sampling.top_p = o.topP;
        sampling.min_p = o.minP;
        sampling.repetition_penalty = o.repeatPenalty;
        sampling.seed = o.seed;
        m_store.set_sampling(conversation, sampling);
        std::optional<std::string> prompt;
        if (o.systemPrompt) prompt = utf8(*o.systemPrompt);
        m_store.set_system_prompt(conversation, prompt);
        storage::AnswerOverrides answer;
        if (o.maxTokens) answer.max_tokens = *o.maxTokens;
        answer.thinking = o.thinking;
        if (o.reasoningEffort) answer.reasoning_effort = utf8(*o.reasoningEffort);
        m_store.set_answer_overrides(conversation, answer);
        transaction.commit();
    });
}

QByteArray SqliteConversationStore::exportJson(qint64 conversation) const {
    return guarded([&] {
        storage::ConversationExchange exchange(m_db);
        const std::string json =
            exchange.export_json(conversation > 0 ? std::optional<storage::Id>(conversation) : std::nullopt);
        return QByteArray::fromStdString(json);
    });
}

QByteArray SqliteConversationStore::exportMarkdown(qint64 conversation) const {
    return guarded([&] {
        storage::ConversationExchange exchange(m_db);
        return QByteArray::fromStdString(conversation > 0 ? exchange.export_markdown(conversation)
                                                          : exchange.export_markdown_all());
    });
}

ui::ImportCounts SqliteConversationStore::importJson(const QByteArray& json) {
    return guarded([&] {
        const storage::ImportSummary summary =
            storage::ConversationExchange(m_db).import_json(std::string_view(json.constData(), json.size()));
        return ui::ImportCounts{summary.conversations_added, summary.conversations_merged,
                                summary.messages_added};
    });
}

QList<ChatMessage> SqliteConversationStore::activeBranch(qint64 conversation) const {
    return guarded([&] {
        QList<ChatMessage> list;
        for (const storage::BranchMessage& m : m_store.open_conversation(conversation).branch) {
            ChatMessage message = toChatMessage(m);
            // An answer this store is still writing reads as streaming, with its unsaved text.
            if (const auto it = m_streams.find(m.message.id); it != m_streams.end()) {
                message.text = it->second.sentText;
                message.reasoning = it->second.sentReasoning;
            }
            list.append(message);
        }
        return list;
    });
}

QList<qint64> SqliteConversationStore::siblings(qint64 conversation, qint64 message) const {
    return guarded([&] {
        QList<qint64> ids;
        for (const storage::Message& m :
             m_store.children(conversation, m_store.message(message).parent_id))
            ids.append(m.id);
        return ids;
    });
}

ChatMessage SqliteConversationStore::appendMessage(qint64 conversation, qint64 parent,
                                                   ChatMessage message) {
    return guarded([&] {
        storage::NewMessage add;
        add.conversation_id = conversation;
        if (parent > 0) add.parent_id = parent;
        add.at_root = parent <= 0;
        add.role = toStorage(message.role);
        add.content = utf8(message.text);
        add.reasoning = utf8(message.reasoning);
        add.state = toStorage(message.state);
        if (!message.error.isEmpty()) add.error = utf8(message.error);
        add.model_name = utf8(message.modelName);
        if (message.modelId > 0) add.model_id = message.modelId;
        add.stats = toStats(message);
        // Counted first, so a failure here leaves nothing written.
        const auto before = m_store.children(conversation, add.parent_id).size();
        if (message.state == ChatMessage::State::streaming) {
            auto writer = std::make_unique<storage::StreamingMessageWriter>(
                m_store.begin_streaming(add, m_streaming));
            message.id = writer->message_id();
            Stream& stream = m_streams[message.id];
            stream.writer = std::move(writer);
            stream.sentText = message.text;
            stream.sentReasoning = message.reasoning;
        } else {
            message.id = m_store.append_message(add).id;
        }
        message.parentId = parent > 0 ? parent : 0;
        message.siblingIndex = static_cast<int>(before);
        message.siblingCount = static_cast<int>(before) + 1;
        if (!message.created.isValid()) message.created = QDateTime::currentDateTime();
        return message;
    });
}

QList<ui::SearchResult> SqliteConversationStore::search(const QString& text, int limit) const {
    return guarded([&] {
        storage::SearchOptions options;
        options.limit = limit;
        QList<ui::SearchResult> results;
        for (const storage::SearchHit& hit : storage::ConversationSearch(m_db).search(utf8(text), options)) {
            ui::SearchResult result;
            result.conversationId = hit.conversation_id;
            result.conversationTitle = qt(hit.conversation_title);
            result.messageId = hit.message_id.value_or(0);
            result.snippet = qt(hit.snippet);
            result.date = QDateTime::fromMSecsSinceEpoch(hit.created_at);
            result.codePanel = hit.conversation_kind == storage::ConversationKind::code_panel;
            results.append(result);
        }
        return results;
    });
}

void SqliteConversationStore::selectBranch(qint64, qint64 message) {
    guarded([&] { m_store.select_branch(message); });
}

void SqliteConversationStore::updateAnswer(qint64, const ChatMessage& answer) {
    const auto it = m_streams.find(answer.id);
    if (it == m_streams.end()) return;
    guarded([&] { give(it->second, answer); });
}

// Hands the writer what it has not seen of the answer; the writer saves when a second has
// passed since its last save (and throws, keeping the text, when that save fails).
void SqliteConversationStore::give(Stream& stream, const ChatMessage& answer) {
    if (stream.diverged) return;
    const std::optional<QString> text = newPart(answer.text, stream.sentText);
    const std::optional<QString> reasoning = newPart(answer.reasoning, stream.sentReasoning);
    if (!text || !reasoning) {
        stream.diverged = true; // rewritten whole when the answer ends
        return;
    }
    stream.sentText += *text;
    stream.sentReasoning += *reasoning;
    if (!reasoning->isEmpty()) stream.writer->append_reasoning(utf8(*reasoning));
    if (!text->isEmpty()) stream.writer->append(utf8(*text));
}

void SqliteConversationStore::finishAnswer(qint64, const ChatMessage& answer) {
    const auto it = m_streams.find(answer.id);
    if (it == m_streams.end()) return;
    Stream& stream = it->second;
    stream.finalAnswer = answer;
    stream.finishing = true;
    guarded([&] { close(stream); });
    m_streams.erase(it);
}

bool SqliteConversationStore::retryPendingWrites() {
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (!it->second.finishing) {
            ++it;
            continue;
        }
        guarded([&] { close(it->second); });
        it = m_streams.erase(it);
    }
    return true;
}

// Writes the whole answer with its final state and figures in one commit. When the text
// stopped extending what the writer had (see newPart), a second writer on the same message
// rewrites it whole. May be called again after it threw.
void SqliteConversationStore::close(Stream& stream) {
    const ChatMessage& answer = stream.finalAnswer;
    const auto finish = [&](storage::StreamingMessageWriter& writer) {
        const storage::GenerationStats stats = toStats(answer);
        switch (answer.state) {
        case ChatMessage::State::failed:
            writer.fail(utf8(answer.error), stats);
            break;
        case ChatMessage::State::complete:
            writer.finish(stats);
            break;
        default:
            writer.stop(stats);
            break;
        }
    };
    if (!stream.diverged && answer.text.startsWith(stream.sentText) &&
        answer.reasoning.startsWith(stream.sentReasoning)) {
        const QString text = answer.text.mid(stream.sentText.size());
        const QString reasoning = answer.reasoning.mid(stream.sentReasoning.size());
        stream.sentText = answer.text;
        stream.sentReasoning = answer.reasoning;
        // Kept in the writer's memory even if the save inside throws.
        if (!reasoning.isEmpty()) stream.writer->append_reasoning(utf8(reasoning));
        if (!text.isEmpty()) stream.writer->append(utf8(text));
        finish(*stream.writer);
        return;
    }
    stream.diverged = true;
    if (stream.writer->is_open()) finish(*stream.writer);
    storage::StreamingMessageWriter whole(m_db, stream.writer->message_id(), utf8(answer.text),
                                          m_streaming);
    whole.append_reasoning(utf8(answer.reasoning));
    finish(whole);
}

} // namespace conclave::app
