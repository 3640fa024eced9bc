#pragma once
// SamplingSettings: how answers are generated (system prompt, temperature, top-k, top-p,
// min-p, repetition penalty, max tokens, seed) and the context length and thread count used at
// the next model load. Edited in the settings drawer; read by the ChatController for each request. In
// memory for now (persisted through storage/ later). GUI thread only; values are clamped to
// their valid ranges on assignment.

#include "conclave/sampling.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QString>

namespace conclave::ui {

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
public:
    explicit SamplingSettings(QObject* parent = nullptr);

    QString systemPrompt() const { return m_systemPrompt; }
    double temperature() const { return m_temperature; }
    int topK() const { return m_topK; }
    double topP() const { return m_topP; }
    double minP() const { return m_minP; }
    double repeatPenalty() const { return m_repeatPenalty; }
    int maxTokens() const { return m_maxTokens; }
    int seed() const { return m_seed; } // < 0: a new random seed for every answer
    int contextLength() const { return m_contextLength; }
    int threads() const { return m_threads; } // 0: one per hardware thread; used at load

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

    Q_INVOKABLE void resetToDefaults();

    // The engine's parameters; a random seed is drawn here when seed() < 0.
    conclave::SamplingParams samplingParams() const;

signals:
    void changed();

private:
    template <typename T> void assign(T& member, T value);

    QString m_systemPrompt;
    double m_temperature = 0.7;
    int m_topK = 40;
    double m_topP = 0.95;
    double m_minP = 0.05;
    double m_repeatPenalty = 1.1;
    int m_maxTokens = 1024;
    int m_seed = -1;
    int m_contextLength = 4096;
    int m_threads = 0;
};

} // namespace conclave::ui
