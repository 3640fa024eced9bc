#include "code_panel_controller.h"

#include "atomic_file_write.h"
#include "chat_controller.h"
#include "code_languages.h"
#include "diff_rows.h"
#include "engine_worker.h"
#include "markdown_blocks.h"
#include "preference_store.h"
#include "sampling_settings.h"
#include "text_attachment.h"

#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QGuiApplication>
#include <QQuickTextDocument>
#include <QTextCursor>
#include <QTextDocument>

namespace conclave::ui {

using code_panel::CodeTask;

namespace {

// The prompt must leave this many tokens of the context for the answer.
constexpr int answerReserveTokens = 256;

qint64 modifiedMs(const QString& path) {
    return QFileInfo(path).lastModified().toMSecsSinceEpoch();
}

// The state line of an answer that ended.
QString finishedStatus(bool stopped, qint64 tokens, double tokensPerSecond) {
    const int n = static_cast<int>(tokens);
    return (stopped ? CodePanelController::tr("Stopped · %n tokens · %1 tok/s", nullptr, n)
                    : CodePanelController::tr("%n tokens · %1 tok/s", nullptr, n))
        .arg(tokensPerSecond, 0, 'f', 1);
}

// A session's title: the file's name, else the first line that says something.
QString titleFor(const PanelDocument& document) {
    if (!document.filePath.isEmpty()) return QFileInfo(document.filePath).fileName();
    for (const QString& line : document.content.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty()) return trimmed.left(60);
    }
    return CodePanelController::tr("Code");
}

} // namespace

CodePanelController::CodePanelController(app::EngineWorker* worker, ChatController* chat,
                                         ConversationStore* conversations,
                                         CodePanelSessions* sessions, PreferenceStore* preferences,
                                         QObject* parent)
    : QObject(parent), m_worker(worker), m_chat(chat), m_conversations(conversations),
      m_sessions(sessions), m_preferences(preferences), m_sessionList(sessions) {
    connect(this, &CodePanelController::documentChanged, this,
            &CodePanelController::languageNameChanged);
    connect(this, &CodePanelController::proposalChanged, this,
            &CodePanelController::diffSummaryChanged);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(saveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &CodePanelController::saveDocumentNow);
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(countDelayMs);
    connect(&m_countTimer, &QTimer::timeout, this,
            [this] { countTokens(m_countSelectionStart, m_countSelectionEnd); });
    connect(m_worker, &app::EngineWorker::generationProgress, this,
            &CodePanelController::onProgress);
    connect(m_worker, &app::EngineWorker::generationFinished, this,
            &CodePanelController::onFinished);
    connect(m_worker, &app::EngineWorker::requestFailed, this, &CodePanelController::onFailed);
    connect(m_worker, &app::EngineWorker::tokensCounted, this,
            &CodePanelController::onTokensCounted);
    connect(m_chat, &ChatController::modelChanged, this, [this] {
        m_promptTokens = -1;
        emit tokensChanged();
        emit busyChanged();
        m_countTimer.start();
    });
    connect(m_chat, &ChatController::contextChanged, this, &CodePanelController::tokensChanged);
    connect(m_chat, &ChatController::generatingChanged, this, &CodePanelController::busyChanged);
    connect(&m_sessionList, &CodePanelSessionList::failed, this, [this](const QString& message) {
        setNotice(tr("Could not save the code panel's session: %1").arg(message));
    });
    restore();
    // A session waiting for its delete is not offered by the chat's search either.
    connect(&m_sessionList, &CodePanelSessionList::undoChanged, this,
            [this, chat = QPointer<ChatController>(m_chat)] {
                if (chat) chat->search()->setHiddenConversation(this, m_sessionList.pendingDelete());
            });
    m_sessionList.refresh();
}

CodePanelController::~CodePanelController() {
    if (m_saveTimer.isActive()) saveDocumentNow();
}

void CodePanelController::setPanelVisible(bool visible) {
    if (visible == m_visible) return;
    m_visible = visible;
    writePreference(visibleKey, visible ? QStringLiteral("1") : QStringLiteral("0"));
    emit panelVisibleChanged();
}

