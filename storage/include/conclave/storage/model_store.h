#pragma once
// ModelStore: the model files the user has used and the settings chosen for each.
//
// A model is identified by its file path. A file that has gone missing is marked, never
// deleted, so old conversations keep their model and the user can point at the moved file.
// Settings are overrides: every unset field falls back to the model's own metadata and then
// to the app's defaults (merged() does the fallback).
//
// Ownership and threads: borrows a Database and is used on its thread. Throws DatabaseError
// (not_found for an unknown id); every method is atomic.

#include "conclave/storage/records.h"

#include <optional>
#include <string>
#include <vector>

namespace conclave::storage {

class Database;

struct ModelRecord {
    Id id = 0;
    std::string path;
    std::int64_t file_size = 0;
    std::int64_t file_modified_at = 0; // ms since the epoch
    std::optional<std::string> sha256; // hex; computed on request only, files are large
    std::string display_name;
    std::string architecture;
    std::int64_t parameter_count = 0;
    std::int64_t active_parameter_count = 0; // per token; equals parameter_count for dense models
    std::string quant_mix;                   // e.g. "Q4_K 80%, Q6_K 15%, F32 5%"
    std::int64_t context_length = 0;
    std::int64_t added_at = 0;
    std::optional<std::int64_t> last_used_at;
    bool favourite = false;
    bool missing = false;
};

struct ModelSettings {
    std::optional<std::string> system_prompt;
    SamplingOverrides sampling;
    std::optional<std::int64_t> context_length;
    std::optional<std::int64_t> threads;
    std::optional<std::string> backend;            // "cpu", "vulkan", "cuda"
    std::optional<std::int64_t> gpu_memory_budget; // bytes
    std::optional<std::string> placement_mode;
    std::optional<std::int64_t> max_tokens;      // the most tokens of one answer
    std::optional<bool> thinking;                // reasoning on or off, where the template lets
    std::optional<std::string> reasoning_effort; // "low", "medium", "high", ...

    bool operator==(const ModelSettings&) const = default;
};

// Field by field: `preferred` where set, else `fallback`.
ModelSettings merged(const ModelSettings& preferred, const ModelSettings& fallback);

class ModelStore {
public:
    explicit ModelStore(Database& db, Clock clock = system_clock_ms);

    // Adds the model at record.path, or refreshes what the file says about it (size, time,
    // name, architecture, counts, quant mix, context) when the path is known. Keeps the
    // user's choices (favourite, settings, last used) and clears `missing`.
    ModelRecord remember_model(const ModelRecord& record);
    ModelRecord model(Id id);
    std::optional<ModelRecord> find_by_path(const std::string& path);
    // Favourites first, then most recently used, then by name.
    std::vector<ModelRecord> list_models();

    void mark_used(Id id);
    void set_favourite(Id id, bool favourite);
    void set_missing(Id id, bool missing);
    void set_sha256(Id id, const std::string& sha256);
    void rename(Id id, const std::string& display_name);
    // Removes the model and its settings; messages keep the model's name.
    void forget_model(Id id);
    // Takes the model out of the recent and favourite models (clears its last use and its
    // star) and keeps the row: its settings come back when the file is opened again, and its
    // answers keep their model. The file is not touched.
    void remove_from_recent(Id id);
    // The file moved: the model now lives at `file.path` (with its size and modification
    // time); everything else about it — settings, favourite, last use, its answers — stays.
    // When another row already holds that path (the user opened the file there meanwhile),
    // the two become this one: the other's answers and conversations point here, it keeps
    // the star and the later use of the two, and the other row and its settings go. Clears
    // `missing`; the stored hash stays only when size and time are unchanged. One
    // transaction; not_found for an unknown id.
    ModelRecord relocate(Id id, const ModelRecord& file);

    // The stored overrides (all unset for a model never configured).
    ModelSettings settings(Id id);
    void save_settings(Id id, const ModelSettings& settings);

private:
    void require_changed(Id id);

    Database& m_db;
    Clock m_clock;
};

} // namespace conclave::storage
