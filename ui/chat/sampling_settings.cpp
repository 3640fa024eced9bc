#include "sampling_settings.h"

#include <QRandomGenerator>

#include <algorithm>

namespace conclave::ui {

SamplingSettings::SamplingSettings(QObject* parent) : QObject(parent) {}

template <typename T> void SamplingSettings::assign(T& member, T value) {
    if (member == value) return;
    member = value;
    emit changed();
}

void SamplingSettings::setSystemPrompt(const QString& value) { assign(m_systemPrompt, value); }
void SamplingSettings::setTemperature(double value) { assign(m_temperature, std::clamp(value, 0.0, 2.0)); }
void SamplingSettings::setTopK(int value) { assign(m_topK, std::clamp(value, 0, 1000)); }
void SamplingSettings::setTopP(double value) { assign(m_topP, std::clamp(value, 0.0, 1.0)); }
void SamplingSettings::setMinP(double value) { assign(m_minP, std::clamp(value, 0.0, 1.0)); }
void SamplingSettings::setRepeatPenalty(double value) { assign(m_repeatPenalty, std::clamp(value, 1.0, 2.0)); }
void SamplingSettings::setMaxTokens(int value) { assign(m_maxTokens, std::clamp(value, 1, 1 << 20)); }
void SamplingSettings::setSeed(int value) { assign(m_seed, std::max(value, -1)); }
void SamplingSettings::setContextLength(int value) { assign(m_contextLength, std::clamp(value, 256, 1 << 20)); }

void SamplingSettings::setThreads(int value) { assign(m_threads, std::clamp(value, 0, 1024)); }

void SamplingSettings::resetToDefaults() {
    const SamplingSettings defaults;
    setSystemPrompt(defaults.m_systemPrompt);
    setTemperature(defaults.m_temperature);
    setTopK(defaults.m_topK);
    setTopP(defaults.m_topP);
    setMinP(defaults.m_minP);
    setRepeatPenalty(defaults.m_repeatPenalty);
    setMaxTokens(defaults.m_maxTokens);
    setSeed(defaults.m_seed);
    setContextLength(defaults.m_contextLength);
    setThreads(defaults.m_threads);
}

conclave::SamplingParams SamplingSettings::samplingParams() const {
    conclave::SamplingParams params;
    params.temperature = static_cast<float>(m_temperature);
    params.top_k = m_topK;
    params.top_p = static_cast<float>(m_topP);
    params.min_p = static_cast<float>(m_minP);
    params.repetition_penalty = static_cast<float>(m_repeatPenalty);
    params.seed = m_seed >= 0 ? static_cast<std::uint64_t>(m_seed) : QRandomGenerator::global()->generate64();
    return params;
}

} // namespace conclave::ui
