#include "chat_controller.h"

#include "engine_worker.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>

#include <algorithm>
#include <utility>

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

QString storageHint(const QString& kind) {
    if (kind == QLatin1String("disk_full"))
        return ChatController::tr("Free some disk space. The conversation stays open and is saved as soon as there is room.");
    if (kind == QLatin1String("read_only"))
        return ChatController::tr("Make the data folder writable. The conversation stays open and is saved once it can be.");
    return ChatController::tr("The conversation stays open; Conclave tries to save it again every few seconds.");
}

constexpr int retryIntervalMs = 5000;
constexpr int undoIntervalMs = 6000;

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
        {QStringLiteral("backendName"), s.backendName},
        {QStringLiteral("backendNote"), s.backendNote},
        {QStringLiteral("placement"), s.placement},
    };
}

} // namespace

ChatController::ChatController(app::EngineWorker* worker, ConversationStore* store, QObject* parent)
    : QObject(parent), m_worker(worker), m_store(store), m_transfer(store), m_search(store) {
    connectWorker();
    connectTransfer();
    connect(&m_conversationSettings, &ConversationSettings::edited, this, &ChatController::saveOverrides);
    connect(this, &ChatController::currentConversationChanged, this,
            &ChatController::currentTitleChanged);
    connect(this, &ChatController::undoChanged, this, [this] { m_search.setHiddenConversation(this, m_pendingDelete); });
    m_retryTimer.setInterval(retryIntervalMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &ChatController::retrySaving);
    m_undoTimer.setSingleShot(true);
    m_undoTimer.setInterval(undoIntervalMs);
    connect(&m_undoTimer, &QTimer::timeout, this, &ChatController::commitPendingDelete);
    refreshConversations();
}

// Runs one store call; a StoreError shows in the banner and schedules a retry.
template <typename Write> bool ChatController::save(Write&& write) {
    try {
        write();
        return true;
    } catch (const StoreError& error) {
        onStoreError(error);
        return false;
    }
}

void ChatController::onStoreError(const StoreError& error) {
    reportStoreError(tr("Could not save the conversation"), error);
}

void ChatController::reportStoreError(const QString& title, const StoreError& error) {
    showNotice(title, error.message, storageHint(error.kind), tr("Storage error: %1").arg(error.kind));
    m_storageBanner = true;
    if (!m_retryTimer.isActive()) m_retryTimer.start();
}

// Stores `message` under `parent` in the current conversation; when the store refuses (or
// the conversation or parent is itself unsaved) the message gets a negative id and is saved
// later by saveUnsavedMessages().
ChatMessage ChatController::storeMessage(ChatMessage message, qint64 parent) {
    if (m_conversationId > 0 && parent >= 0) {
        ChatMessage stored;
        if (save([&] { stored = m_store->appendMessage(m_conversationId, parent, message); })) return stored;
    }
    message.id = m_nextLocalId--;
    message.parentId = parent;
    if (!m_retryTimer.isActive()) m_retryTimer.start();
    return message;
}

void ChatController::persistFinished(const ChatMessage& message) {
    if (message.id > 0) save([&] { m_store->finishAnswer(m_conversationId, message); });
    else saveUnsavedMessages();
}

bool ChatController::retrySaving() {
    if (m_overridesUnsaved && !saveOverrides()) return false;
    bool pendingSaved = false;
    if (!save([&] { pendingSaved = m_store->retryPendingWrites(); })) return false;
    if (!pendingSaved || !saveUnsavedMessages()) return false;
    m_retryTimer.stop();
    if (m_storageBanner) dismissError();
    return true;
}

// Saves, in order, the messages on screen that the store refused before (negative ids),
// creating the conversation first when that failed too. Stops at the first failure, and at
// an answer still streaming (it is saved when it ends).
bool ChatController::saveUnsavedMessages() {
    const QList<ChatMessage>& list = m_messages.messages();
    if (std::none_of(list.begin(), list.end(), [](const ChatMessage& m) { return m.id < 0; })) return true;
    if (m_conversationId == 0) {
        const QString title = titleFrom(list.constFirst().text);
        if (!createStoredConversation(title)) return false;
    }
    qint64 parent = 0;
    for (int row = 0; row < m_messages.rowCount(); ++row) {
        const ChatMessage message = m_messages.at(row);
        if (message.id > 0) {
            parent = message.id;
            continue;
        }
        if (message.state == ChatMessage::State::streaming) return false;
        ChatMessage stored;
        if (!save([&] { stored = m_store->appendMessage(m_conversationId, parent, message); })) return false;
        m_messages.replace(row, stored);
        parent = stored.id;
    }
    refreshConversations();
    return true;
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
    connect(m_worker, &W::backendChanged, this, &ChatController::onBackendChanged,
            Qt::QueuedConnection);
}

