#pragma once
// PreferenceStore: where the window keeps its settings — each model's own choices (by the
// model file's path) and the app-wide ones (theme, language, send key, default model) as
// key/value text. The view models know only this interface; app/ plugs in the SQLite one
// (SqlitePreferenceStore over storage's ModelStore and SettingsStore), tests and a database
// that cannot be opened use the in-memory one.
//
// A model's choices are overrides: an unset field means "the model's default", so a model
// whose defaults change (a newer file, a newer Conclave) follows them until the user picks
// a value. GUI thread only. A persistent store throws StoreError (conversation_store.h) when
// it cannot read or write; every call is atomic, so the caller keeps its values and may call
// again later.

#include "conversation_store.h"
#include "sampling_settings.h"

#include <QString>
#include <map>
#include <optional>

namespace conclave::ui {

// A model's settings that differ from its defaults; nullopt: the default.
struct ModelOverrides {
    std::optional<QString> systemPrompt;
    std::optional<double> temperature;
    std::optional<int> topK;
    std::optional<double> topP;
    std::optional<double> minP;
    std::optional<double> repeatPenalty;
    std::optional<int> maxTokens;
    std::optional<int> seed;
    std::optional<int> contextLength;
    std::optional<int> threads;
    std::optional<QString> backend; // "cpu", "vulkan"
    std::optional<int> gpuBudgetMiB;
    std::optional<bool> thinking;
    std::optional<QString> reasoningEffort;

    bool operator==(const ModelOverrides&) const = default;
};

// `defaults` with the overrides set in `overrides`.
SamplingValues applyOverrides(const SamplingValues& defaults, const ModelOverrides& overrides);
// The fields of `values` that differ from `defaults`.
ModelOverrides overridesOf(const SamplingValues& values, const SamplingValues& defaults);

// What the store may record about a model it has not seen (the SQLite store keeps a row per
// model file, shared with the model list).
struct ModelFacts {
    QString path;
    QString name;
    QString architecture;
    QString quantMix;
    qint64 fileBytes = 0;
    int trainedContext = 0;
};

class PreferenceStore {
public:
    virtual ~PreferenceStore() = default;

    // The overrides saved for the model file at `path` (none for a model never configured).
    virtual ModelOverrides modelOverrides(const QString& path) const = 0;
    virtual void saveModelOverrides(const ModelFacts& model, const ModelOverrides& overrides) = 0;

    virtual std::optional<QString> value(const QString& key) const = 0;
    virtual void setValue(const QString& key, const QString& value) = 0;
};

// Keeps everything in memory for the life of the process. Never throws.
class InMemoryPreferenceStore final : public PreferenceStore {
public:
    ModelOverrides modelOverrides(const QString& path) const override;
    void saveModelOverrides(const ModelFacts& model, const ModelOverrides& overrides) override;
    std::optional<QString> value(const QString& key) const override;
    void setValue(const QString& key, const QString& value) override;

private:
    std::map<QString, ModelOverrides> m_models;
    std::map<QString, QString> m_values;
};

} // namespace conclave::ui
