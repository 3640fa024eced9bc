#pragma once
// The value types that cross between the GUI thread and the EngineWorker's thread: requests
// going in and results, progress and errors coming back through queued signals. Plain
// copyable data (Q_GADGETs so QML can read them and queued connections can carry them); no
// pointers into the engine, so nothing is shared between the threads.

#include "conclave/result.h"
#include "conclave/sampling.h"
#include "conclave/session.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace conclave::app {

// A typed engine error: the engine's ErrorCode (see conclave/result.h) and a message a user
// can act on.
struct EngineError {
    Q_GADGET
    Q_PROPERTY(int code MEMBER code)
    Q_PROPERTY(QString codeName MEMBER codeName)
    Q_PROPERTY(QString message MEMBER message)
public:
    int code = 0; // conclave::ErrorCode
    QString codeName;
    QString message;

    static EngineError from(const conclave::Error& error);
    static EngineError make(conclave::ErrorCode code, const QString& message);
};

// Sampling values recommended by the model file (GGUF general.sampling.*); unset where the
// file says nothing.
struct SamplingDefaults {
    std::optional<double> temperature;
    std::optional<int> topK;
    std::optional<double> topP;
    std::optional<double> minP;
    std::optional<double> repeatPenalty;
};

// What the UI shows about the loaded model.
struct ModelSummary {
    Q_GADGET
    Q_PROPERTY(QString path MEMBER path)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString architecture MEMBER architecture)
    Q_PROPERTY(QString parameters MEMBER parameters)
    Q_PROPERTY(QString quantMix MEMBER quantMix)
    Q_PROPERTY(int trainedContext MEMBER trainedContext)
    Q_PROPERTY(int contextSize MEMBER contextSize)
    Q_PROPERTY(qint64 fileBytes MEMBER fileBytes)
    Q_PROPERTY(int expertCount MEMBER expertCount)
    Q_PROPERTY(int expertsUsed MEMBER expertsUsed)
    Q_PROPERTY(bool hasChatTemplate MEMBER hasChatTemplate)
    Q_PROPERTY(QString backendName MEMBER backendName)
    Q_PROPERTY(QString backendNote MEMBER backendNote)
    Q_PROPERTY(QStringList placement MEMBER placement)
public:
    QString path;
    QString name;         // general.name, else the file name
    QString architecture; // "llama", "qwen3moe", ...
    QString parameters;   // "135M", "30B (3.3B active)"
    QString quantMix;     // "Q4_1", "Q4_K 71% · Q6_K 29%"
    int trainedContext = 0;
    int contextSize = 0;  // the session's n_ctx
    qint64 fileBytes = 0;
    int expertCount = 0;
    int expertsUsed = 0;
    bool hasChatTemplate = false;
    // Where the session runs (Session::backend_name(): "cpu", "vulkan"), why the GPU asked
    // for is not (fully) used (empty when it is, or when the CPU was asked for), and what is
    // on the GPU and on the CPU (the engine's lines, the device first; empty on the CPU).
    // The engine's words, in English.
    QString backendName;
    QString backendNote;
    QStringList placement;
    bool thinkingSwitch = false; // the chat template lets thinking be turned on and off
    bool effortChoice = false;   // the chat template reads a reasoning effort
    SamplingDefaults recommendedSampling;
    qint64 parameterCount = 0;       // for the model library
    qint64 activeParameterCount = 0; // per token; equals parameterCount for dense models
};

struct LoadRequest {
    QString path;
    int contextSize = 4096; // clamped by the engine to the model's trained context
    int threads = 0;        // 0: one per hardware thread
    conclave::ComputeBackend backend = conclave::ComputeBackend::cpu;
    quint64 gpuBudgetBytes = 0; // 0: the GPU's free memory less a margin
    // The Vulkan device (the probe's index, see gpu_availability.h); -1: the best one. An
    // index the machine lacks runs on the CPU with a note. Ignored on the CPU backend.
    int gpuDevice = -1;
};

struct ChatTurn {
    QString role; // "system", "user", "assistant"
    QString content;
};

struct GenerationRequest {
    QList<ChatTurn> turns; // the conversation so far, ending with the user's message
    conclave::SamplingParams sampling;
    int maxTokens = 1024;
    // Passed to the chat template where it reads them (see reasoning_options.h).
    bool thinking = true;
    QString reasoningEffort; // "low", "medium", "high"; empty: medium
};

// The answer so far. Sent about once per frame while streaming and once at the end.
struct GenerationUpdate {
    QString answer;
    QString reasoning;
    bool reasoningOpen = false; // still thinking
    int generatedTokens = 0;
    double elapsedMs = 0.0;     // since the request started running
    double firstTokenMs = -1.0; // time to the first generated token; < 0 before it
};

struct GenerationStats {
    QString stopReason;      // conclave::stop_reason_name(): "end_of_generation", "cancelled", ...
    int promptTokens = 0;    // tokens of the rendered conversation
    int promptEvaluated = 0; // of which computed (the rest came from the cache)
    int generatedTokens = 0;
    double promptMs = 0.0;
    double generateMs = 0.0;
    double firstTokenMs = 0.0;
    double tokensPerSecond = 0.0;
    int contextUsed = 0;     // tokens the session's cache holds afterwards
    int contextSize = 0;
    QString warning;         // e.g. the chat template fallback
    // What the answer was generated with (a random seed as drawn), so it can be reproduced:
    // the request's sampling, token limit and reasoning choices.
    conclave::SamplingParams sampling;
    int maxTokens = 0;
    bool thinking = true;
    QString reasoningEffort;
};

} // namespace conclave::app

Q_DECLARE_METATYPE(conclave::app::LoadRequest)
Q_DECLARE_METATYPE(conclave::app::ChatTurn)
Q_DECLARE_METATYPE(conclave::app::GenerationRequest)
Q_DECLARE_METATYPE(conclave::app::GenerationUpdate)
Q_DECLARE_METATYPE(conclave::app::GenerationStats)
