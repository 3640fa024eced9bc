#include "model/window_cache.h"

#include <algorithm>

namespace conclave::model {
namespace {

// The checkpoint row of a position among the window - 1 before a multiple of the span, or -1.
std::int64_t checkpoint_row(std::int64_t pos, const WindowRows& rows) {
    const std::int64_t kept = rows.window - 1, offset = pos % rows.span - (rows.span - kept);
    return offset < 0 ? -1 : pos / rows.span * kept + offset;
}

bool has_checkpoint(std::int64_t pos, const WindowRows& rows) {
    const std::int64_t row = checkpoint_row(pos, rows);
    return row >= 0 && row < rows.k_checkpoints.ne[1];
}

std::vector<float> download_tags(Backend& b, const Tensor& tags) {
    std::vector<float> out(static_cast<std::size_t>(tags.n_elements()));
    b.download(tags, out.data(), out.size() * sizeof(float));
    return out;
}

void upload_tags(Backend& b, const Tensor& tags, const std::vector<float>& values) {
    Tensor all = tags;
    b.upload(all, values.data(), values.size() * sizeof(float));
}

bool ring_holds(const std::vector<float>& tags, std::int64_t ring, std::int64_t pos) {
    return tags[static_cast<std::size_t>(pos % ring)] == static_cast<float>(pos + 1);
}

// Visits the positions before first_pos a step needs: false from `visit` stops the visit.
template <typename Visit> bool for_each_needed(const WindowRows& rows, std::int64_t first_pos, Visit&& visit) {
    for (std::int64_t pos = std::max<std::int64_t>(0, first_pos - rows.window + 1); pos < first_pos; ++pos)
        if (!visit(pos)) return false;
    return true;
}

// One row's bytes from a checkpoint into its ring slot (same type and width on both sides).
void copy_row(Backend& b, const Tensor& from, std::int64_t from_row, const Tensor& to, std::int64_t to_row) {
    std::vector<unsigned char> bytes(from.row_bytes());
    b.download(b.view_rows(from, from_row, 1), bytes.data(), bytes.size());
    Tensor target = b.view_rows(to, to_row, 1);
    b.upload(target, bytes.data(), bytes.size());
}

} // namespace

std::vector<CacheExtra> window_extras(int window, int span, std::int64_t k_width, std::int64_t v_width) {
    std::vector<CacheExtra> extras{{1, window_ring_rows(window), 0, true}};
    for (const std::int64_t width : {k_width, v_width})
        if (width > 0)
            extras.push_back({.width = width, .ctx_divisor = span, .rows_per_span = window - 1, .spans_inside_ctx = true});
    return extras;
}

bool window_available(Backend& b, const WindowRows& rows, std::int64_t first_pos) {
    if (rows.cache.ring == 0) return true;
    const std::vector<float> tags = download_tags(b, rows.tags);
    return for_each_needed(rows, first_pos,
                           [&](std::int64_t pos) { return ring_holds(tags, rows.cache.ring, pos) || has_checkpoint(pos, rows); });
}

bool restore_window(Backend& b, const WindowRows& rows, std::int64_t first_pos) {
    if (rows.cache.ring == 0) return true;
    std::vector<float> tags = download_tags(b, rows.tags);
    bool changed = false;
    const bool ok = for_each_needed(rows, first_pos, [&](std::int64_t pos) {
        if (ring_holds(tags, rows.cache.ring, pos)) return true;
        if (!has_checkpoint(pos, rows)) return false;
        const std::int64_t slot = pos % rows.cache.ring, row = checkpoint_row(pos, rows);
        copy_row(b, rows.k_checkpoints, row, rows.cache.k, slot);
        if (rows.v_checkpoints.valid()) copy_row(b, rows.v_checkpoints, row, rows.cache.v, slot);
        tags[static_cast<std::size_t>(slot)] = static_cast<float>(pos + 1);
        changed = true;
        return true;
    });
    if (changed) upload_tags(b, rows.tags, tags);
    return ok;
}

void record_window(Backend& b, const WindowRows& rows, const Tensor& k, const Tensor& v, std::int64_t first_pos) {
    const std::int64_t n = k.ne[1];
    if (rows.cache.ring == 0) return; // every position has its row: nothing to resume from
    std::vector<float> tags = download_tags(b, rows.tags);
    for (std::int64_t t = 0; t < n; ++t)
        tags[static_cast<std::size_t>((first_pos + t) % rows.cache.ring)] = static_cast<float>(first_pos + t + 1);
    upload_tags(b, rows.tags, tags);
    // Runs of the step's positions that fall in one checkpoint go in with one store.
    const bool with_v = rows.v_checkpoints.valid();
    for (std::int64_t t = 0; t < n;) {
        if (!has_checkpoint(first_pos + t, rows)) {
            ++t;
            continue;
        }
        const std::int64_t row = checkpoint_row(first_pos + t, rows);
        std::int64_t count = 1;
        while (t + count < n && checkpoint_row(first_pos + t + count, rows) == row + count &&
               has_checkpoint(first_pos + t + count, rows))
            ++count;
        KvLayer target{rows.k_checkpoints, rows.v_checkpoints, {}, 0};
        b.kv_store(target, b.view_rows(k, t, count), with_v ? b.view_rows(v, t, count) : Tensor{}, row);
        t += count;
    }
}

std::int64_t window_resume_position(Backend& b, std::span<const WindowRows> layers, std::int64_t wanted) {
    const auto all_available = [&](std::int64_t pos) {
        return std::all_of(layers.begin(), layers.end(), [&](const WindowRows& rows) { return window_available(b, rows, pos); });
    };
    if (layers.empty() || all_available(wanted)) return wanted;
    const std::int64_t span = layers.front().span, below = wanted / span * span;
    return below < wanted && all_available(below) ? below : 0;
}

} // namespace conclave::model
