#include "chat_controller.h"

#include "engine_worker.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>

namespace conclave::ui {
namespace {

QString titleFrom(const QString& text) {
    QString line = text.trimmed().section(u'\n', 0, 0).simplified();
    constexpr int maxLength = 48;
    if (line.size() > maxLength) line = line.left(maxLength - 1).trimmed() + QChar(0x2026);
    return line.isEmpty() ? ChatController::tr("New chat") : line;
}

QString hintFor(int code) {
    switch (static_cast<conclave::ErrorCode>(code)) {
    case conclave::ErrorCode::io:
        return ChatController::tr("Check that the file exists and that you can read it.");
    case conclave::ErrorCode::invalid_format:
        return ChatController::tr("The file is not a GGUF model, or it is damaged or incomplete. Download it again.");
    case conclave::ErrorCode::unsupported:
        return ChatController::tr("Conclave cannot run this model yet. Try another model file.");
    case conclave::ErrorCode::out_of_memory:
        return ChatController::tr("Close other programs, or choose a smaller model or a shorter context.");
    case conclave::ErrorCode::template_error:
        return ChatController::tr("The model's chat template failed. Try another model file.");
    case conclave::ErrorCode::device:
        return ChatController::tr("The GPU or its driver failed. Try again, or use the CPU.");
    default: return {};
    }
}

QVariantMap toVariant(const app::ModelSummary& s) {
    return {
        {QStringLiteral("name"), s.name},
        {QStringLiteral("path"), s.path},
        {QStringLiteral("architecture"), s.architecture},
        {QStringLiteral("parameters"), s.parameters},
        {QStringLiteral("quantMix"), s.quantMix},
        {QStringLiteral("trainedContext"), s.trainedContext},
        {QStringLiteral("contextSize"), s.contextSize},
        {QStringLiteral("fileSize"), QLocale().formattedDataSize(s.fileBytes)},
        {QStringLiteral("expertCount"), s.expertCount},
        {QStringLiteral("expertsUsed"), s.expertsUsed},
        {QStringLiteral("hasChatTemplate"), s.hasChatTemplate},
    };
}

} // namespace

ChatController::ChatController(app::EngineWorker* worker, ConversationStore* store, QObject* parent)
    : QObject(parent), m_worker(worker), m_store(store) {
    connectWorker();
    refreshConversations();
}

void ChatController::connectWorker() {
    using W = app::EngineWorker;
    connect(m_worker, &W::loadProgress, this, &ChatController::onLoadProgress, Qt::QueuedConnection);
    connect(m_worker, &W::modelLoaded, this, &ChatController::onModelLoaded, Qt::QueuedConnection);
    connect(m_worker, &W::generationStarted, this, &ChatController::onGenerationStarted, Qt::QueuedConnection);
    connect(m_worker, &W::generationProgress, this, &ChatController::onGenerationProgress, Qt::QueuedConnection);
    connect(m_worker, &W::generationFinished, this, &ChatController::onGenerationFinished, Qt::QueuedConnection);
    connect(m_worker, &W::tokensCounted, this, &ChatController::onTokensCounted, Qt::QueuedConnection);
    connect(m_worker, &W::requestFailed, this, &ChatController::onRequestFailed, Qt::QueuedConnection);
}

QString ChatController::currentTitle() const {
    for (const ConversationHeader& c : m_store->conversations())
        if (c.id == m_conversationId) return c.title;
    return tr("New chat");
}

bool ChatController::canRegenerate() const {
    return !generating() && m_modelStatus == ModelStatus::Ready && m_messages.rowCount() > 0 &&
           m_messages.messages().constLast().role == ChatMessage::Role::assistant;
}

bool ChatController::isModelFile(const QUrl& file) {
    return file.isLocalFile() && file.toLocalFile().endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive);
}

void ChatController::openModel(const QUrl& file) {
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    abandonGeneration();
    dismissError();
    m_loadingFile = QFileInfo(path).fileName();
    m_modelStatus = ModelStatus::Loading;
    m_model.clear();
    m_loadProgress = 0.0;
    setContext(0, 0);
    m_loadId = m_worker->loadModel({path, m_settings.contextLength(), m_settings.threads()});
    emit modelChanged();
    emit loadProgressChanged();
    emit generatingChanged();
}

void ChatController::cancelLoad() {
    if (m_modelStatus != ModelStatus::Loading) return;
    m_worker->cancel();
}