void ChatController::retranslate() {
    emit currentTitleChanged();
    m_messages.retranslate();
    m_conversations.retranslate();
}

QString ChatController::currentTitle() const {
    const QString title = m_conversations.titleOf(m_conversationId);
    return title.isEmpty() ? tr("New chat") : title;
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
    emit modelOpening(path);
    m_loadingFile = QFileInfo(path).fileName();
    m_modelStatus = ModelStatus::Loading;
    m_model.clear();
    m_modelId = 0;
    m_loadProgress = 0.0;
    setContext(0, 0);
    app::LoadRequest request;
    request.path = path;
    request.contextSize = m_settings.contextLength();
    request.threads = m_settings.threads();
    request.backend = m_settings.computeBackend();
    request.gpuBudgetBytes = m_settings.gpuBudgetBytes();
    request.gpuDevice = m_gpuDevice;
    m_loadId = m_worker->loadModel(request);
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
    if (m_conversationId == 0 && m_messages.rowCount() == 0) {
        createStoredConversation(titleFrom(content));
    }
    ChatMessage message;
    message.role = ChatMessage::Role::user;
    message.text = content;
    const qint64 parent = m_messages.rowCount() > 0 ? m_messages.messages().constLast().id : 0;
    m_messages.append(storeMessage(message, parent));
    startGeneration();
    refreshConversations();
    return true;
}

void ChatController::startGeneration() {
    app::GenerationRequest request;
    request.turns = conversationTurns();
    request.sampling = m_conversationSettings.samplingParams();
    // The conversation's own choices win over the model's (ConversationSettings falls back).
    request.maxTokens = m_conversationSettings.maxTokens();
    request.thinking = m_conversationSettings.thinking();
    request.reasoningEffort = m_conversationSettings.reasoningEffort();

    ChatMessage answer;
    answer.role = ChatMessage::Role::assistant;
    answer.state = ChatMessage::State::streaming;
    answer.modelName = m_model.value(QStringLiteral("name")).toString();
    answer.modelId = m_modelId;
    const qint64 parent = m_messages.rowCount() > 0 ? m_messages.messages().constLast().id : 0;
    answer = storeMessage(answer, parent);
    m_streamingMessageId = answer.id;
    m_messages.append(answer);
    m_generationId = m_worker->generate(request);
    emit generatingChanged();
}

QList<app::ChatTurn> ChatController::conversationTurns() const {
    QList<app::ChatTurn> turns;
    const QString systemPrompt = m_conversationSettings.systemPrompt().trimmed();
    if (!systemPrompt.isEmpty()) turns.append({QStringLiteral("system"), systemPrompt});
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
    // The new answer goes under the same parent as the last one, so the view drops the old
    // answer and startGeneration() adds the sibling after the message it answers.
    m_messages.removeAt(m_messages.rowCount() - 1);
    startGeneration();
}

bool ChatController::editMessage(int row, const QString& text) {
    const QString content = text.trimmed();
    if (content.isEmpty() || m_modelStatus != ModelStatus::Ready || generating()) return false;
    if (row < 0 || row >= m_messages.rowCount() || m_messages.at(row).role != ChatMessage::Role::user) return false;
    const qint64 parent = row > 0 ? m_messages.at(row - 1).id : 0;
    QList<ChatMessage> branch = m_messages.messages().mid(0, row);
    ChatMessage edited;
    edited.role = ChatMessage::Role::user;
    edited.text = content;
    branch.append(storeMessage(edited, parent));
    m_messages.setMessages(branch);
    startGeneration();
    refreshConversations();
    return true;
}

void ChatController::showSibling(int row, int delta) {
    if (generating() || row < 0 || row >= m_messages.rowCount()) return;
    if (!saveUnsavedMessages()) return; // the other branch would replace them on screen
    const qint64 id = m_messages.at(row).id;
    if (id <= 0) return;
    QList<qint64> versions;
    if (!save([&] { versions = m_store->siblings(m_conversationId, id); })) return;
    const qsizetype target = versions.indexOf(id) + delta;
    if (versions.indexOf(id) < 0 || target < 0 || target >= versions.size()) return;
    if (!save([&] { m_store->selectBranch(m_conversationId, versions.at(target)); })) return;
    reloadBranch();
}