void CodePanelController::setPanelWidth(int width) {
    width = std::max(width, minimumWidth);
    if (width == m_width) return;
    m_width = width;
    writePreference(widthKey, QString::number(width));
    emit panelWidthChanged();
}

void CodePanelController::retranslate() {
    emit languageNameChanged();
    emit languagesChanged();
    emit diffSummaryChanged();
}

QString CodePanelController::languageName() const {
    const code_panel::CodeLanguage language = code_panel::languageFor(m_document.language);
    return language.isPlainText() ? tr("Plain text") : language.name;
}

QVariantList CodePanelController::languages() const {
    QVariantList list{
        QVariantMap{{QStringLiteral("id"), QString()}, {QStringLiteral("name"), tr("Plain text")}}};
    for (const code_panel::CodeLanguage& language : code_panel::knownLanguages())
        list.append(QVariantMap{{QStringLiteral("id"), language.id},
                                {QStringLiteral("name"), language.name}});
    return list;
}

QString CodePanelController::fileName() const {
    return m_document.filePath.isEmpty() ? QString() : QFileInfo(m_document.filePath).fileName();
}

int CodePanelController::contextSize() const {
    return m_chat->modelStatus() == ChatController::ModelStatus::Ready ? m_chat->contextSize() : 0;
}

bool CodePanelController::tooLarge() const {
    return m_promptTokens >= 0 && contextSize() > 0 &&
           m_promptTokens + answerReserveTokens > contextSize();
}

bool CodePanelController::canRun() const {
    return m_chat->modelStatus() == ChatController::ModelStatus::Ready && !m_chat->generating() &&
           !busy();
}

QString CodePanelController::taskName() const {
    return m_lastRequest && m_retryable ? code_panel::taskName(m_lastRequest->task) : QString();
}

QVariantList CodePanelController::answerBlocks() const {
    QVariantList blocks;
    for (const MarkdownBlock& block : splitMarkdownBlocks(m_answer))
        blocks.append(QVariantMap{{QStringLiteral("kind"), block.kind == MarkdownBlock::Kind::code
                                                               ? QStringLiteral("code")
                                                               : QStringLiteral("prose")},
                                  {QStringLiteral("text"), block.text},
                                  {QStringLiteral("language"), block.language},
                                  {QStringLiteral("open"), block.open && busy()}});
    return blocks;
}

QString CodePanelController::diffSummary() const {
    if (!hasProposal()) return {};
    if (m_diff.identical()) return tr("No changes");
    return tr("+%1 −%2 lines").arg(m_diff.added).arg(m_diff.removed);
}

void CodePanelController::setNotice(const QString& notice) {
    if (notice == m_notice) return;
    m_notice = notice;
    emit noticeChanged();
}

void CodePanelController::dismissNotice() {
    setNotice({});
}

void CodePanelController::setAnswerStatus(const QString& status) {
    m_answerStatus = status;
    emit answerChanged();
}

void CodePanelController::writePreference(const char* key, const QString& value) {
    try {
        m_preferences->setValue(QString::fromLatin1(key), value);
    } catch (const StoreError& error) {
        setNotice(tr("Could not save the panel's settings: %1").arg(error.message));
    }
}

// --- the document ---------------------------------------------------------------------------

void CodePanelController::setDocument(const PanelDocument& document, bool newSession) {
    if (m_saveTimer.isActive()) saveDocumentNow();
    m_document = document;
    if (newSession) {
        m_session = 0;
        clearAnswer();
        ensureSession();
        emit answerChanged();
        emit proposalChanged();
    }
    if (m_saveConflict) {
        m_saveConflict = false;
        emit saveConflictChanged();
    }
    emit documentChanged();
    m_countSelectionStart = m_countSelectionEnd = 0;
    m_countTimer.start();
}

