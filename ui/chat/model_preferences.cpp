#include "model_preferences.h"

#include <utility>

namespace conclave::ui {
namespace {

constexpr int saveDelayMs = 300;
constexpr int retryIntervalMs = 5000;

} // namespace

ModelPreferences::ModelPreferences(SamplingSettings* settings, PreferenceStore* store,
                                   QObject* parent)
    : QObject(parent), m_settings(settings), m_store(store) {
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(saveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &ModelPreferences::saveNow);
    m_retryTimer.setInterval(retryIntervalMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &ModelPreferences::saveNow);
    connect(m_settings, &SamplingSettings::changed, this, &ModelPreferences::onChanged);
}

SamplingValues ModelPreferences::modelDefaults(const app::SamplingDefaults& recommended) {
    SamplingValues d;
    if (recommended.temperature) d.temperature = *recommended.temperature;
    if (recommended.topK) d.topK = *recommended.topK;
    if (recommended.topP) d.topP = *recommended.topP;
    if (recommended.minP) d.minP = *recommended.minP;
    if (recommended.repeatPenalty) d.repeatPenalty = *recommended.repeatPenalty;
    return d;
}

ModelOverrides ModelPreferences::readOverrides(const QString& path) {
    try {
        return m_store->modelOverrides(path);
    } catch (const StoreError& error) {
        emit saveFailed(error); // the banner says so; the model opens with its defaults
        return {};
    }
}

void ModelPreferences::modelOpening(const QString& path) {
    // The previous model's last change; kept for later when the store refuses it now.
    if (!saveNow() && m_dirty)
        m_unsavedPrevious.emplace(m_model,
                                  overridesOf(m_settings->values(), m_settings->defaults()));
    m_model = {};
    m_dirty = false;
    const ModelOverrides saved = readOverrides(path);
    SamplingValues values = m_settings->values();
    if (saved.contextLength) values.contextLength = *saved.contextLength;
    if (saved.threads) values.threads = *saved.threads;
    if (saved.backend) values.backend = *saved.backend;
    if (saved.gpuBudgetMiB) values.gpuBudgetMiB = *saved.gpuBudgetMiB;
    m_applying = true;
    m_settings->setValues(values);
    m_applying = false;
}

void ModelPreferences::modelLoaded(const app::ModelSummary& summary) {
    const SamplingValues defaults = modelDefaults(summary.recommendedSampling);
    const ModelOverrides saved = readOverrides(summary.path);
    SamplingValues values = applyOverrides(defaults, saved);
    // What the model was loaded with, saved or carried over (see the header).
    values.contextLength = m_settings->contextLength();
    values.threads = m_settings->threads();
    values.backend = m_settings->backend();
    values.gpuBudgetMiB = m_settings->gpuBudgetMiB();
    m_applying = true;
    m_settings->setDefaults(defaults);
    m_settings->setReasoningSupport(summary.thinkingSwitch, summary.effortChoice);
    m_settings->setValues(values);
    m_applying = false;
    m_model = {summary.path,     summary.name,      summary.architecture,
               summary.quantMix, summary.fileBytes, summary.trainedContext};
    m_dirty = false;
}

void ModelPreferences::onChanged() {
    if (m_applying || m_model.path.isEmpty()) return;
    m_dirty = true;
    m_saveTimer.start();
}

bool ModelPreferences::saveNow() {
    m_saveTimer.stop();
    if (!m_unsavedPrevious && (!m_dirty || m_model.path.isEmpty())) return true;
    try {
        if (m_unsavedPrevious) {
            m_store->saveModelOverrides(m_unsavedPrevious->first, m_unsavedPrevious->second);
            m_unsavedPrevious.reset();
        }
        if (m_dirty && !m_model.path.isEmpty())
            m_store->saveModelOverrides(m_model,
                                        overridesOf(m_settings->values(), m_settings->defaults()));
    } catch (const StoreError& error) {
        m_failed = true;
        if (!m_retryTimer.isActive()) m_retryTimer.start();
        emit saveFailed(error);
        return false;
    }
    m_dirty = false;
    m_retryTimer.stop();
    if (std::exchange(m_failed, false)) emit saved();
    return true;
}

} // namespace conclave::ui