void ChatController::reloadBranch() {
    QList<ChatMessage> branch;
    if (m_conversationId > 0 && !save([&] { branch = m_store->activeBranch(m_conversationId); })) return;
    m_messages.setMessages(branch);
    emit generatingChanged(); // canRegenerate follows the last message
    recountContext();
}

void ChatController::renameConversation(qint64 id, const QString& title) {
    const QString name = title.simplified();
    if (id <= 0 || name.isEmpty()) return;
    if (save([&] { m_store->renameConversation(id, name); })) refreshConversations();
}

void ChatController::setPinned(qint64 id, bool pinned) {
    if (id <= 0) return;
    if (save([&] { m_store->setPinned(id, pinned); })) refreshConversations();
}

void ChatController::setArchived(qint64 id, bool archived) {
    if (id <= 0) return;
    if (save([&] { m_store->setArchived(id, archived); })) refreshConversations();
}

void ChatController::deleteConversation(qint64 id) {
    if (id <= 0 || id == m_pendingDelete) return;
    commitPendingDelete();
    if (id == m_conversationId) {
        abandonGeneration();
        m_conversationId = 0;
        m_messages.setMessages({});
        m_conversationSettings.setOverrides({});
        setContext(0, m_contextSize);
        emit generatingChanged();
    }
    m_pendingDeleteTitle = m_conversations.titleOf(id);
    m_pendingDelete = id;
    m_undoTimer.start();
    refreshConversations();
    emit undoChanged();
}

void ChatController::undoDelete() {
    if (m_pendingDelete == 0) return;
    m_pendingDelete = 0;
    m_undoTimer.stop();
    refreshConversations();
    emit undoChanged();
}

bool ChatController::openMessage(qint64 conversation, qint64 message) {
    if (conversation <= 0 || conversation == m_pendingDelete) return false;
    const bool current = conversation == m_conversationId;
    if (current) {
        abandonGeneration();
        if (!saveUnsavedMessages()) return false; // the other branch would replace them on screen
    }
    if (message > 0 && !save([&] { m_store->selectBranch(conversation, message); })) return false;
    if (current)
        reloadBranch();
    else
        selectConversation(conversation);
    if (m_conversationId != conversation) return false;
    for (int row = 0; row < m_messages.rowCount(); ++row)
        if (message > 0 && m_messages.at(row).id == message) emit messageRevealRequested(row);
    return true;
}

bool ChatController::openSearchResult(int row) {
    if (row < 0 || row >= m_search.rowCount()) return false;
    const SearchResult result = m_search.at(row); // a copy: opening may refresh the model
    if (result.codePanel) {
        emit codePanelSessionRequested(result.conversationId);
        return true;
    }
    return openMessage(result.conversationId, result.messageId);
}

void ChatController::commitPendingDelete() {
    if (m_pendingDelete == 0) return;
    const qint64 id = std::exchange(m_pendingDelete, 0);
    m_undoTimer.stop();
    save([&] { m_store->deleteConversation(id); }); // on failure it shows in the list again
    refreshConversations();
    emit undoChanged();
}

void ChatController::newConversation() {
    abandonGeneration();
    saveUnsavedMessages(); // a last try; what still fails is left behind (the banner said so)
    if (m_conversationId == 0 && m_messages.rowCount() == 0) return;
    if (m_overridesUnsaved) saveOverrides(); // a last try, as for the messages
    m_overridesUnsaved = false;
    m_conversationId = 0;
    m_messages.setMessages({});
    m_conversationSettings.setOverrides({}); // a new chat starts from the model's settings
    setContext(0, m_contextSize);
    emit currentConversationChanged();
    emit generatingChanged();
}

void ChatController::selectConversation(qint64 id) {
    if (id == m_conversationId || id == m_pendingDelete) return;
    QList<ChatMessage> branch;
    if (!save([&] { branch = m_store->activeBranch(id); })) return;
    abandonGeneration();
    saveUnsavedMessages(); // a last try; what still fails is left behind (the banner said so)
    if (m_overridesUnsaved) saveOverrides(); // the same
    m_overridesUnsaved = false;
    m_conversationId = id;
    m_messages.setMessages(branch);
    loadOverrides();
    emit currentConversationChanged();
    emit generatingChanged();
    recountContext();
}

void ChatController::copyMessage(int row) {
    if (row < 0 || row >= m_messages.rowCount()) return;
    if (QClipboard* clipboard = QGuiApplication::clipboard()) clipboard->setText(m_messages.at(row).text);
}

void ChatController::dismissError() {
    m_storageBanner = false;
    if (!errorVisible()) return;
    m_errorTitle.clear();
    m_errorMessage.clear();
    m_errorHint.clear();
    m_errorDetails.clear();
    emit errorChanged();
}