bool CodePanelController::openFile(const QUrl& file) {
    const QVariantMap read = TextAttachment::read(file, TextAttachment::Purpose::open);
    if (!read.value(QStringLiteral("ok")).toBool()) {
        setNotice(read.value(QStringLiteral("error")).toString());
        return false;
    }
    PanelDocument document;
    document.content = read.value(QStringLiteral("text")).toString();
    document.filePath = file.toLocalFile();
    document.fileModifiedMs = modifiedMs(document.filePath);
    document.language = code_panel::detectLanguage(document.filePath, document.content).id;
    m_fileContent = document.content;
    setNotice({});
    setDocument(document, true);
    setPanelVisible(true);
    return true;
}

void CodePanelController::openCode(const QString& code, const QString& language) {
    PanelDocument document;
    document.content = code;
    document.language = language.trimmed().isEmpty() ? code_panel::detectLanguage({}, code).id
                                                     : code_panel::languageFor(language).id;
    m_fileContent.clear();
    setDocument(document, true);
    setPanelVisible(true);
}

void CodePanelController::newDocument() {
    m_fileContent.clear();
    setDocument({}, true);
    writePreference(sessionKey, QStringLiteral("0"));
    emit sessionChanged();
}

void CodePanelController::setCode(const QString& code) {
    if (code == m_document.content) return;
    if (!m_beforeApply.isNull() && code == m_beforeApply && m_proposal.found) {
        // Undo after Apply: the change is on offer again.
        m_beforeApply = QString();
        m_showsProposal = true;
        m_answerStatus.clear();
        emit answerChanged();
        emit proposalChanged();
    }
    const bool wasEmpty = m_document.content.isEmpty() && m_session == 0;
    m_document.content = code;
    // Pasted into an empty panel: the language comes from the content.
    if (wasEmpty && m_document.language.isEmpty() && m_document.filePath.isEmpty())
        m_document.language = code_panel::detectLanguage({}, code).id;
    emit documentChanged();
    if (m_session == 0 && !code.trimmed().isEmpty()) ensureSession();
    m_saveTimer.start();
    m_countTimer.start();
}

void CodePanelController::setLanguage(const QString& languageId) {
    const QString id = code_panel::languageFor(languageId).id;
    if (id == m_document.language) return;
    m_document.language = id;
    emit documentChanged();
    m_saveTimer.start();
}

void CodePanelController::ensureSession() {
    if (m_session != 0 || m_document.content.isEmpty()) return;
    try {
        m_session = m_sessions->createSession(titleFor(m_document), m_document);
    } catch (const StoreError& error) {
        setNotice(tr("Could not save the code panel's session: %1").arg(error.message));
        return;
    }
    writePreference(sessionKey, QString::number(m_session));
    emit sessionChanged();
    m_sessionList.refresh();
}

void CodePanelController::saveDocumentNow() {
    m_saveTimer.stop();
    if (m_session == 0) return;
    try {
        m_sessions->saveDocument(m_session, m_document);
    } catch (const StoreError& error) {
        setNotice(tr("Could not save the code panel's session: %1").arg(error.message));
    }
}

bool CodePanelController::saveFile(bool overwriteChanges) {
    const QString path = m_document.filePath;
    if (path.isEmpty()) {
        setNotice(tr("Choose a file to save to."));
        return false;
    }
    if (!overwriteChanges && QFileInfo::exists(path) &&
        modifiedMs(path) != m_document.fileModifiedMs) {
        // Touched, but is the text different from what was read?
        const QVariantMap now =
            TextAttachment::read(QUrl::fromLocalFile(path), TextAttachment::Purpose::open);
        if (!now.value(QStringLiteral("ok")).toBool() ||
            now.value(QStringLiteral("text")).toString() != m_fileContent) {
            m_saveConflict = true;
            emit saveConflictChanged();
            return false;
        }
    }
    if (QString error; !write_file_atomically(path, m_document.content.toUtf8(), error)) {
        setNotice(tr("Could not save “%1”: %2").arg(QFileInfo(path).fileName(), error));
        return false;
    }
    m_fileContent = m_document.content;
    m_document.fileModifiedMs = modifiedMs(path);
    if (m_saveConflict) {
        m_saveConflict = false;
        emit saveConflictChanged();
    }
    setNotice({});
    emit documentChanged();
    saveDocumentNow();
    return true;
}

