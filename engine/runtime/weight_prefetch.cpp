#include "runtime/weight_prefetch.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace conclave::runtime {
namespace {

constexpr std::uint64_t step_bytes = std::uint64_t{8} << 20; // progress at least this often

std::uint64_t page_size() {
#if defined(__unix__) || defined(__APPLE__)
    const long size = sysconf(_SC_PAGESIZE);
    return size > 0 ? static_cast<std::uint64_t>(size) : 4096;
#else
    return 4096;
#endif
}

// Faults in [data, data + bytes): the kernel reads ahead on the hint, and one load per page
// makes sure every page is resident before the first forward pass needs it.
void touch(const unsigned char* data, std::uint64_t bytes, std::uint64_t page) {
#if defined(__unix__) || defined(__APPLE__)
    const auto start = reinterpret_cast<std::uintptr_t>(data) / page * page;
    madvise(reinterpret_cast<void*>(start), reinterpret_cast<std::uintptr_t>(data) + bytes - start, MADV_WILLNEED);
#endif
    unsigned char sink = 0;
    for (std::uint64_t offset = 0; offset < bytes; offset += page) sink ^= *reinterpret_cast<const volatile unsigned char*>(data + offset);
    if (bytes > 0) sink ^= *reinterpret_cast<const volatile unsigned char*>(data + bytes - 1);
    [[maybe_unused]] volatile unsigned char keep = sink;
}

} // namespace

std::uint64_t available_memory_bytes() {
    std::FILE* f = std::fopen("/proc/meminfo", "r");
    if (!f) return 0;
    char line[256];
    unsigned long long kib = 0;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "MemAvailable: %llu kB", &kib) == 1) break;
    std::fclose(f);
    return static_cast<std::uint64_t>(kib) * 1024;
}

Result<void> prefetch_weights(const gguf::GgufFile& file, const std::function<bool(float)>& progress) {
    std::uint64_t total = 0;
    for (const gguf::TensorInfo& t : file.tensors()) total += t.data ? t.n_bytes : 0;
    const auto report = [&](std::uint64_t done) {
        const float fraction = total ? static_cast<float>(static_cast<double>(done) / static_cast<double>(total)) : 1.0f;
        return !progress || progress(std::min(fraction, 1.0f));
    };
    const std::uint64_t available = available_memory_bytes();
    // Reading in a model bigger than what is free would only push other pages (and its own
    // first layers) out again.
    const bool fits = available == 0 || total < available / 10 * 9;
    const std::uint64_t page = page_size();
    std::uint64_t done = 0;
    for (const gguf::TensorInfo& t : file.tensors()) {
        if (!t.data) continue;
        for (std::uint64_t offset = 0; offset < t.n_bytes; offset += step_bytes) {
            const std::uint64_t bytes = std::min(step_bytes, t.n_bytes - offset);
            if (fits) touch(t.data + offset, bytes, page);
            done += bytes;
            if (!report(done)) return make_error(ErrorCode::cancelled, "loading the model was cancelled");
        }
    }
    if (!report(total)) return make_error(ErrorCode::cancelled, "loading the model was cancelled");
    return {};
}

} // namespace conclave::runtime
