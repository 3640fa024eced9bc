#include "sampling_settings.h"

#include <QRandomGenerator>
#include <algorithm>
#include <utility>

namespace conclave::ui {

SamplingSettings::SamplingSettings(QObject* parent) : QObject(parent) {}

QStringList SamplingSettings::effortLevels() {
    // The words of the templates that read reasoning_effort (gpt-oss); shown translated.
    return {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")};
}

QStringList SamplingSettings::backends() {
    return {QStringLiteral("cpu"), QStringLiteral("vulkan")};
}

SamplingValues SamplingSettings::clamped(SamplingValues v) {
    v.temperature = std::clamp(v.temperature, 0.0, 2.0);
    v.topK = std::clamp(v.topK, 0, 1000);
    v.topP = std::clamp(v.topP, 0.0, 1.0);
    v.minP = std::clamp(v.minP, 0.0, 1.0);
    v.repeatPenalty = std::clamp(v.repeatPenalty, 1.0, 2.0);
    v.maxTokens = std::clamp(v.maxTokens, 1, 1 << 20);
    v.seed = std::max(v.seed, -1);
    v.contextLength = std::clamp(v.contextLength, 256, 1 << 20);
    v.threads = std::clamp(v.threads, 0, 1024);
    // "cuda" may be stored by a build with CUDA; this one offers the CPU and Vulkan only.
    if (!backends().contains(v.backend)) v.backend = QStringLiteral("cpu");
    v.gpuBudgetMiB = std::clamp(v.gpuBudgetMiB, 0, 1 << 24); // up to 16 TiB
    if (!effortLevels().contains(v.reasoningEffort)) v.reasoningEffort = QStringLiteral("medium");
    return v;
}

void SamplingSettings::setValues(const SamplingValues& values) {
    const SamplingValues next = clamped(values);
    if (next == m_values) return;
    m_values = next;
    emit changed();
}

void SamplingSettings::setReasoningSupport(bool thinking, bool effort) {
    if (thinking == m_thinkingSupported && effort == m_effortSupported) return;
    m_thinkingSupported = thinking;
    m_effortSupported = effort;
    emit supportChanged();
}

void SamplingSettings::setGpuAvailability(bool available, const QString& reason) {
    const QString why = available ? QString() : reason;
    if (available == m_gpuAvailable && why == m_gpuUnavailableReason) return;
    m_gpuAvailable = available;
    m_gpuUnavailableReason = why;
    emit gpuAvailabilityChanged();
}

// Each setter changes one field and goes through setValues, so clamping lives in one place.
template <typename T> void SamplingSettings::assign(T SamplingValues::*field, T value) {
    SamplingValues next = m_values;
    next.*field = std::move(value);
    setValues(next);
}

void SamplingSettings::setSystemPrompt(const QString& value) {
    assign(&SamplingValues::systemPrompt, value);
}
void SamplingSettings::setTemperature(double value) {
    assign(&SamplingValues::temperature, value);
}
void SamplingSettings::setTopK(int value) {
    assign(&SamplingValues::topK, value);
}
void SamplingSettings::setTopP(double value) {
    assign(&SamplingValues::topP, value);
}
void SamplingSettings::setMinP(double value) {
    assign(&SamplingValues::minP, value);
}
void SamplingSettings::setRepeatPenalty(double value) {
    assign(&SamplingValues::repeatPenalty, value);
}
void SamplingSettings::setMaxTokens(int value) {
    assign(&SamplingValues::maxTokens, value);
}
void SamplingSettings::setSeed(int value) {
    assign(&SamplingValues::seed, value);
}
void SamplingSettings::setContextLength(int value) {
    assign(&SamplingValues::contextLength, value);
}
void SamplingSettings::setThreads(int value) {
    assign(&SamplingValues::threads, value);
}
void SamplingSettings::setBackend(const QString& value) {
    assign(&SamplingValues::backend, value);
}
void SamplingSettings::setGpuBudgetMiB(int value) {
    assign(&SamplingValues::gpuBudgetMiB, value);
}
void SamplingSettings::setThinking(bool value) {
    assign(&SamplingValues::thinking, value);
}
void SamplingSettings::setReasoningEffort(const QString& value) {
    assign(&SamplingValues::reasoningEffort, value);
}

void SamplingSettings::resetToDefaults() {
    setValues(m_defaults);
}

conclave::SamplingParams SamplingSettings::samplingParams() const {
    conclave::SamplingParams params;
    params.temperature = static_cast<float>(m_values.temperature);
    params.top_k = m_values.topK;
    params.top_p = static_cast<float>(m_values.topP);
    params.min_p = static_cast<float>(m_values.minP);
    params.repetition_penalty = static_cast<float>(m_values.repeatPenalty);
    params.seed = m_values.seed >= 0 ? static_cast<std::uint64_t>(m_values.seed)
                                     : QRandomGenerator::global()->generate64();
    return params;
}

conclave::ComputeBackend SamplingSettings::computeBackend() const {
    return m_values.backend == QLatin1String("vulkan") ? conclave::ComputeBackend::vulkan
                                                       : conclave::ComputeBackend::cpu;
}

std::uint64_t SamplingSettings::gpuBudgetBytes() const {
    return static_cast<std::uint64_t>(m_values.gpuBudgetMiB) << 20;
}

} // namespace conclave::ui