bool CodePanelController::saveFileAs(const QUrl& file) {
    if (!file.isLocalFile()) {
        setNotice(tr("Only files on this computer can be saved."));
        return false;
    }
    m_document.filePath = file.toLocalFile();
    m_document.fileModifiedMs = modifiedMs(m_document.filePath);
    m_fileContent = QFileInfo::exists(m_document.filePath) ? QString() : m_fileContent;
    return saveFile(true);
}

void CodePanelController::cancelSave() {
    if (!m_saveConflict) return;
    m_saveConflict = false;
    emit saveConflictChanged();
}

// --- tasks ----------------------------------------------------------------------------------

code_panel::TaskRequest CodePanelController::requestFor(CodeTask task, int selectionStart,
                                                        int selectionEnd) const {
    code_panel::TaskRequest request;
    request.task = task;
    const int length = int(m_document.content.size());
    const int start = std::clamp(std::min(selectionStart, selectionEnd), 0, length);
    const int end = std::clamp(std::max(selectionStart, selectionEnd), 0, length);
    request.isSelection = end > start && !(start == 0 && end == length);
    request.code =
        request.isSelection ? m_document.content.mid(start, end - start) : m_document.content;
    request.language = code_panel::languageFor(m_document.language);
    request.fileName = fileName();
    return request;
}

bool CodePanelController::runTask(const QString& task, const QString& detail, const QString& target,
                                  int selectionStart, int selectionEnd) {
    CodeTask kind = CodeTask::explain;
    if (!code_panel::taskFromName(task, &kind)) return false;
    code_panel::TaskRequest request = requestFor(kind, selectionStart, selectionEnd);
    request.detail = detail;
    request.target = code_panel::languageFor(target);
    if (!code_panel::requestProblem(request).isEmpty()) {
        if (request.code.trimmed().isEmpty())
            setNotice(tr("There is no code to work on."));
        else if (kind == CodeTask::instruction)
            setNotice(tr("Write an instruction first."));
        else
            setNotice(tr("Choose another language to convert to."));
        return false;
    }
    const int length = int(m_document.content.size());
    m_selectionStart =
        request.isSelection ? std::clamp(std::min(selectionStart, selectionEnd), 0, length) : 0;
    m_selectionEnd = request.isSelection
                         ? std::clamp(std::max(selectionStart, selectionEnd), 0, length)
                         : length;
    return send(request);
}

bool CodePanelController::retry() {
    if (!canRetry()) return false;
    return send(*m_lastRequest);
}

bool CodePanelController::send(const code_panel::TaskRequest& request) {
    if (!canRun()) {
        setNotice(m_chat->modelStatus() == ChatController::ModelStatus::Ready
                      ? tr("Wait until the current answer is finished.")
                      : tr("Open a model to run tasks."));
        return false;
    }
    setNotice({});
    ensureSession();
    saveDocumentNow();
    const QString prompt = code_panel::renderTaskPrompt(request);
    m_lastRequest = request;
    m_retryable = true;
    m_beforeApply = QString();
    m_answer.clear();
    m_answerStatus = tr("Waiting for the model…");
    m_tokensPerSecond = 0;
    m_proposal = {};
    m_showsProposal = code_panel::changesCode(request.task);
    m_diffRows.clear();
    m_sideBySideRows.clear();

    m_answerMessage = {};
    if (m_session != 0) {
        try {
            qint64 parent = 0;
            const QList<ChatMessage> branch = m_conversations->activeBranch(m_session);
            if (!branch.isEmpty()) parent = branch.last().id;
            ChatMessage question;
            question.role = ChatMessage::Role::user;
            question.text = prompt;
            question.created = QDateTime::currentDateTime();
            const ChatMessage stored = m_conversations->appendMessage(m_session, parent, question);
            m_answerMessage.role = ChatMessage::Role::assistant;
            m_answerMessage.state = ChatMessage::State::streaming;
            m_answerMessage.modelName = m_chat->model().value(QStringLiteral("name")).toString();
            m_answerMessage.created = QDateTime::currentDateTime();
            m_answerMessage = m_conversations->appendMessage(m_session, stored.id, m_answerMessage);
        } catch (const StoreError& error) {
            setNotice(tr("Could not save the code panel's session: %1").arg(error.message));
            m_answerMessage = {};
        }
    }
    if (m_answerMessage.id > 0) {
        try {
            m_sessions->saveTask(m_answerMessage.id, {request, m_selectionStart, m_selectionEnd});
        } catch (const StoreError& error) {
            setNotice(tr("Could not save the code panel's session: %1").arg(error.message));
        }
    }

    app::GenerationRequest generation;
    generation.turns = {app::ChatTurn{QStringLiteral("user"), prompt}};
    SamplingSettings* settings = m_chat->settings();
    generation.sampling = settings->samplingParams();
    generation.maxTokens = settings->maxTokens();
    generation.thinking = settings->thinking();
    generation.reasoningEffort = settings->reasoningEffort();
    m_requestId = m_worker->generate(generation);
    emit busyChanged();
    emit answerChanged();
    emit proposalChanged();
    return true;
}