bool ChatController::sendMessage(const QString& text) {
    const QString content = text.trimmed();
    if (content.isEmpty() || m_modelStatus != ModelStatus::Ready || generating()) return false;
    if (m_conversationId == 0) {
        m_conversationId = m_store->createConversation(titleFrom(content)).id;
        emit currentConversationChanged();
    }
    ChatMessage message;
    message.role = ChatMessage::Role::user;
    message.text = content;
    m_messages.append(m_store->appendMessage(m_conversationId, message));
    startGeneration();
    refreshConversations();
    return true;
}

void ChatController::startGeneration() {
    app::GenerationRequest request;
    request.turns = conversationTurns();
    request.sampling = m_settings.samplingParams();
    request.maxTokens = m_settings.maxTokens();

    ChatMessage answer;
    answer.role = ChatMessage::Role::assistant;
    answer.state = ChatMessage::State::streaming;
    answer.modelName = m_model.value(QStringLiteral("name")).toString();
    answer = m_store->appendMessage(m_conversationId, answer);
    m_streamingMessageId = answer.id;
    m_messages.append(answer);
    m_generationId = m_worker->generate(request);
    emit generatingChanged();
}

QList<app::ChatTurn> ChatController::conversationTurns() const {
    QList<app::ChatTurn> turns;
    if (!m_settings.systemPrompt().trimmed().isEmpty())
        turns.append({QStringLiteral("system"), m_settings.systemPrompt().trimmed()});
    for (const ChatMessage& m : m_messages.messages()) {
        if (m.state == ChatMessage::State::failed || m.state == ChatMessage::State::streaming) continue;
        if (m.role == ChatMessage::Role::assistant && m.text.isEmpty()) continue;
        turns.append({roleName(m.role), m.text});
    }
    return turns;
}

void ChatController::stop() {
    if (generating()) m_worker->cancel();
}

void ChatController::regenerate() {
    if (!canRegenerate()) return;
    const int last = m_messages.rowCount() - 1;
    m_store->removeMessage(m_conversationId, m_messages.at(last).id);
    m_messages.removeAt(last);
    startGeneration();
}

void ChatController::newConversation() {
    abandonGeneration();
    if (m_conversationId == 0 && m_messages.rowCount() == 0) return;
    m_conversationId = 0;
    m_messages.setMessages({});
    setContext(0, m_contextSize);
    emit currentConversationChanged();
    emit generatingChanged();
}

void ChatController::selectConversation(qint64 id) {
    if (id == m_conversationId) return;
    abandonGeneration();
    m_conversationId = id;
    m_messages.setMessages(m_store->messages(id));
    emit currentConversationChanged();
    emit generatingChanged();
    recountContext();
}

void ChatController::copyMessage(int row) {
    if (row < 0 || row >= m_messages.rowCount()) return;
    if (QClipboard* clipboard = QGuiApplication::clipboard()) clipboard->setText(m_messages.at(row).text);
}

void ChatController::dismissError() {
    if (!errorVisible()) return;
    m_errorTitle.clear();
    m_errorMessage.clear();
    m_errorHint.clear();
    m_errorDetails.clear();
    emit errorChanged();
}

void ChatController::prepareToQuit() { abandonGeneration(); }

int ChatController::streamingRow() const {
    if (m_streamingMessageId == 0) return -1;
    const QList<ChatMessage>& list = m_messages.messages();
    for (int row = static_cast<int>(list.size()) - 1; row >= 0; --row)
        if (list.at(row).id == m_streamingMessageId) return row;
    return -1;
}

void ChatController::abandonGeneration() {
    if (!generating()) return;
    m_worker->cancel();
    finishGeneration(ChatMessage::State::stopped);
}

// Ends the streaming answer in `state`, keeping the text received so far.
void ChatController::finishGeneration(ChatMessage::State state) {
    const int row = streamingRow();
    if (row >= 0) {
        ChatMessage message = m_messages.at(row);
        message.state = state;
        message.reasoningOpen = false;
        if (state == ChatMessage::State::stopped) message.stopReason = QStringLiteral("cancelled");
        m_messages.replace(row, message);
        m_store->updateMessage(m_conversationId, message);
    }
    m_generationId = 0;
    m_streamingMessageId = 0;
    emit generatingChanged();
    if (row >= 0) emit answerFinished(row);
}

void ChatController::applyUpdate(ChatMessage& message, const app::GenerationUpdate& update) const {
    message.text = update.answer;
    message.reasoning = update.reasoning;
    message.reasoningOpen = update.reasoningOpen;
    message.generatedTokens = update.generatedTokens;
    message.firstTokenMs = update.firstTokenMs;
    message.elapsedMs = update.elapsedMs;
    const double streamingMs = update.elapsedMs - update.firstTokenMs;
    if (update.firstTokenMs >= 0 && update.generatedTokens > 1 && streamingMs > 0)
        message.tokensPerSecond = 1000.0 * (update.generatedTokens - 1) / streamingMs;
}

