#include "conclave/storage/model_store.h"

#include "conclave/storage/database.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/transaction.h"
#include "row_readers.h"

#include <utility>

namespace conclave::storage {
namespace {

using detail::bind_optional;
using detail::optional_int64;
using detail::optional_real;

constexpr std::string_view model_columns =
    "id, path, file_size, file_modified_at, sha256, display_name, architecture, parameter_count,"
    " active_parameter_count, quant_mix, context_length, added_at, last_used_at, favourite, "
    "missing";

ModelRecord read_model(const Statement& row) {
    ModelRecord m;
    m.id = row.int64(0);
    m.path = row.text(1);
    m.file_size = row.int64(2);
    m.file_modified_at = row.int64(3);
    m.sha256 = row.optional_text(4);
    m.display_name = row.text(5);
    m.architecture = row.text(6);
    m.parameter_count = row.int64(7);
    m.active_parameter_count = row.int64(8);
    m.quant_mix = row.text(9);
    m.context_length = row.int64(10);
    m.added_at = row.int64(11);
    m.last_used_at = optional_int64(row, 12);
    m.favourite = row.int64(13) != 0;
    m.missing = row.int64(14) != 0;
    return m;
}

template <typename T>
std::optional<T> either(const std::optional<T>& preferred, const std::optional<T>& fallback) {
    return preferred ? preferred : fallback;
}

} // namespace

ModelSettings merged(const ModelSettings& preferred, const ModelSettings& fallback) {
    ModelSettings out;
    out.system_prompt = either(preferred.system_prompt, fallback.system_prompt);
    out.sampling.temperature =
        either(preferred.sampling.temperature, fallback.sampling.temperature);
    out.sampling.top_k = either(preferred.sampling.top_k, fallback.sampling.top_k);
    out.sampling.top_p = either(preferred.sampling.top_p, fallback.sampling.top_p);
    out.sampling.min_p = either(preferred.sampling.min_p, fallback.sampling.min_p);
    out.sampling.repetition_penalty =
        either(preferred.sampling.repetition_penalty, fallback.sampling.repetition_penalty);
    out.sampling.seed = either(preferred.sampling.seed, fallback.sampling.seed);
    out.context_length = either(preferred.context_length, fallback.context_length);
    out.threads = either(preferred.threads, fallback.threads);
    out.backend = either(preferred.backend, fallback.backend);
    out.gpu_memory_budget = either(preferred.gpu_memory_budget, fallback.gpu_memory_budget);
    out.placement_mode = either(preferred.placement_mode, fallback.placement_mode);
    out.max_tokens = either(preferred.max_tokens, fallback.max_tokens);
    out.thinking = either(preferred.thinking, fallback.thinking);
    out.reasoning_effort = either(preferred.reasoning_effort, fallback.reasoning_effort);
    return out;
}

ModelStore::ModelStore(Database& db, Clock clock) : m_db(db), m_clock(std::move(clock)) {}

ModelRecord ModelStore::remember_model(const ModelRecord& record) {
    Statement upsert = m_db.prepare(
        "INSERT INTO models(path, file_size, file_modified_at, sha256, display_name, architecture, "
        "parameter_count,"
        " active_parameter_count, quant_mix, context_length, added_at, favourite)"
        " VALUES(:path, :size, :modified, :sha256, :name, :arch, :params, :active, :quant, "
        ":context, :now, :favourite)"
        " ON CONFLICT(path) DO UPDATE SET file_size = excluded.file_size,"
        " file_modified_at = excluded.file_modified_at,"
        // A changed file invalidates the old hash; an unchanged one keeps it.
        " sha256 = CASE WHEN excluded.sha256 IS NOT NULL THEN excluded.sha256"
        "   WHEN file_size = excluded.file_size AND file_modified_at = excluded.file_modified_at "
        "THEN sha256 END,"
        " display_name = excluded.display_name, architecture = excluded.architecture,"
        " parameter_count = excluded.parameter_count, active_parameter_count = "
        "excluded.active_parameter_count,"
        " quant_mix = excluded.quant_mix, context_length = excluded.context_length, missing = 0");
    upsert.bind(":path", record.path)
        .bind(":size", record.file_size)
        .bind(":modified", record.file_modified_at)
        .bind(":name", record.display_name)
        .bind(":arch", record.architecture)
        .bind(":params", record.parameter_count)
        .bind(":active", record.active_parameter_count)
        .bind(":quant", record.quant_mix)
        .bind(":context", record.context_length)
        .bind(":now", m_clock())
        .bind(":favourite", record.favourite ? 1 : 0);
    bind_optional(upsert, ":sha256", record.sha256);
    upsert.run();
    return *find_by_path(record.path);
}

ModelRecord ModelStore::model(Id id) {
    Statement select =
        m_db.prepare("SELECT " + std::string(model_columns) + " FROM models WHERE id = :id");
    select.bind(":id", id);
    if (!select.step())
        throw DatabaseError(ErrorKind::not_found, "no model with id " + std::to_string(id));
    return read_model(select);
}

std::optional<ModelRecord> ModelStore::find_by_path(const std::string& path) {
    Statement select =
        m_db.prepare("SELECT " + std::string(model_columns) + " FROM models WHERE path = :path");
    select.bind(":path", path);
    if (!select.step()) return std::nullopt;
    return read_model(select);
}

std::vector<ModelRecord> ModelStore::list_models() {
    Statement select = m_db.prepare("SELECT " + std::string(model_columns) +
                                    " FROM models ORDER BY favourite DESC, last_used_at IS NULL,"
                                    " last_used_at DESC, display_name COLLATE NOCASE, id");
    std::vector<ModelRecord> models;
    while (select.step()) models.push_back(read_model(select));
    return models;
}

void ModelStore::require_changed(Id id) {
    if (m_db.changes() == 0)
        throw DatabaseError(ErrorKind::not_found, "no model with id " + std::to_string(id));
}

void ModelStore::mark_used(Id id) {
    m_db.prepare("UPDATE models SET last_used_at = :now WHERE id = :id")
        .bind(":now", m_clock())
        .bind(":id", id)
        .run();
    require_changed(id);
}

void ModelStore::set_favourite(Id id, bool favourite) {
    m_db.prepare("UPDATE models SET favourite = :v WHERE id = :id")
        .bind(":v", favourite ? 1 : 0)
        .bind(":id", id)
        .run();
    require_changed(id);
}

void ModelStore::set_missing(Id id, bool missing) {
    m_db.prepare("UPDATE models SET missing = :v WHERE id = :id")
        .bind(":v", missing ? 1 : 0)
        .bind(":id", id)
        .run();
    require_changed(id);
}

void ModelStore::set_sha256(Id id, const std::string& sha256) {
    m_db.prepare("UPDATE models SET sha256 = :v WHERE id = :id")
        .bind(":v", sha256)
        .bind(":id", id)
        .run();
    require_changed(id);
}

void ModelStore::rename(Id id, const std::string& display_name) {
    m_db.prepare("UPDATE models SET display_name = :v WHERE id = :id")
        .bind(":v", display_name)
        .bind(":id", id)
        .run();
    require_changed(id);
}

void ModelStore::forget_model(Id id) {
    m_db.prepare("DELETE FROM models WHERE id = :id").bind(":id", id).run();
    require_changed(id);
}

void ModelStore::remove_from_recent(Id id) {
    m_db.prepare("UPDATE models SET last_used_at = NULL, favourite = 0 WHERE id = :id")
        .bind(":id", id)
        .run();
    require_changed(id);
}

ModelRecord ModelStore::relocate(Id id, const ModelRecord& file) {
    Transaction transaction(m_db);
    const ModelRecord located = model(id);
    if (const auto other = find_by_path(file.path); other && other->id != id) {
        m_db.prepare("UPDATE messages SET model_id = :id WHERE model_id = :other")
            .bind(":id", id)
            .bind(":other", other->id)
            .run();
        m_db.prepare("UPDATE conversations SET last_model_id = :id WHERE last_model_id = :other")
            .bind(":id", id)
            .bind(":other", other->id)
            .run();
        Statement merge = m_db.prepare(
            "UPDATE models SET favourite = MAX(favourite, :favourite),"
            " last_used_at = CASE WHEN :used IS NULL THEN last_used_at"
            "   WHEN last_used_at IS NULL OR last_used_at < :used THEN :used"
            "   ELSE last_used_at END WHERE id = :id");
        merge.bind(":favourite", other->favourite ? 1 : 0).bind(":id", id);
        bind_optional(merge, ":used", other->last_used_at);
        merge.run();
        m_db.prepare("DELETE FROM models WHERE id = :other").bind(":other", other->id).run();
    }
    const bool same_file = located.file_size == file.file_size &&
                           located.file_modified_at == file.file_modified_at;
    Statement update = m_db.prepare(
        "UPDATE models SET path = :path, file_size = :size, file_modified_at = :modified,"
        " sha256 = CASE WHEN :same THEN sha256 END, missing = 0 WHERE id = :id");
    update.bind(":path", file.path)
        .bind(":size", file.file_size)
        .bind(":modified", file.file_modified_at)
        .bind(":same", same_file ? 1 : 0)
        .bind(":id", id)
        .run();
    ModelRecord result = model(id);
    transaction.commit();
    return result;
}

ModelSettings ModelStore::settings(Id id) {
    model(id); // not_found for an unknown model, rather than silently empty settings
    Statement select = m_db.prepare(
        "SELECT system_prompt, temperature, top_k, top_p, min_p, repetition_penalty, seed, "
        "context_length, threads,"
        " backend, gpu_memory_budget, placement_mode, max_tokens, thinking, reasoning_effort"
        " FROM model_settings WHERE model_id = :id");
    select.bind(":id", id);
    ModelSettings s;
    if (!select.step()) return s;
    s.system_prompt = select.optional_text(0);
    s.sampling.temperature = optional_real(select, 1);
    s.sampling.top_k = optional_int64(select, 2);
    s.sampling.top_p = optional_real(select, 3);
    s.sampling.min_p = optional_real(select, 4);
    s.sampling.repetition_penalty = optional_real(select, 5);
    s.sampling.seed = optional_int64(select, 6);
    s.context_length = optional_int64(select, 7);
    s.threads = optional_int64(select, 8);
    s.backend = select.optional_text(9);
    s.gpu_memory_budget = optional_int64(select, 10);
    s.placement_mode = select.optional_text(11);
    s.max_tokens = optional_int64(select, 12);
    if (const auto thinking = optional_int64(select, 13)) s.thinking = *thinking != 0;
    s.reasoning_effort = select.optional_text(14);
    return s;
}

void ModelStore::save_settings(Id id, const ModelSettings& settings) {
    model(id);
    Statement upsert =
        m_db.prepare("INSERT OR REPLACE INTO model_settings(model_id, system_prompt, temperature, "
                     "top_k, top_p, min_p,"
                     " repetition_penalty, seed, context_length, threads, backend, "
                     "gpu_memory_budget, placement_mode, max_tokens, thinking, reasoning_effort)"
                     " VALUES(:id, :system_prompt, :temperature, :top_k, :top_p, :min_p, "
                     ":repetition_penalty, :seed,"
                     " :context_length, :threads, :backend, :gpu_memory_budget, :placement_mode,"
                     " :max_tokens, :thinking, :reasoning_effort)");
    upsert.bind(":id", id);
    bind_optional(upsert, ":system_prompt", settings.system_prompt);
    detail::bind_sampling(upsert, settings.sampling);
    bind_optional(upsert, ":context_length", settings.context_length);
    bind_optional(upsert, ":threads", settings.threads);
    bind_optional(upsert, ":backend", settings.backend);
    bind_optional(upsert, ":gpu_memory_budget", settings.gpu_memory_budget);
    bind_optional(upsert, ":placement_mode", settings.placement_mode);
    bind_optional(upsert, ":max_tokens", settings.max_tokens);
    std::optional<std::int64_t> thinking;
    if (settings.thinking) thinking = *settings.thinking ? 1 : 0;
    bind_optional(upsert, ":thinking", thinking);
    bind_optional(upsert, ":reasoning_effort", settings.reasoning_effort);
    upsert.run();
}

} // namespace conclave::storage
