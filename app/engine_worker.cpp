#include "engine_worker.h"

#include "engine_chat.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>

#include <algorithm>
#include <string>
#include <vector>

Q_LOGGING_CATEGORY(lcEngine, "conclave.engine", QtInfoMsg)

namespace conclave::app {
namespace {

QString fromUtf8(const std::string& text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

std::vector<ChatTurnText> toEngineTurns(const QList<ChatTurn>& turns) {
    std::vector<ChatTurnText> out;
    out.reserve(static_cast<std::size_t>(turns.size()));
    for (const ChatTurn& turn : turns) out.push_back({turn.role.toStdString(), turn.content.toStdString()});
    return out;
}

SamplingDefaults toDefaults(const RecommendedSampling& r) {
    SamplingDefaults d;
    d.temperature = r.temperature;
    d.topK = r.top_k;
    d.topP = r.top_p;
    d.minP = r.min_p;
    d.repeatPenalty = r.repetition_penalty;
    return d;
}

ReasoningChoice toChoice(const GenerationRequest& request) {
    ReasoningChoice choice;
    choice.thinking = request.thinking;
    if (!request.reasoningEffort.isEmpty()) choice.effort = request.reasoningEffort.toStdString();
    return choice;
}

ModelSummary summarize(const conclave::Model& model, const QString& path, int contextSize,
                       const ReasoningControls& reasoning) {
    const conclave::ModelInfo& info = model.info();
    ModelSummary summary;
    summary.path = path;
    summary.name = info.name.empty() ? QFileInfo(path).completeBaseName() : fromUtf8(info.name);
    summary.architecture = fromUtf8(info.architecture);
    summary.parameters = fromUtf8(describe_parameters(info));
    summary.parameterCount = static_cast<qint64>(info.n_params);
    summary.activeParameterCount = static_cast<qint64>(info.n_params_active ? info.n_params_active : info.n_params);
    summary.quantMix = fromUtf8(describe_quant_mix(model));
    summary.trainedContext = info.context_length;
    summary.contextSize = contextSize;
    summary.fileBytes = static_cast<qint64>(info.file_bytes);
    summary.expertCount = static_cast<int>(info.n_expert);
    summary.expertsUsed = static_cast<int>(info.n_expert_used);
    summary.hasChatTemplate = info.has_chat_template;
    summary.thinkingSwitch = !reasoning.thinking_variable.empty();
    summary.effortChoice = !reasoning.effort_variable.empty();
    summary.recommendedSampling = toDefaults(recommended_sampling(model));
    return summary;
}

// Where the session runs now; true when that changed (a device lost mid-answer moves it to
// the CPU).
bool describeBackend(ModelSummary& summary, const conclave::Session& session) {
    const QString name = QString::fromUtf8(session.backend_name().data(),
                                           static_cast<qsizetype>(session.backend_name().size()));
    const QString note = fromUtf8(session.backend_note());
    QStringList placement;
    for (const std::string& line : session.placement_report()) placement.append(fromUtf8(line));
    if (name == summary.backendName && note == summary.backendNote &&
        placement == summary.placement)
        return false;
    summary.backendName = name;
    summary.backendNote = note;
    summary.placement = placement;
    return true;
}

} // namespace

EngineWorker::EngineWorker(QObject* parent) : QObject(parent) {}

EngineWorker::~EngineWorker() {
    m_session.reset();
    m_model.reset();
}

quint64 EngineWorker::loadModel(const LoadRequest& request) {
    const quint64 id = nextId();
    QMetaObject::invokeMethod(this, [this, id, request] { runLoad(id, request); }, Qt::QueuedConnection);
    return id;
}

quint64 EngineWorker::unloadModel() {
    const quint64 id = nextId();
    QMetaObject::invokeMethod(this, [this, id] { runUnload(id); }, Qt::QueuedConnection);
    return id;
}

quint64 EngineWorker::generate(const GenerationRequest& request) {
    const quint64 id = nextId();
    QMetaObject::invokeMethod(this, [this, id, request] { runGenerate(id, request); }, Qt::QueuedConnection);
    return id;
}

quint64 EngineWorker::countTokens(const QList<ChatTurn>& turns) {
    const quint64 id = nextId();
    QMetaObject::invokeMethod(this, [this, id, turns] { runCountTokens(id, turns); }, Qt::QueuedConnection);
    return id;
}

void EngineWorker::cancel() {
    const quint64 last = m_nextId.load() - 1;
    quint64 current = m_cancelledThrough.load();
    while (current < last && !m_cancelledThrough.compare_exchange_weak(current, last)) {
    }
    const std::lock_guard lock(m_activeMutex);
    if (m_activeSession) m_activeSession->request_cancel();
}

void EngineWorker::setActiveSession(conclave::Session* session) {
    const std::lock_guard lock(m_activeMutex);
    m_activeSession = session;
}

void EngineWorker::runLoad(quint64 id, const LoadRequest& request) {
    if (isCancelled(id)) {
        emit requestFailed(id, EngineError::make(ErrorCode::cancelled, tr("Loading was cancelled.")));
        return;
    }
    // Release the old model first so two models are never in memory at once.
    m_session.reset();
    m_model.reset();

    QElapsedTimer sinceProgress;
    double lastFraction = -1.0;
    conclave::LoadOptions options;
    options.progress = [&](float fraction) {
        if (!sinceProgress.isValid() || sinceProgress.elapsed() >= frameIntervalMs || fraction >= 1.0f) {
            if (fraction != lastFraction) emit loadProgress(id, fraction);
            lastFraction = fraction;
            sinceProgress.restart();
        }
        return !isCancelled(id);
    };
    emit loadProgress(id, 0.0);
    auto model = conclave::Model::load(request.path.toStdString(), options);
    if (!model) {
        qCInfo(lcEngine) << "load failed:" << request.path << model.error().message.c_str();
        emit requestFailed(id, EngineError::from(model.error()));
        return;
    }
    conclave::SessionOptions sessionOptions;
    sessionOptions.n_ctx = request.contextSize;
    sessionOptions.n_threads = request.threads;
    sessionOptions.backend = request.backend;
    sessionOptions.gpu_budget = request.gpuBudgetBytes;
    sessionOptions.gpu_device = request.gpuDevice;
    auto session = conclave::Session::create(**model, sessionOptions);
    if (!session) {
        emit requestFailed(id, EngineError::from(session.error()));
        return;
    }
    m_model = std::move(*model);
    m_session = std::move(*session);
    m_reasoning = reasoning_controls(m_model->chat_template());
    m_summary = summarize(*m_model, request.path, m_session->n_ctx(), m_reasoning);
    describeBackend(m_summary, *m_session);
    qCInfo(lcEngine) << "loaded" << m_summary.name << "n_ctx" << m_summary.contextSize << "on"
                     << m_summary.backendName << m_summary.backendNote;
    emit modelLoaded(id, m_summary);
}

void EngineWorker::runUnload(quint64 id) {
    m_session.reset();
    m_model.reset();
    m_summary = {};
    m_reasoning = {};
    emit modelUnloaded(id);
}

GenerationUpdate EngineWorker::makeUpdate(const std::string& generated, bool startsInReasoning) const {
    const ReasoningText split = split_reasoning_text(*m_model, generated, startsInReasoning);
    GenerationUpdate update;
    update.answer = fromUtf8(split.answer);
    update.reasoning = fromUtf8(split.reasoning);
    update.reasoningOpen = split.reasoning_open;
    return update;
}

void EngineWorker::runGenerate(quint64 id, const GenerationRequest& request) {
    if (isCancelled(id)) {
        GenerationStats stats;
        stats.stopReason = QString::fromUtf8(conclave::stop_reason_name(conclave::StopReason::cancelled));
        emit generationFinished(id, {}, stats);
        return;
    }
    if (!m_session) {
        emit requestFailed(id, EngineError::make(ErrorCode::invalid_argument, tr("No model is loaded. Open a GGUF model file first.")));
        return;
    }
    auto prompt = render_chat(*m_model, toEngineTurns(request.turns), m_reasoning, toChoice(request));
    if (!prompt) {
        emit requestFailed(id, EngineError::from(prompt.error()));
        return;
    }
    const int promptTokens = static_cast<int>(prompt->tokens.size());
    if (promptTokens >= m_session->n_ctx()) {
        emit requestFailed(id, EngineError::make(ErrorCode::invalid_argument,
            tr("The conversation (%1 tokens) no longer fits in the context of %2 tokens. "
               "Start a new chat, or raise the context length in the settings.")
                .arg(promptTokens).arg(m_session->n_ctx())));
        return;
    }
    emit generationStarted(id, promptTokens);

    conclave::GenerateOptions options;
    options.sampling = request.sampling;
    options.max_tokens = std::max(1, request.maxTokens);
    options.stop_tokens = end_of_generation_tokens(*m_model);

    std::string generated;
    int generatedTokens = 0;
    double firstTokenMs = -1.0;
    QElapsedTimer running;
    running.start();
    QElapsedTimer sinceUpdate;
    bool pending = false;
    const auto publish = [&] {
        GenerationUpdate update = makeUpdate(generated, prompt->starts_in_reasoning);
        update.generatedTokens = generatedTokens;
        update.firstTokenMs = firstTokenMs;
        update.elapsedMs = static_cast<double>(running.elapsed());
        emit generationProgress(id, update);
        sinceUpdate.restart();
        pending = false;
    };

    setActiveSession(m_session.get());
    auto result = m_session->generate(prompt->tokens, options, [&](const conclave::GeneratedPiece& piece) {
        if (piece.token >= 0) {
            ++generatedTokens;
            if (firstTokenMs < 0) firstTokenMs = piece.ms;
        }
        if (!piece.text.empty()) {
            generated.append(piece.text);
            pending = true;
        }
        if (isCancelled(id)) return false;
        if (pending && (!sinceUpdate.isValid() || sinceUpdate.elapsed() >= frameIntervalMs)) publish();
        return true;
    });
    setActiveSession(nullptr);
    if (describeBackend(m_summary, *m_session)) emit backendChanged(m_summary);
    if (!result) {
        emit requestFailed(id, EngineError::from(result.error()));
        return;
    }

    // The result's text is authoritative: it excludes a matched stop string.
    GenerationUpdate final = makeUpdate(result->text, prompt->starts_in_reasoning);
    final.generatedTokens = static_cast<int>(result->tokens.size());
    final.firstTokenMs = result->tokens.empty() ? -1.0 : result->first_token_ms;
    final.elapsedMs = static_cast<double>(running.elapsed());
    final.reasoningOpen = false;

    GenerationStats stats;
    conclave::StopReason reason = result->stop_reason;
    if (reason == conclave::StopReason::callback) reason = conclave::StopReason::cancelled; // our callback stops only on cancel
    stats.stopReason = QString::fromUtf8(conclave::stop_reason_name(reason));
    stats.promptTokens = result->n_prompt;
    stats.promptEvaluated = result->n_prompt_evaluated;
    stats.generatedTokens = final.generatedTokens;
    stats.promptMs = result->prompt_ms;
    stats.generateMs = result->generate_ms;
    stats.firstTokenMs = result->first_token_ms;
    stats.tokensPerSecond = (result->tokens.size() > 1 && result->generate_ms > 0)
                                ? 1000.0 * static_cast<double>(result->tokens.size() - 1) / result->generate_ms
                                : 0.0;
    stats.contextUsed = static_cast<int>(m_session->cached_tokens().size());
    stats.contextSize = m_session->n_ctx();
    stats.warning = fromUtf8(prompt->warning);
    stats.sampling = request.sampling;
    stats.maxTokens = request.maxTokens;
    stats.thinking = request.thinking;
    stats.reasoningEffort = request.reasoningEffort;
    emit generationFinished(id, final, stats);
}

void EngineWorker::runCountTokens(quint64 id, const QList<ChatTurn>& turns) {
    if (!m_model) {
        emit requestFailed(id, EngineError::make(ErrorCode::invalid_argument, tr("No model is loaded.")));
        return;
    }
    auto prompt = render_chat(*m_model, toEngineTurns(turns), m_reasoning, ReasoningChoice{});
    if (!prompt) {
        emit requestFailed(id, EngineError::from(prompt.error()));
        return;
    }
    emit tokensCounted(id, static_cast<int>(prompt->tokens.size()));
}

} // namespace conclave::app
