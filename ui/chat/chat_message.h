#pragma once
// The chat window's value types: one message and one conversation's header. Plain copyable
// data shared by the view models and the ConversationStore; GUI thread only.

#include <QDateTime>
#include <QString>

#include <optional>

namespace conclave::ui {

struct ChatMessage {
    // Values are meant to be stored by the storage layer: never reorder or reuse them.
    enum class Role { user = 0, assistant = 1, system = 2 };
    enum class State {
        complete = 0,  // finished normally (or a user message)
        streaming = 1, // the engine is still writing it
        stopped = 2,   // cancelled by the user, or cut short by a switch or quit; text kept
        failed = 3,    // the engine reported an error; `error` says which
        interrupted = 4, // the app ended while it was streaming (read back from storage)
    };

    // Unique within its store when stored (> 0); 0 before storing; negative for a message
    // the store refused (disk full, say) that the controller keeps in memory and retries.
    qint64 id = 0;
    qint64 parentId = 0; // the message it follows in the tree; 0 at the root
    int siblingIndex = 0; // its place among the versions under the same parent (0-based)
    int siblingCount = 1; // how many versions there are (regenerated answers, edits)
    Role role = Role::user;
    State state = State::complete;
    QString text;      // the answer (Markdown), without reasoning
    QString reasoning; // thinking text of reasoning models
    bool reasoningOpen = false;
    QDateTime created;

    // Assistant answers only.
    QString modelName;
    qint64 modelId = 0; // the model library's id of the model that wrote it; 0 when unknown
    QString stopReason; // conclave::stop_reason_name()
    QString error;
    int generatedTokens = 0;
    int promptTokens = 0;
    int promptEvaluated = 0;
    double firstTokenMs = -1.0;
    double tokensPerSecond = 0.0;
    double elapsedMs = 0.0;
};

struct ConversationHeader {
    qint64 id = 0;
    QString title;
    bool pinned = false;
    bool archived = false; // out of the date groups; listed under "Archived"
    QDateTime created;
    QDateTime updated;
};

// A conversation's own system prompt, sampling values and answer choices (max tokens,
// thinking, reasoning effort). Each one left empty follows the loaded model's settings; a
// value set wins over them for this conversation's answers.
struct ConversationOverrides {
    std::optional<QString> systemPrompt; // set and empty: no system prompt at all
    std::optional<double> temperature;
    std::optional<int> topK;
    std::optional<double> topP;
    std::optional<double> minP;
    std::optional<double> repeatPenalty;
    std::optional<qint64> seed; // < 0: a new random seed for every answer
    std::optional<int> maxTokens;
    std::optional<bool> thinking;           // where the model's chat template lets the user choose
    std::optional<QString> reasoningEffort; // "low", "medium", "high"

    bool operator==(const ConversationOverrides&) const = default;
};

QString roleName(ChatMessage::Role role);

} // namespace conclave::ui