void CodePanelController::stop() {
    if (busy()) m_worker->cancel();
}

void CodePanelController::onProgress(quint64 id, const app::GenerationUpdate& update) {
    if (id != m_requestId) return;
    m_answer = update.answer;
    if (update.firstTokenMs >= 0 && update.elapsedMs > update.firstTokenMs &&
        update.generatedTokens > 1)
        m_tokensPerSecond =
            (update.generatedTokens - 1) * 1000.0 / (update.elapsedMs - update.firstTokenMs);
    m_answerStatus = update.reasoningOpen ? tr("Thinking…") : tr("Answering…");
    if (m_answerMessage.id > 0) {
        m_answerMessage.text = update.answer;
        m_answerMessage.reasoning = update.reasoning;
        try {
            m_conversations->updateAnswer(m_session, m_answerMessage);
        } catch (const StoreError&) {
            // The store keeps trying; the final write reports a failure.
        }
    }
    emit answerChanged();
    updateProposal();
}

void CodePanelController::onFinished(quint64 id, const app::GenerationUpdate& update,
                                     const app::GenerationStats& stats) {
    if (id != m_requestId) return;
    m_requestId = 0;
    m_answer = update.answer;
    m_tokensPerSecond = stats.tokensPerSecond;
    const bool stopped = stats.stopReason == u"cancelled";
    m_answerStatus = finishedStatus(stopped, stats.generatedTokens, stats.tokensPerSecond);
    if (m_answerMessage.id > 0) {
        m_answerMessage.text = update.answer;
        m_answerMessage.reasoning = update.reasoning;
        m_answerMessage.state =
            stopped ? ChatMessage::State::stopped : ChatMessage::State::complete;
        m_answerMessage.stopReason = stats.stopReason;
        m_answerMessage.generatedTokens = stats.generatedTokens;
        m_answerMessage.promptTokens = stats.promptTokens;
        m_answerMessage.tokensPerSecond = stats.tokensPerSecond;
        m_answerMessage.firstTokenMs = stats.firstTokenMs;
        try {
            m_conversations->finishAnswer(m_session, m_answerMessage);
        } catch (const StoreError& error) {
            setNotice(tr("Could not save the code panel's session: %1").arg(error.message));
        }
    }
    emit busyChanged();
    emit answerChanged();
    updateProposal();
}

void CodePanelController::onFailed(quint64 id, const app::EngineError& error) {
    if (id == m_countId) {
        m_countId = 0;
        return;
    }
    if (id != m_requestId) return;
    m_requestId = 0;
    m_answerStatus = tr("Failed: %1").arg(error.message);
    if (m_answerMessage.id > 0) {
        m_answerMessage.state = ChatMessage::State::failed;
        m_answerMessage.error = error.message;
        try {
            m_conversations->finishAnswer(m_session, m_answerMessage);
        } catch (const StoreError&) {
        }
    }
    emit busyChanged();
    emit answerChanged();
}

