#include "startup_check.h"

#include "conclave/storage/database_error.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace conclave::storage::detail {
namespace {

constexpr const char* marker_magic = "conclave-clean-close 1";

struct FileStamp {
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
};

std::optional<FileStamp> stamp_of(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::nullopt;
    return FileStamp{static_cast<std::int64_t>(info.st_size),
                     static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 +
                         info.st_mtim.tv_nsec};
}

bool has_content(const std::string& path) {
    const std::optional<FileStamp> stamp = stamp_of(path);
    return stamp && stamp->size > 0;
}

struct Marker {
    FileStamp stamp;
    std::int64_t checked_at = 0;
};

std::optional<Marker> read_marker(const std::string& path) {
    std::ifstream file(clean_close_marker_path(path));
    std::string magic;
    if (!std::getline(file, magic) || magic != marker_magic) return std::nullopt;
    Marker marker;
    std::string key;
    int fields = 0;
    while (file >> key) {
        std::int64_t value = 0;
        if (!(file >> value)) return std::nullopt;
        if (key == "size") {
            marker.stamp.size = value;
            fields |= 1;
        } else if (key == "mtime_ns") {
            marker.stamp.mtime_ns = value;
            fields |= 2;
        } else if (key == "checked_at") {
            marker.checked_at = value;
            fields |= 4;
        }
    }
    if (fields != 7) return std::nullopt;
    return marker;
}

std::uint32_t big_endian(const unsigned char* bytes, int n) {
    std::uint32_t value = 0;
    for (int i = 0; i < n; ++i) value = (value << 8) | bytes[i];
    return value;
}

// False when the header's page count (trusted by SQLite only when its "valid for" counter
// matches the change counter) disagrees with the size of the file.
bool size_matches_header(const std::string& path, std::int64_t size) {
    std::array<unsigned char, 100> header{};
    std::ifstream file(path, std::ios::binary);
    if (!file.read(reinterpret_cast<char*>(header.data()), header.size())) return false;
    const std::uint32_t raw_page_size = big_endian(&header[16], 2);
    const std::int64_t page_size = raw_page_size == 1 ? 65536 : raw_page_size;
    const std::uint32_t change_counter = big_endian(&header[24], 4);
    const std::uint32_t pages = big_endian(&header[28], 4);
    const std::uint32_t valid_for = big_endian(&header[92], 4);
    if (page_size < 512 || (page_size & (page_size - 1)) != 0) return false;
    if (valid_for != change_counter || pages == 0) return true; // older writers: no count
    return size == static_cast<std::int64_t>(pages) * page_size;
}

} // namespace

std::string clean_close_marker_path(const std::string& path) {
    return path + "-closed";
}

StartupCheckDecision decide_startup_check(const std::string& path, std::int64_t now_ms,
                                          std::int64_t interval_ms) {
    StartupCheckDecision decision;
    const std::optional<Marker> marker = read_marker(path);
    const std::optional<FileStamp> stamp = stamp_of(path);
    if (!marker) {
        decision.reason = "the database was not closed cleanly the last time (no marker)";
        return decision;
    }
    decision.last_checked = marker->checked_at;
    if (has_content(path + "-wal") || has_content(path + "-journal"))
        decision.reason = "a -wal or -journal file is beside the database (a crash, or another "
                          "process has it open)";
    else if (!stamp || stamp->size != marker->stamp.size ||
             stamp->mtime_ns != marker->stamp.mtime_ns)
        decision.reason = "the database file changed after Conclave closed it";
    else if (!size_matches_header(path, stamp->size))
        decision.reason = "the database file's size does not match its header";
    else if (now_ms < marker->checked_at)
        decision.reason = "the last check is dated after now (the clock moved back)";
    else if (now_ms - marker->checked_at >= interval_ms)
        decision.reason = "the last check was " +
                          std::to_string((now_ms - marker->checked_at) / 86'400'000) + " days ago";
    decision.check = !decision.reason.empty();
    return decision;
}

void remove_clean_close_marker(const std::string& path) {
    const std::string marker = clean_close_marker_path(path);
    if (::unlink(marker.c_str()) != 0 && errno != ENOENT)
        throw DatabaseError(ErrorKind::read_only,
                            "cannot remove '" + marker + "': " + std::strerror(errno));
}

void write_clean_close_marker(const std::string& path, std::int64_t last_checked_ms) {
    if (::access((path + "-wal").c_str(), F_OK) == 0) return; // not the last connection
    const std::optional<FileStamp> stamp = stamp_of(path);
    if (!stamp) return;
    const std::string marker = clean_close_marker_path(path);
    const std::string temporary = marker + ".tmp";
    {
        std::ofstream file(temporary, std::ios::trunc);
        file << marker_magic << "\nsize " << stamp->size << "\nmtime_ns " << stamp->mtime_ns
             << "\nchecked_at " << last_checked_ms << "\n";
        if (!file.flush()) {
            std::remove(temporary.c_str());
            return;
        }
    }
    if (std::rename(temporary.c_str(), marker.c_str()) != 0) std::remove(temporary.c_str());
}

} // namespace conclave::storage::detail
