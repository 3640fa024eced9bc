#include "sqlite_preference_store.h"

#include "conclave/storage/model_store.h"
#include "conclave/storage/settings_store.h"
#include "conclave/storage/transaction.h"
#include "storage_errors.h"

#include <QFileInfo>

#include <algorithm>
#include <limits>

namespace conclave::app {
namespace {

template <typename To, typename From> std::optional<To> as(const std::optional<From>& value) {
    return value ? std::optional<To>(static_cast<To>(*value)) : std::nullopt;
}

std::optional<QString> qt(const std::optional<std::string>& text) {
    return text ? std::optional<QString>(QString::fromStdString(*text)) : std::nullopt;
}

std::optional<std::string> utf8(const std::optional<QString>& text) {
    return text ? std::optional<std::string>(text->toStdString()) : std::nullopt;
}

// The window edits the budget in MiB; the store keeps bytes (like the engine).
constexpr std::int64_t bytesPerMiB = std::int64_t{1} << 20;

std::optional<int> mebibytes(const std::optional<std::int64_t>& bytes) {
    if (!bytes) return std::nullopt;
    return static_cast<int>(
        std::clamp<std::int64_t>(*bytes / bytesPerMiB, 0, std::numeric_limits<int>::max()));
}

std::optional<std::int64_t> bytes(const std::optional<int>& mebibytes) {
    return mebibytes ? std::optional<std::int64_t>(*mebibytes * bytesPerMiB) : std::nullopt;
}

ui::ModelOverrides toOverrides(const storage::ModelSettings& s) {
    ui::ModelOverrides o;
    o.systemPrompt = qt(s.system_prompt);
    o.temperature = s.sampling.temperature;
    o.topK = as<int>(s.sampling.top_k);
    o.topP = s.sampling.top_p;
    o.minP = s.sampling.min_p;
    o.repeatPenalty = s.sampling.repetition_penalty;
    o.seed = as<int>(s.sampling.seed);
    o.maxTokens = as<int>(s.max_tokens);
    o.contextLength = as<int>(s.context_length);
    o.threads = as<int>(s.threads);
    o.backend = qt(s.backend);
    o.gpuBudgetMiB = mebibytes(s.gpu_memory_budget);
    o.thinking = s.thinking;
    o.reasoningEffort = qt(s.reasoning_effort);
    return o;
}

// `o` written over `s`, leaving the fields the window does not edit as they were.
storage::ModelSettings withOverrides(storage::ModelSettings s, const ui::ModelOverrides& o) {
    s.system_prompt = utf8(o.systemPrompt);
    s.sampling.temperature = o.temperature;
    s.sampling.top_k = as<std::int64_t>(o.topK);
    s.sampling.top_p = o.topP;
    s.sampling.min_p = o.minP;
    s.sampling.repetition_penalty = o.repeatPenalty;
    s.sampling.seed = as<std::int64_t>(o.seed);
    s.max_tokens = as<std::int64_t>(o.maxTokens);
    s.context_length = as<std::int64_t>(o.contextLength);
    s.threads = as<std::int64_t>(o.threads);
    s.backend = utf8(o.backend);
    s.gpu_memory_budget = bytes(o.gpuBudgetMiB);
    s.thinking = o.thinking;
    s.reasoning_effort = utf8(o.reasoningEffort);
    return s;
}

storage::ModelRecord toRecord(const ui::ModelFacts& model) {
    const QFileInfo file(model.path);
    storage::ModelRecord record;
    record.path = model.path.toStdString();
    record.file_size = file.exists() ? file.size() : model.fileBytes;
    record.file_modified_at = file.exists() ? file.lastModified().toMSecsSinceEpoch() : 0;
    record.display_name =
        (model.name.isEmpty() ? file.completeBaseName() : model.name).toStdString();
    record.architecture = model.architecture.toStdString();
    record.quant_mix = model.quantMix.toStdString();
    record.context_length = model.trainedContext;
    return record;
}

} // namespace

ui::ModelOverrides SqlitePreferenceStore::modelOverrides(const QString& path) const {
    return guarded([&] {
        storage::ModelStore models(m_db);
        const std::optional<storage::ModelRecord> known = models.find_by_path(path.toStdString());
        return known ? toOverrides(models.settings(known->id)) : ui::ModelOverrides{};
    });
}

void SqlitePreferenceStore::saveModelOverrides(const ui::ModelFacts& model,
                                               const ui::ModelOverrides& overrides) {
    guarded([&] {
        storage::Transaction transaction(m_db);
        storage::ModelStore models(m_db);
        std::optional<storage::ModelRecord> known = models.find_by_path(model.path.toStdString());
        if (!known) known = models.remember_model(toRecord(model));
        models.save_settings(known->id, withOverrides(models.settings(known->id), overrides));
        transaction.commit();
    });
}

std::optional<QString> SqlitePreferenceStore::value(const QString& key) const {
    return guarded([&] { return qt(storage::SettingsStore(m_db).get(key.toStdString())); });
}

void SqlitePreferenceStore::setValue(const QString& key, const QString& value) {
    guarded([&] { storage::SettingsStore(m_db).set(key.toStdString(), value.toStdString()); });
}

} // namespace conclave::app
