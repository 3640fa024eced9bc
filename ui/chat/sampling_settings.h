#pragma once
// SamplingSettings: the loaded model's settings — how answers are generated (system prompt,
// temperature, top-k, top-p, min-p, repetition penalty, max tokens, seed, thinking on/off and
// reasoning effort where the model's chat template offers them) and what is used when the
// model loads: context length, threads, where it runs (CPU or GPU through Vulkan) and the
// GPU memory budget. Edited in the settings drawer; read by the
// ChatController for each request. ModelPreferences fills it from storage when a model
// loads and saves what the user changes. GUI thread only; values are clamped to their valid
// ranges on assignment.
//
// `defaults()` are the loaded model's defaults (the engine's sampling defaults, overridden
// by the values the model file recommends); resetToDefaults() returns to them.

#include "conclave/sampling.h"
#include "conclave/session.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <cstdint>

namespace conclave::ui {

// Every value of SamplingSettings, as plain data.
struct SamplingValues {
    QString systemPrompt;
    double temperature = conclave::SamplingParams{}.temperature;
    int topK = conclave::SamplingParams{}.top_k;
    double topP = conclave::SamplingParams{}.top_p;
    double minP = conclave::SamplingParams{}.min_p;
    double repeatPenalty = conclave::SamplingParams{}.repetition_penalty;
    int maxTokens = 1024;
    int seed = -1; // < 0: a new random seed for every answer
    int contextLength = 4096;
    int threads = 0; // 0: one per hardware thread
    QString backend = QStringLiteral("cpu"); // "cpu" or "vulkan", as stored (model_store.h)
    int gpuBudgetMiB = 0;                    // 0: the GPU's free memory less a margin
    bool thinking = true;
    QString reasoningEffort = QStringLiteral("medium");

    bool operator==(const SamplingValues&) const = default;
};

class SamplingSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("created by the ChatController")
    Q_PROPERTY(QString systemPrompt READ systemPrompt WRITE setSystemPrompt NOTIFY changed)
    Q_PROPERTY(double temperature READ temperature WRITE setTemperature NOTIFY changed)
    Q_PROPERTY(int topK READ topK WRITE setTopK NOTIFY changed)
    Q_PROPERTY(double topP READ topP WRITE setTopP NOTIFY changed)
    Q_PROPERTY(double minP READ minP WRITE setMinP NOTIFY changed)
    Q_PROPERTY(double repeatPenalty READ repeatPenalty WRITE setRepeatPenalty NOTIFY changed)
    Q_PROPERTY(int maxTokens READ maxTokens WRITE setMaxTokens NOTIFY changed)
    Q_PROPERTY(int seed READ seed WRITE setSeed NOTIFY changed)
    Q_PROPERTY(int contextLength READ contextLength WRITE setContextLength NOTIFY changed)
    Q_PROPERTY(int threads READ threads WRITE setThreads NOTIFY changed)
    Q_PROPERTY(QString backend READ backend WRITE setBackend NOTIFY changed)
    Q_PROPERTY(int gpuBudgetMiB READ gpuBudgetMiB WRITE setGpuBudgetMiB NOTIFY changed)
    Q_PROPERTY(bool gpuAvailable READ gpuAvailable NOTIFY gpuAvailabilityChanged)
    Q_PROPERTY(QString gpuUnavailableReason READ gpuUnavailableReason NOTIFY gpuAvailabilityChanged)
    Q_PROPERTY(bool thinking READ thinking WRITE setThinking NOTIFY changed)
    Q_PROPERTY(QString reasoningEffort READ reasoningEffort WRITE setReasoningEffort NOTIFY changed)
    Q_PROPERTY(bool thinkingSupported READ thinkingSupported NOTIFY supportChanged)
    Q_PROPERTY(bool effortSupported READ effortSupported NOTIFY supportChanged)
    Q_PROPERTY(QStringList effortLevels READ effortLevels CONSTANT)
    Q_PROPERTY(bool atDefaults READ atDefaults NOTIFY changed)
public:
    explicit SamplingSettings(QObject* parent = nullptr);

    const SamplingValues& values() const { return m_values; }
    // Sets every value (clamped) with one changed() signal.
    void setValues(const SamplingValues& values);
    const SamplingValues& defaults() const { return m_defaults; }
    void setDefaults(const SamplingValues& defaults) { m_defaults = clamped(defaults); }
    // What the loaded model's chat template offers (see app/reasoning_options.h).
    void setReasoningSupport(bool thinking, bool effort);
    // Whether this machine can run models on the GPU (the composition root probes Vulkan at
    // start); when it cannot, `reason` says why. The choice stays as saved either way: a
    // model saved for the GPU runs on the CPU here and the engine says so when it loads.
    void setGpuAvailability(bool available, const QString& reason);

    QString systemPrompt() const { return m_values.systemPrompt; }
    double temperature() const { return m_values.temperature; }
    int topK() const { return m_values.topK; }
    double topP() const { return m_values.topP; }
    double minP() const { return m_values.minP; }
    double repeatPenalty() const { return m_values.repeatPenalty; }
    int maxTokens() const { return m_values.maxTokens; }
    int seed() const { return m_values.seed; }
    int contextLength() const { return m_values.contextLength; }
    int threads() const { return m_values.threads; }
    QString backend() const { return m_values.backend; }
    int gpuBudgetMiB() const { return m_values.gpuBudgetMiB; }
    bool gpuAvailable() const { return m_gpuAvailable; }
    QString gpuUnavailableReason() const { return m_gpuUnavailableReason; }
    static QStringList backends();
    bool thinking() const { return m_values.thinking; }
    QString reasoningEffort() const { return m_values.reasoningEffort; }
    bool thinkingSupported() const { return m_thinkingSupported; }
    bool effortSupported() const { return m_effortSupported; }
    static QStringList effortLevels();
    bool atDefaults() const { return m_values == m_defaults; }

    void setSystemPrompt(const QString& value);
    void setTemperature(double value);
    void setTopK(int value);
    void setTopP(double value);
    void setMinP(double value);
    void setRepeatPenalty(double value);
    void setMaxTokens(int value);
    void setSeed(int value);
    void setContextLength(int value);
    void setThreads(int value);
    void setBackend(const QString& value);
    void setGpuBudgetMiB(int value);
    void setThinking(bool value);
    void setReasoningEffort(const QString& value);

    // Back to defaults(): the model's own values.
    Q_INVOKABLE void resetToDefaults();

    // The engine's parameters; a random seed is drawn here when seed() < 0.
    conclave::SamplingParams samplingParams() const;
    // The engine's backend and budget for the load request.
    conclave::ComputeBackend computeBackend() const;
    std::uint64_t gpuBudgetBytes() const;

signals:
    void changed();
    void supportChanged();
    void gpuAvailabilityChanged();

private:
    static SamplingValues clamped(SamplingValues values);
    template <typename T> void assign(T SamplingValues::*field, T value);

    SamplingValues m_values;
    SamplingValues m_defaults;
    bool m_thinkingSupported = false;
    bool m_effortSupported = false;
    bool m_gpuAvailable = false;
    QString m_gpuUnavailableReason;
};

} // namespace conclave::ui
