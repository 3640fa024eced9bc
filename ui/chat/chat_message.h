#pragma once
// The chat window's value types: one message and one conversation's header. Plain copyable
// data shared by the view models and the ConversationStore; GUI thread only.

#include <QDateTime>
#include <QString>

namespace conclave::ui {

struct ChatMessage {
    // Values are meant to be stored by the storage layer: never reorder or reuse them.
    enum class Role { user = 0, assistant = 1, system = 2 };
    enum class State {
        complete = 0,  // finished normally (or a user message)
        streaming = 1, // the engine is still writing it
        stopped = 2,   // cancelled by the user, or cut short by a switch or quit; text kept
        failed = 3,    // the engine reported an error; `error` says which
    };

    qint64 id = 0; // unique within its store; 0 until stored
    Role role = Role::user;
    State state = State::complete;
    QString text;      // the answer (Markdown), without reasoning
    QString reasoning; // thinking text of reasoning models
    bool reasoningOpen = false;
    QDateTime created;

    // Assistant answers only.
    QString modelName;
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
    QDateTime created;
    QDateTime updated;
};

QString roleName(ChatMessage::Role role);

} // namespace conclave::ui