void CodePanelController::updateProposal() {
    if (!m_lastRequest || !m_showsProposal) return;
    const code_panel::TaskRequest& request = *m_lastRequest;
    m_proposal = code_panel::extractProposedCode(
        m_answer, code_panel::expectedAnswerLanguage(request), request.code);
    m_proposedCode = code_panel::matchLineEndings(m_proposal.code, request.code);
    m_diffBase = request.code;
    m_diff = code_panel::diffCode(m_diffBase, m_proposedCode);
    const DiffRows rows = buildDiffRows(m_diff);
    m_diffRows = rows.unified;
    m_sideBySideRows = rows.sideBySide;
    emit proposalChanged();
}

bool CodePanelController::applyProposal(QQuickTextDocument* document) {
    return document && applyProposalTo(document->textDocument());
}

bool CodePanelController::applyProposalTo(QTextDocument* document) {
    if (!hasProposal() || !m_proposal.complete || !document) return false;
    const QString current = document->toPlainText();
    if (current.mid(m_selectionStart, m_selectionEnd - m_selectionStart) != m_diffBase ||
        (!m_lastRequest->isSelection && current != m_diffBase)) {
        setNotice(tr("The code changed since the task ran; run it again to apply its answer."));
        return false;
    }
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    cursor.setPosition(m_selectionStart);
    cursor.setPosition(m_selectionEnd, QTextCursor::KeepAnchor);
    cursor.insertText(m_proposedCode);
    cursor.endEditBlock();
    m_beforeApply = current;
    m_showsProposal = false;
    emit proposalChanged();
    setAnswerStatus(tr("Applied. Undo (Ctrl+Z) in the editor takes it back."));
    setCode(document->toPlainText());
    return true;
}

QString CodePanelController::unifiedDiffText() const {
    const QString name =
        fileName().isEmpty()
            ? QStringLiteral("code.") +
                  code_panel::extensionFor(code_panel::languageFor(m_document.language))
            : fileName();
    return code_panel::unifiedDiff(m_diff, QStringLiteral("a/") + name,
                                   QStringLiteral("b/") + name);
}

void CodePanelController::copyUnifiedDiff() const {
    if (hasProposal()) QGuiApplication::clipboard()->setText(unifiedDiffText());
}

void CodePanelController::copyProposedCode() const {
    if (hasProposal()) QGuiApplication::clipboard()->setText(m_proposedCode);
}

// --- tokens, chat, sessions -----------------------------------------------------------------

void CodePanelController::countTokens(int selectionStart, int selectionEnd) {
    m_countSelectionStart = selectionStart;
    m_countSelectionEnd = selectionEnd;
    if (m_chat->modelStatus() != ChatController::ModelStatus::Ready ||
        m_document.content.isEmpty()) {
        if (m_promptTokens != -1) {
            m_promptTokens = -1;
            emit tokensChanged();
        }
        return;
    }
    const code_panel::TaskRequest request =
        requestFor(CodeTask::explain, selectionStart, selectionEnd);
    m_countId = m_worker->countTokens(
        {app::ChatTurn{QStringLiteral("user"), code_panel::renderTaskPrompt(request)}});
}

void CodePanelController::onTokensCounted(quint64 id, int tokens) {
    if (id != m_countId) return;
    m_countId = 0;
    m_promptTokens = tokens;
    emit tokensChanged();
}

void CodePanelController::discussInChat() {
    if (m_document.content.trimmed().isEmpty()) return;
    QString name = fileName();
    if (name.isEmpty()) {
        const QString extension =
            code_panel::extensionFor(code_panel::languageFor(m_document.language));
        name =
            extension.isEmpty() ? QStringLiteral("code.txt") : QStringLiteral("code.") + extension;
    }
    m_chat->newConversation();
    emit discussRequested(TextAttachment::messageText(name, m_document.content));
}

