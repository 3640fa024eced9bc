#include "message_list_model.h"

#include "markdown_blocks.h"

#include <QVariantMap>

namespace conclave::ui {
namespace {

QVariantList blocksFor(const ChatMessage& message) {
    QVariantList list;
    if (message.role != ChatMessage::Role::assistant) return list;
    for (const MarkdownBlock& block : splitMarkdownBlocks(message.text)) {
        list.append(QVariantMap{
            {QStringLiteral("kind"), block.kind == MarkdownBlock::Kind::code ? QStringLiteral("code") : QStringLiteral("prose")},
            {QStringLiteral("text"), block.text},
            {QStringLiteral("language"), block.language},
            {QStringLiteral("open"), block.open},
        });
    }
    return list;
}

QString stopReasonText(const QString& reason) {
    if (reason == QLatin1String("end_of_generation")) return MessageListModel::tr("finished");
    if (reason == QLatin1String("max_tokens")) return MessageListModel::tr("reached the token limit");
    if (reason == QLatin1String("stop_string")) return MessageListModel::tr("stop string");
    if (reason == QLatin1String("context_full")) return MessageListModel::tr("context full");
    if (reason == QLatin1String("cancelled") || reason == QLatin1String("callback")) return MessageListModel::tr("stopped");
    return reason;
}

} // namespace

MessageListModel::MessageListModel(QObject* parent) : QAbstractListModel(parent) {}

int MessageListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_messages.size());
}

int MessageListModel::lastUserRow() const {
    for (qsizetype row = m_messages.size() - 1; row >= 0; --row)
        if (m_messages.at(row).role == ChatMessage::Role::user) return static_cast<int>(row);
    return -1;
}

QString MessageListModel::textAt(int row) const {
    return row >= 0 && row < m_messages.size() ? m_messages.at(row).text : QString();
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const ChatMessage& m = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return m.text;
    case RoleNameRole: return roleName(m.role);
    case ReasoningRole: return m.reasoning;
    case ReasoningOpenRole: return m.reasoningOpen;
    case StateRole: return stateName(m.state);
    case BlocksRole: return m_blocks.at(index.row());
    case ModelNameRole: return m.modelName;
    case StopReasonRole: return m.stopReason;
    case ErrorRole: return m.error;
    case GeneratedTokensRole: return m.generatedTokens;
    case TokensPerSecondRole: return m.tokensPerSecond;
    case FirstTokenMsRole: return m.firstTokenMs;
    case StatsTextRole: return statsText(m);
    case SiblingIndexRole: return m.siblingIndex;
    case SiblingCountRole: return m.siblingCount;
    default: return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const {
    return {
        {RoleNameRole, "roleName"},
        {TextRole, "text"},
        {ReasoningRole, "reasoning"},
        {ReasoningOpenRole, "reasoningOpen"},
        {StateRole, "messageState"},
        {BlocksRole, "blocks"},
        {ModelNameRole, "modelName"},
        {StopReasonRole, "stopReason"},
        {ErrorRole, "error"},
        {GeneratedTokensRole, "generatedTokens"},
        {TokensPerSecondRole, "tokensPerSecond"},
        {FirstTokenMsRole, "firstTokenMs"},
        {StatsTextRole, "statsText"},
        {SiblingIndexRole, "siblingIndex"},
        {SiblingCountRole, "siblingCount"},
    };
}

void MessageListModel::setMessages(const QList<ChatMessage>& messages) {
    beginResetModel();
    m_messages = messages;
    m_blocks.clear();
    for (const ChatMessage& m : m_messages) m_blocks.append(blocksFor(m));
    endResetModel();
    emit countChanged();
}

void MessageListModel::append(const ChatMessage& message) {
    const int row = static_cast<int>(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append(message);
    m_blocks.append(blocksFor(message));
    endInsertRows();
    emit countChanged();
}

void MessageListModel::replace(int row, const ChatMessage& message) {
    if (row < 0 || row >= m_messages.size()) return;
    const bool textChanged = m_messages.at(row).text != message.text;
    m_messages[row] = message;
    if (textChanged) m_blocks[row] = blocksFor(message);
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

void MessageListModel::removeAt(int row) {
    if (row < 0 || row >= m_messages.size()) return;
    beginRemoveRows({}, row, row);
    m_messages.removeAt(row);
    m_blocks.removeAt(row);
    endRemoveRows();
    emit countChanged();
}

QString MessageListModel::stateName(ChatMessage::State state) {
    switch (state) {
    case ChatMessage::State::complete: return QStringLiteral("complete");
    case ChatMessage::State::streaming: return QStringLiteral("streaming");
    case ChatMessage::State::stopped: return QStringLiteral("stopped");
    case ChatMessage::State::failed: return QStringLiteral("failed");
    case ChatMessage::State::interrupted: return QStringLiteral("interrupted");
    }
    return QStringLiteral("complete");
}

QString MessageListModel::statsText(const ChatMessage& m) {
    if (m.role != ChatMessage::Role::assistant) return {};
    QStringList parts;
    if (m.generatedTokens > 0) parts << tr("%n tokens", nullptr, m.generatedTokens);
    if (m.tokensPerSecond > 0) parts << tr("%1 tok/s").arg(m.tokensPerSecond, 0, 'f', 1);
    if (m.firstTokenMs >= 0) parts << tr("%1 s to first token").arg(m.firstTokenMs / 1000.0, 0, 'f', 2);
    if (m.state == ChatMessage::State::stopped) parts << tr("stopped");
    else if (m.state == ChatMessage::State::interrupted) parts << tr("interrupted");
    else if (!m.stopReason.isEmpty()) parts << stopReasonText(m.stopReason);
    return parts.join(QStringLiteral(" · "));
}

void MessageListModel::retranslate() {
    if (!m_messages.isEmpty())
        emit dataChanged(index(0), index(int(m_messages.size()) - 1), {StatsTextRole});
}

} // namespace conclave::ui
