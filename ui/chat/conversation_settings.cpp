#include "conversation_settings.h"

#include <QRandomGenerator>
#include <algorithm>

namespace conclave::ui {

ConversationSettings::ConversationSettings(const SamplingSettings* model, QObject* parent)
    : QObject(parent), m_model(model) {
    // A value that follows the model changes when the model's settings do.
    connect(model, &SamplingSettings::changed, this, &ConversationSettings::changed);
    connect(model, &SamplingSettings::supportChanged, this, &ConversationSettings::supportChanged);
}

void ConversationSettings::setOverrides(const ConversationOverrides& overrides) {
    if (overrides == m_overrides) return;
    m_overrides = overrides;
    emit changed();
}

void ConversationSettings::change(const ConversationOverrides& next) {
    if (next == m_overrides) return;
    m_overrides = next;
    emit changed();
    emit edited();
}

QString ConversationSettings::systemPrompt() const {
    return m_overrides.systemPrompt.value_or(m_model->systemPrompt());
}
double ConversationSettings::temperature() const {
    return m_overrides.temperature.value_or(m_model->temperature());
}
int ConversationSettings::topK() const {
    return m_overrides.topK.value_or(m_model->topK());
}
double ConversationSettings::topP() const {
    return m_overrides.topP.value_or(m_model->topP());
}
double ConversationSettings::minP() const {
    return m_overrides.minP.value_or(m_model->minP());
}
double ConversationSettings::repeatPenalty() const {
    return m_overrides.repeatPenalty.value_or(m_model->repeatPenalty());
}
int ConversationSettings::seed() const {
    return static_cast<int>(m_overrides.seed.value_or(m_model->seed()));
}

int ConversationSettings::maxTokens() const {
    return m_overrides.maxTokens.value_or(m_model->maxTokens());
}
bool ConversationSettings::thinking() const {
    return m_overrides.thinking.value_or(m_model->thinking());
}
QString ConversationSettings::reasoningEffort() const {
    const std::optional<QString>& own = m_overrides.reasoningEffort;
    return own && effortLevels().contains(*own) ? *own : m_model->reasoningEffort();
}

QStringList ConversationSettings::overridden() const {
    QStringList keys;
    const ConversationOverrides& o = m_overrides;
    if (o.systemPrompt) keys.append(QStringLiteral("systemPrompt"));
    if (o.temperature) keys.append(QStringLiteral("temperature"));
    if (o.topK) keys.append(QStringLiteral("topK"));
    if (o.topP) keys.append(QStringLiteral("topP"));
    if (o.minP) keys.append(QStringLiteral("minP"));
    if (o.repeatPenalty) keys.append(QStringLiteral("repeatPenalty"));
    if (o.seed) keys.append(QStringLiteral("seed"));
    if (o.maxTokens) keys.append(QStringLiteral("maxTokens"));
    if (o.thinking) keys.append(QStringLiteral("thinking"));
    if (o.reasoningEffort) keys.append(QStringLiteral("reasoningEffort"));
    return keys;
}

// The ranges are the model settings' (SamplingSettings::clamped), so an override can hold
// nothing the model's settings could not.
void ConversationSettings::setSystemPrompt(const QString& value) {
    ConversationOverrides next = m_overrides;
    next.systemPrompt = value;
    change(next);
}
void ConversationSettings::setTemperature(double value) {
    ConversationOverrides next = m_overrides;
    next.temperature = std::clamp(value, 0.0, 2.0);
    change(next);
}
void ConversationSettings::setTopK(int value) {
    ConversationOverrides next = m_overrides;
    next.topK = std::clamp(value, 0, 1000);
    change(next);
}
void ConversationSettings::setTopP(double value) {
    ConversationOverrides next = m_overrides;
    next.topP = std::clamp(value, 0.0, 1.0);
    change(next);
}
void ConversationSettings::setMinP(double value) {
    ConversationOverrides next = m_overrides;
    next.minP = std::clamp(value, 0.0, 1.0);
    change(next);
}
void ConversationSettings::setRepeatPenalty(double value) {
    ConversationOverrides next = m_overrides;
    next.repeatPenalty = std::clamp(value, 1.0, 2.0);
    change(next);
}
void ConversationSettings::setSeed(int value) {
    ConversationOverrides next = m_overrides;
    next.seed = std::max(value, -1);
    change(next);
}

void ConversationSettings::setMaxTokens(int value) {
    ConversationOverrides next = m_overrides;
    next.maxTokens = std::clamp(value, 1, 1 << 20);
    change(next);
}
void ConversationSettings::setThinking(bool value) {
    ConversationOverrides next = m_overrides;
    next.thinking = value;
    change(next);
}
void ConversationSettings::setReasoningEffort(const QString& value) {
    if (!effortLevels().contains(value)) return;
    ConversationOverrides next = m_overrides;
    next.reasoningEffort = value;
    change(next);
}

void ConversationSettings::keep(const QString& key) {
    if (key == QLatin1String("systemPrompt"))
        setSystemPrompt(systemPrompt());
    else if (key == QLatin1String("temperature"))
        setTemperature(temperature());
    else if (key == QLatin1String("topK"))
        setTopK(topK());
    else if (key == QLatin1String("topP"))
        setTopP(topP());
    else if (key == QLatin1String("minP"))
        setMinP(minP());
    else if (key == QLatin1String("repeatPenalty"))
        setRepeatPenalty(repeatPenalty());
    else if (key == QLatin1String("seed"))
        setSeed(seed());
    else if (key == QLatin1String("maxTokens"))
        setMaxTokens(maxTokens());
    else if (key == QLatin1String("thinking"))
        setThinking(thinking());
    else if (key == QLatin1String("reasoningEffort"))
        setReasoningEffort(reasoningEffort());
}

void ConversationSettings::reset(const QString& key) {
    ConversationOverrides next = m_overrides;
    if (key == QLatin1String("systemPrompt"))
        next.systemPrompt.reset();
    else if (key == QLatin1String("temperature"))
        next.temperature.reset();
    else if (key == QLatin1String("topK"))
        next.topK.reset();
    else if (key == QLatin1String("topP"))
        next.topP.reset();
    else if (key == QLatin1String("minP"))
        next.minP.reset();
    else if (key == QLatin1String("repeatPenalty"))
        next.repeatPenalty.reset();
    else if (key == QLatin1String("seed"))
        next.seed.reset();
    else if (key == QLatin1String("maxTokens"))
        next.maxTokens.reset();
    else if (key == QLatin1String("thinking"))
        next.thinking.reset();
    else if (key == QLatin1String("reasoningEffort"))
        next.reasoningEffort.reset();
    change(next);
}

void ConversationSettings::resetAll() {
    change({});
}

conclave::SamplingParams ConversationSettings::samplingParams() const {
    conclave::SamplingParams params = m_model->samplingParams();
    params.temperature = static_cast<float>(temperature());
    params.top_k = topK();
    params.top_p = static_cast<float>(topP());
    params.min_p = static_cast<float>(minP());
    params.repetition_penalty = static_cast<float>(repeatPenalty());
    if (m_overrides.seed)
        params.seed = *m_overrides.seed >= 0 ? static_cast<std::uint64_t>(*m_overrides.seed)
                                             : QRandomGenerator::global()->generate64();
    return params;
}

} // namespace conclave::ui