void ChatController::prepareToQuit() {
    abandonGeneration();
    commitPendingDelete();
}

void ChatController::showInformation(const QString& title, const QString& message) {
    setBanner({title, message, {}, {}}, true);
}

void ChatController::showNotice(const QString& title, const QString& message, const QString& hint,
                                const QString& details) {
    setBanner({title, message, hint, details}, false);
}

void ChatController::setBanner(const BannerText& text, bool notice) {
    m_storageBanner = false;
    m_bannerIsNotice = notice;
    m_errorTitle = text.title;
    m_errorMessage = text.message;
    m_errorHint = text.hint;
    m_errorDetails = text.details;
    emit errorChanged();
}

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
        persistFinished(message);
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

void ChatController::reopenModel() {
    if (m_modelStatus != ModelStatus::Ready) return;
    openModel(QUrl::fromLocalFile(m_model.value(QStringLiteral("path")).toString()));
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
    if (!summary.backendNote.isEmpty()) showBackendNotice(summary);
    emit modelReady(summary);
    emit modelChanged();
    emit loadProgressChanged();
    emit generatingChanged();
    recountContext();
}

void ChatController::onBackendChanged(const app::ModelSummary& summary) {
    if (m_modelStatus != ModelStatus::Ready ||
        summary.path != m_model.value(QStringLiteral("path")).toString())
        return;
    m_model = toVariant(summary);
    if (!summary.backendNote.isEmpty()) showBackendNotice(summary);
    emit modelChanged();
}

// The engine's note is in English and says what happened; the title and hint say what it
// means here and what the user can change.
void ChatController::showBackendNotice(const app::ModelSummary& summary) {
    const bool partly = summary.backendName != QLatin1String("cpu");
    setBanner({partly ? tr("%1 runs partly on the CPU").arg(summary.name)
                      : tr("%1 runs on the CPU").arg(summary.name),
               summary.backendNote,
               tr("\u201CRun on\u201D and the GPU memory budget are in the model settings; they "
                  "apply when the model is next opened."),
               summary.placement.join(u'\n')},
              true);
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
    if (message.id > 0) save([&] { m_store->updateAnswer(m_conversationId, message); });
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
    persistFinished(message);
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

bool ChatController::createStoredConversation(const QString& title) {
    if (!save([&] { m_conversationId = m_store->createConversation(title).id; })) return false;
    emit currentConversationChanged();
    if (m_conversationSettings.hasOverrides()) saveOverrides();
    return true;
}

// Written whole each time. A write the store refused stays in effect and is written again by
// retrySaving (every few seconds) or before another conversation opens.
bool ChatController::saveOverrides() {
    if (m_conversationId <= 0) return true; // kept until the new chat is stored
    const ConversationOverrides overrides = m_conversationSettings.overrides();
    m_overridesUnsaved = !save([&] { m_store->setOverrides(m_conversationId, overrides); });
    return !m_overridesUnsaved;
}

void ChatController::loadOverrides() {
    ConversationOverrides overrides;
    save([&] { overrides = m_store->overrides(m_conversationId); });
    m_conversationSettings.setOverrides(overrides);
}

void ChatController::connectTransfer() {
    connect(&m_transfer, &ConversationTransfer::failed, this, &ChatController::showNotice);
    connect(&m_transfer, &ConversationTransfer::exported, this, [this](const QString& path) {
        showInformation(tr("Exported"), tr("Saved to %1").arg(path));
    });
    connect(&m_transfer, &ConversationTransfer::imported, this, [this](const ImportCounts& counts) {
        refreshConversations();
        // The open conversation may have gained versions (‹ 1/2 ›); its branch stays the same.
        if (m_conversationId > 0 && !generating() && saveUnsavedMessages()) reloadBranch();
        showInformation(tr("Imported"), tr("Conversations added: %1, merged: %2; messages added: %3.")
                                            .arg(counts.conversationsAdded)
                                            .arg(counts.conversationsMerged)
                                            .arg(counts.messagesAdded));
    });
}

void ChatController::refreshConversations() {
    QList<ConversationHeader> list;
    if (save([&] { list = m_store->conversations(); })) {
        list.removeIf([this](const ConversationHeader& c) { return c.id == m_pendingDelete; });
        m_conversations.setConversations(list);
    }
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
    setBanner({title, error.message, hintFor(error.code),
               tr("Error code: %1 (%2)").arg(error.codeName).arg(error.code)},
              false);
}

} // namespace conclave::ui
