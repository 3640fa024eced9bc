#include "preference_store.h"

namespace conclave::ui {
namespace {

template <typename T> void take(T& target, const std::optional<T>& value) {
    if (value) target = *value;
}

template <typename T> std::optional<T> differing(const T& value, const T& fallback) {
    return value == fallback ? std::nullopt : std::optional<T>(value);
}

} // namespace

SamplingValues applyOverrides(const SamplingValues& defaults, const ModelOverrides& o) {
    SamplingValues v = defaults;
    take(v.systemPrompt, o.systemPrompt);
    take(v.temperature, o.temperature);
    take(v.topK, o.topK);
    take(v.topP, o.topP);
    take(v.minP, o.minP);
    take(v.repeatPenalty, o.repeatPenalty);
    take(v.maxTokens, o.maxTokens);
    take(v.seed, o.seed);
    take(v.contextLength, o.contextLength);
    take(v.threads, o.threads);
    take(v.backend, o.backend);
    take(v.gpuBudgetMiB, o.gpuBudgetMiB);
    take(v.thinking, o.thinking);
    take(v.reasoningEffort, o.reasoningEffort);
    return v;
}

ModelOverrides overridesOf(const SamplingValues& v, const SamplingValues& d) {
    ModelOverrides o;
    o.systemPrompt = differing(v.systemPrompt, d.systemPrompt);
    o.temperature = differing(v.temperature, d.temperature);
    o.topK = differing(v.topK, d.topK);
    o.topP = differing(v.topP, d.topP);
    o.minP = differing(v.minP, d.minP);
    o.repeatPenalty = differing(v.repeatPenalty, d.repeatPenalty);
    o.maxTokens = differing(v.maxTokens, d.maxTokens);
    o.seed = differing(v.seed, d.seed);
    o.contextLength = differing(v.contextLength, d.contextLength);
    o.threads = differing(v.threads, d.threads);
    o.backend = differing(v.backend, d.backend);
    o.gpuBudgetMiB = differing(v.gpuBudgetMiB, d.gpuBudgetMiB);
    o.thinking = differing(v.thinking, d.thinking);
    o.reasoningEffort = differing(v.reasoningEffort, d.reasoningEffort);
    return o;
}

ModelOverrides InMemoryPreferenceStore::modelOverrides(const QString& path) const {
    const auto it = m_models.find(path);
    return it == m_models.end() ? ModelOverrides{} : it->second;
}

void InMemoryPreferenceStore::saveModelOverrides(const ModelFacts& model,
                                                 const ModelOverrides& overrides) {
    m_models[model.path] = overrides;
}

std::optional<QString> InMemoryPreferenceStore::value(const QString& key) const {
    const auto it = m_values.find(key);
    return it == m_values.end() ? std::nullopt : std::optional<QString>(it->second);
}

void InMemoryPreferenceStore::setValue(const QString& key, const QString& value) {
    m_values[key] = value;
}

} // namespace conclave::ui