void ChatController::onLoadProgress(quint64 id, double fraction) {
    if (id != m_loadId) return;
    m_loadProgress = fraction;
    emit loadProgressChanged();
}

void ChatController::onModelLoaded(quint64 id, const app::ModelSummary& summary) {
    if (id != m_loadId) return;
    m_loadId = 0;
    m_modelStatus = ModelStatus::Ready;
    m_model = toVariant(summary);
    m_loadProgress = 1.0;
    setContext(0, summary.contextSize);
    emit modelChanged();
    emit loadProgressChanged();
    emit generatingChanged();
    recountContext();
}

void ChatController::onGenerationStarted(quint64 id, int promptTokens) {
    if (id != m_generationId) return;
    m_streamingPromptTokens = promptTokens;
    setContext(promptTokens, m_contextSize);
}

void ChatController::onGenerationProgress(quint64 id, const app::GenerationUpdate& update) {
    const int row = id == m_generationId ? streamingRow() : -1;
    if (row < 0) return;
    ChatMessage message = m_messages.at(row);
    applyUpdate(message, update);
    m_messages.replace(row, message);
    setContext(m_streamingPromptTokens + update.generatedTokens, m_contextSize);
}

void ChatController::onGenerationFinished(quint64 id, const app::GenerationUpdate& update,
                                          const app::GenerationStats& stats) {
    const int row = id == m_generationId ? streamingRow() : -1;
    if (row < 0) return;
    ChatMessage message = m_messages.at(row);
    applyUpdate(message, update);
    message.stopReason = stats.stopReason;
    message.promptTokens = stats.promptTokens;
    message.promptEvaluated = stats.promptEvaluated;
    message.firstTokenMs = stats.generatedTokens > 0 ? stats.firstTokenMs : -1.0;
    message.tokensPerSecond = stats.tokensPerSecond;
    message.state = stats.stopReason == QLatin1String("cancelled") ? ChatMessage::State::stopped
                                                                    : ChatMessage::State::complete;
    m_messages.replace(row, message);
    m_store->updateMessage(m_conversationId, message);
    m_generationId = 0;
    m_streamingMessageId = 0;
    setContext(stats.contextUsed, stats.contextSize);
    emit generatingChanged();
    emit answerFinished(row);
    refreshConversations();
}

void ChatController::onTokensCounted(quint64 id, int tokens) {
    if (id != m_countId) return;
    m_countId = 0;
    setContext(tokens, m_contextSize);
}

void ChatController::onRequestFailed(quint64 id, const app::EngineError& error) {
    if (id == m_loadId) {
        m_loadId = 0;
        m_modelStatus = ModelStatus::NoModel;
        m_loadProgress = 0.0;
        emit modelChanged();
        emit loadProgressChanged();
        emit generatingChanged();
        if (error.code != static_cast<int>(conclave::ErrorCode::cancelled))
            showError(tr("Could not open %1").arg(m_loadingFile), error);
        return;
    }
    if (id == m_generationId) {
        const int row = streamingRow();
        if (row >= 0) {
            ChatMessage message = m_messages.at(row);
            message.error = error.message;
            m_messages.replace(row, message);
        }
        finishGeneration(ChatMessage::State::failed);
        showError(tr("The answer could not be generated"), error);
        return;
    }
    if (id == m_countId) m_countId = 0; // the meter keeps its last value
}

void ChatController::refreshConversations() {
    m_conversations.setConversations(m_store->conversations());
    emit currentConversationChanged();
}

void ChatController::recountContext() {
    if (m_modelStatus != ModelStatus::Ready) return;
    if (m_messages.rowCount() == 0) {
        setContext(0, m_contextSize);
        return;
    }
    m_countId = m_worker->countTokens(conversationTurns());
}

void ChatController::setContext(int used, int size) {
    if (used == m_contextUsed && size == m_contextSize) return;
    m_contextUsed = used;
    m_contextSize = size;
    emit contextChanged();
}

void ChatController::showError(const QString& title, const app::EngineError& error) {
    m_errorTitle = title;
    m_errorMessage = error.message;
    m_errorHint = hintFor(error.code);
    m_errorDetails = tr("Error code: %1 (%2)").arg(error.codeName).arg(error.code);
    emit errorChanged();
}

} // namespace conclave::ui