bool CodePanelController::openSession(qint64 session) {
    if (session == m_sessionList.pendingDelete()) return false;
    if (busy()) {
        setNotice(tr("Wait until the current answer is finished."));
        return false;
    }
    std::optional<PanelDocument> document;
    try {
        document = m_sessions->document(session);
    } catch (const StoreError& error) {
        setNotice(tr("Could not read the code panel's session: %1").arg(error.message));
        return false;
    }
    if (!document) return false;
    if (m_saveTimer.isActive()) saveDocumentNow();
    const QVariantMap onDisk = document->filePath.isEmpty()
                                   ? QVariantMap{}
                                   : TextAttachment::read(QUrl::fromLocalFile(document->filePath),
                                                          TextAttachment::Purpose::open);
    m_fileContent = onDisk.value(QStringLiteral("ok")).toBool()
                        ? onDisk.value(QStringLiteral("text")).toString()
                        : QString();
    m_document = *document;
    m_session = session;
    writePreference(sessionKey, QString::number(session));
    clearAnswer();
    if (m_saveConflict) {
        m_saveConflict = false;
        emit saveConflictChanged();
    }
    try {
        const QList<ChatMessage> branch = m_conversations->activeBranch(session);
        if (!branch.isEmpty() && branch.last().role == ChatMessage::Role::assistant)
            restoreAnswer(branch.last());
    } catch (const StoreError&) {
        // The document is back; its answer stays in the store for the next try.
    }
    emit sessionChanged();
    emit documentChanged();
    emit answerChanged();
    updateProposal();
    if (!m_proposal.found) {
        m_showsProposal = false;
        emit proposalChanged();
    }
    emit busyChanged();
    m_countTimer.start();
    return true;
}

void CodePanelController::clearAnswer() {
    m_lastRequest.reset();
    m_retryable = false;
    m_beforeApply = QString();
    m_answer.clear();
    m_answerStatus.clear();
    m_tokensPerSecond = 0;
    m_proposal = {};
    m_showsProposal = false;
}

// The session's last answer with its task, so Retry and Apply work as before the restart.
// An answer stored before tasks were (schema version 5) has none: its proposal is looked for
// in the document's language against the whole code, and it cannot be retried.
void CodePanelController::restoreAnswer(const ChatMessage& answer) {
    m_answer = answer.text;
    m_tokensPerSecond = answer.tokensPerSecond;
    m_answerStatus = answer.state == ChatMessage::State::failed
                         ? tr("Failed: %1").arg(answer.error)
                         : finishedStatus(answer.state == ChatMessage::State::stopped,
                                          answer.generatedTokens, answer.tokensPerSecond);
    std::optional<PanelTask> task;
    try {
        task = m_sessions->task(answer.id);
    } catch (const StoreError&) {
    }
    if (task) {
        m_lastRequest = task->request;
        m_retryable = true;
        m_selectionStart = task->selectionStart;
        m_selectionEnd = task->selectionEnd;
        m_showsProposal = code_panel::changesCode(task->request.task);
        return;
    }
    code_panel::TaskRequest request = requestFor(CodeTask::instruction, 0, 0);
    request.detail = QStringLiteral("(restored)");
    m_lastRequest = request;
    m_retryable = false;
    m_selectionStart = 0;
    m_selectionEnd = int(m_document.content.size());
    m_showsProposal = true;
}

bool CodePanelController::deleteSession(qint64 session) {
    const bool shown = session != 0 && session == m_session;
    if (shown && busy()) {
        setNotice(tr("Wait until the current answer is finished."));
        return false;
    }
    if (shown && m_saveTimer.isActive()) saveDocumentNow();
    if (!m_sessionList.remove(session)) return false;
    if (shown) newDocument();
    m_deletedShownSession = shown ? session : 0;
    return true;
}

void CodePanelController::undoDeleteSession() {
    const qint64 session = m_sessionList.undo();
    if (session != 0 && session == std::exchange(m_deletedShownSession, 0)) openSession(session);
}

void CodePanelController::restore() {
    const auto read = [this](const char* key) -> std::optional<QString> {
        try {
            return m_preferences->value(QString::fromLatin1(key));
        } catch (const StoreError&) {
            return std::nullopt;
        }
    };
    m_visible = read(visibleKey).value_or(QStringLiteral("0")) == u"1";
    bool ok = false;
    const int width = read(widthKey).value_or(QString()).toInt(&ok);
    if (ok) m_width = std::max(width, minimumWidth);
    const qint64 session = read(sessionKey).value_or(QString()).toLongLong(&ok);
    if (ok && session > 0) openSession(session);
}

} // namespace conclave::ui
