#include "model/archs/deepseek4_window.h"

#include <algorithm>
#include <vector>

namespace conclave::model {
namespace {

// The checkpoint row of a position among the window - 1 before a multiple of the span, or -1.
std::int64_t checkpoint_row(std::int64_t pos, int window) {
    const std::int64_t kept = window - 1, offset = pos % kWindowCheckpointSpan - (kWindowCheckpointSpan - kept);
    return offset < 0 ? -1 : pos / kWindowCheckpointSpan * kept + offset;
}

std::vector<float> download_tags(Backend& b, const Tensor& tags) {
    std::vector<float> out(static_cast<std::size_t>(tags.n_elements()));
    b.download(tags, out.data(), out.size() * sizeof(float));
    return out;
}

// Visits the positions before first_pos a step needs: false from `missing` stops the visit.
template <typename Visit> bool for_each_needed(const WindowRows& rows, std::int64_t first_pos, Visit&& visit) {
    for (std::int64_t pos = std::max<std::int64_t>(0, first_pos - rows.window + 1); pos < first_pos; ++pos)
        if (!visit(pos)) return false;
    return true;
}

} // namespace

bool window_available(Backend& b, const WindowRows& rows, std::int64_t first_pos) {
    if (rows.cache.ring == 0) return true;
    const std::vector<float> tags = download_tags(b, rows.tags);
    return for_each_needed(rows, first_pos, [&](std::int64_t pos) {
        if (tags[static_cast<std::size_t>(pos % rows.cache.ring)] == static_cast<float>(pos + 1)) return true;
        const std::int64_t row = checkpoint_row(pos, rows.window);
        return row >= 0 && row < rows.checkpoints.ne[1];
    });
}

bool restore_window(Backend& b, const WindowRows& rows, std::int64_t first_pos) {
    if (rows.cache.ring == 0) return true;
    std::vector<float> tags = download_tags(b, rows.tags);
    bool changed = false;
    std::vector<unsigned char> bytes(rows.checkpoints.row_bytes());
    const bool ok = for_each_needed(rows, first_pos, [&](std::int64_t pos) {
        const std::int64_t slot = pos % rows.cache.ring;
        if (tags[static_cast<std::size_t>(slot)] == static_cast<float>(pos + 1)) return true;
        const std::int64_t row = checkpoint_row(pos, rows.window);
        if (row < 0 || row >= rows.checkpoints.ne[1]) return false;
        // Same type and width on both sides: the row's bytes move as they are.
        b.download(b.view_rows(rows.checkpoints, row, 1), bytes.data(), bytes.size());
        Tensor target = b.view_rows(rows.cache.k, slot, 1);
        b.upload(target, bytes.data(), bytes.size());
        tags[static_cast<std::size_t>(slot)] = static_cast<float>(pos + 1);
        changed = true;
        return true;
    });
    if (changed) {
        Tensor all = rows.tags;
        b.upload(all, tags.data(), tags.size() * sizeof(float));
    }
    return ok;
}

void record_window(Backend& b, const WindowRows& rows, const Tensor& kv, std::int64_t first_pos) {
    const std::int64_t n = kv.ne[1];
    if (rows.cache.ring == 0) return; // every position has its row: nothing to resume from
    {
        std::vector<float> tags = download_tags(b, rows.tags);
        for (std::int64_t t = 0; t < n; ++t)
            tags[static_cast<std::size_t>((first_pos + t) % rows.cache.ring)] = static_cast<float>(first_pos + t + 1);
        Tensor all = rows.tags;
        b.upload(all, tags.data(), tags.size() * sizeof(float));
    }
    // Runs of the step's positions that fall in one checkpoint go in with one store.
    for (std::int64_t t = 0; t < n;) {
        const std::int64_t row = checkpoint_row(first_pos + t, rows.window);
        if (row < 0 || row >= rows.checkpoints.ne[1]) {
            ++t;
            continue;
        }
        std::int64_t count = 1;
        while (t + count < n && checkpoint_row(first_pos + t + count, rows.window) == row + count) ++count;
        KvLayer target{rows.checkpoints, Tensor{}, {}, 0};
        b.kv_store(target, b.view_rows(kv, t, count), Tensor{}, row);
        t += count;
    }
}

} // namespace conclave::model
