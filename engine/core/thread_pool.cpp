#include "core/thread_pool.h"

#include <algorithm>

namespace conclave {
namespace {

// About 50-100 µs of spinning: longer than the gap between kernels in a forward pass,
// short enough that an idle app does not burn a core.
constexpr int spin_iterations = 20000;

// The caller's wait for the last worker of a loop: the loops split work dynamically, so a
// worker still busy after this long (a few µs) has most likely been preempted.
constexpr int join_spin_iterations = 2000;

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

} // namespace

ThreadPool::ThreadPool(int n_threads) {
    if (n_threads <= 0) n_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    m_n_threads = n_threads;
    for (int i = 1; i < n_threads; ++i) m_threads.emplace_back([this, i] { worker(i); });
}

ThreadPool::~ThreadPool() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_generation.fetch_add(1);
    }
    m_wake.notify_all();
    for (std::thread& t : m_threads) t.join();
}

void ThreadPool::run(const std::function<void(int, int)>& fn) {
    if (m_n_threads == 1) {
        fn(0, 1);
        return;
    }
    m_job = &fn;
    m_pending.store(m_n_threads - 1, std::memory_order_relaxed);
    {
        std::lock_guard lock(m_mutex);
        m_generation.fetch_add(1, std::memory_order_release);
    }
    m_wake.notify_all();
    fn(0, m_n_threads);
    // Spin while the workers are about to finish; past that, a worker has probably been
    // preempted (a busy machine), and yielding lets it have this core instead of the spin.
    for (int spins = 0; m_pending.load(std::memory_order_acquire) != 0; ++spins) {
        if (spins < join_spin_iterations) cpu_relax();
        else std::this_thread::yield();
    }
    m_job = nullptr;
}

void ThreadPool::worker(int index) {
    std::uint64_t seen = 0;
    for (;;) {
        int spins = 0;
        while (m_generation.load(std::memory_order_acquire) == seen && spins < spin_iterations) {
            cpu_relax();
            ++spins;
        }
        if (m_generation.load(std::memory_order_acquire) == seen) {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_generation.load(std::memory_order_acquire) != seen; });
        }
        seen = m_generation.load(std::memory_order_acquire);
        if (m_stop.load()) return;
        (*m_job)(index, m_n_threads);
        m_pending.fetch_sub(1, std::memory_order_acq_rel);
    }
}

void ThreadPool::parallel_for(std::int64_t n, std::int64_t grain,
                              const std::function<void(std::int64_t, std::int64_t)>& fn) {
    if (n <= 0) return;
    grain = std::max<std::int64_t>(1, grain);
    const std::int64_t max_chunks = (n + grain - 1) / grain;
    const int threads = static_cast<int>(std::min<std::int64_t>(m_n_threads, max_chunks));
    if (threads <= 1) {
        fn(0, n);
        return;
    }
    run([&](int index, int) {
        if (index >= threads) return;
        const std::int64_t begin = n * index / threads;
        const std::int64_t end = n * (index + 1) / threads;
        if (begin < end) fn(begin, end);
    });
}

} // namespace conclave
