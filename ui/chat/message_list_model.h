#pragma once
// MessageListModel: the messages of the conversation on screen, for the chat view's
// ListView. Holds a copy of the messages; the ChatController is its only writer and keeps
// the ConversationStore in step. GUI thread only. Each row also carries its answer split
// into prose and code blocks (see markdown_blocks.h), recomputed when the text changes.

#include "chat_message.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

namespace conclave::ui {

class MessageListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("created by the ChatController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        RoleNameRole = Qt::UserRole + 1, // "user", "assistant", "system"
        TextRole,
        ReasoningRole,
        ReasoningOpenRole,
        StateRole,       // "complete", "streaming", "stopped", "failed", "interrupted"
        BlocksRole,      // list of {kind: "prose"|"code", text, language, open}
        ModelNameRole,
        StopReasonRole,
        ErrorRole,
        GeneratedTokensRole,
        TokensPerSecondRole,
        FirstTokenMsRole,
        StatsTextRole,   // "128 tokens · 31.5 tok/s · 0.42 s to first token · stopped"
        SiblingIndexRole, // 0-based place among the versions of this message
        SiblingCountRole, // how many versions (regenerated answers, edits); 1 for none
    };

    explicit MessageListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<ChatMessage>& messages() const { return m_messages; }
    const ChatMessage& at(int row) const { return m_messages.at(row); }
    void setMessages(const QList<ChatMessage>& messages);
    void append(const ChatMessage& message);
    void replace(int row, const ChatMessage& message);
    void removeAt(int row);

    // For the composer's Up key: the last user message's row (-1 when none) and its text.
    Q_INVOKABLE int lastUserRow() const;
    Q_INVOKABLE QString textAt(int row) const;

    static QString stateName(ChatMessage::State state);
    static QString statsText(const ChatMessage& message);

    // Every row's figures asked for again: counts and stop reasons in the language installed now.
    void retranslate();

signals:
    void countChanged();

private:
    QList<ChatMessage> m_messages;
    QList<QVariantList> m_blocks; // parallel to m_messages
};

} // namespace conclave::ui
