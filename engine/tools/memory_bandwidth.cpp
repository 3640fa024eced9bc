#include "memory_bandwidth.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

namespace conclave::cli {

double measure_read_bandwidth(int n_threads, std::uint64_t bytes) {
    n_threads = std::max(1, n_threads);
    const std::size_t words = static_cast<std::size_t>(bytes / sizeof(std::uint64_t)) / 8 * 8;
    auto buffer = std::make_unique<std::uint64_t[]>(words);
    for (std::size_t i = 0; i < words; ++i) buffer[i] = i; // resident, and not all zero pages
    std::vector<std::uint64_t> sums(static_cast<std::size_t>(n_threads));
    double best = 0.0;
    for (int pass = 0; pass < 4; ++pass) {
        const auto start = std::chrono::steady_clock::now();
        std::vector<std::thread> threads;
        for (int t = 0; t < n_threads; ++t)
            threads.emplace_back([&, t] {
                const std::size_t begin = words * static_cast<std::size_t>(t) / static_cast<std::size_t>(n_threads);
                const std::size_t end = words * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(n_threads);
                // Eight independent sums per line, so the loop vectorizes and is bound by memory.
                std::uint64_t lane[8] = {};
                for (std::size_t i = begin; i + 8 <= end; i += 8)
                    for (int k = 0; k < 8; ++k) lane[k] += buffer[i + static_cast<std::size_t>(k)];
                std::uint64_t total = 0;
                for (const std::uint64_t v : lane) total += v;
                sums[static_cast<std::size_t>(t)] = total;
            });
        for (std::thread& thread : threads) thread.join();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (pass > 0) best = std::max(best, static_cast<double>(words * sizeof(std::uint64_t)) / seconds);
    }
    volatile std::uint64_t keep = 0;
    for (const std::uint64_t s : sums) keep = keep + s;
    return best;
}

double weight_bytes_per_token(const gguf::GgufFile& file, std::uint64_t n_expert, std::uint64_t n_expert_used) {
    const bool tied = file.find_tensor("output.weight") == nullptr;
    double total = 0.0;
    for (const gguf::TensorInfo& t : file.tensors()) {
        const auto bytes = static_cast<double>(t.n_bytes);
        if (t.name == "token_embd.weight" && !tied) total += bytes / static_cast<double>(std::max<std::uint64_t>(t.shape[1], 1));
        else if (t.name.find("_exps") != std::string_view::npos && n_expert > 0)
            total += bytes * static_cast<double>(n_expert_used) / static_cast<double>(n_expert);
        else total += bytes;
    }
    return total;
}

} // namespace conclave::cli
