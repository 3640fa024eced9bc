#include "core/thread_pool.h"

#include <algorithm>

namespace conclave {
namespace {

// About 50-100 µs of spinning: longer than the gap between kernels in a forward pass,
// short enough that an idle app does not burn a core.
constexpr int spin_iterations = 20000;
constexpr std::uint32_t job_open = 1u << 31; // ThreadPool::m_state: the job accepts workers

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
    m_state.store(job_open, std::memory_order_release);
    {
        std::lock_guard lock(m_mutex);
        m_generation.fetch_add(1, std::memory_order_release);
    }
    m_wake.notify_all();
    fn(0, m_n_threads);
    // Close the job: workers that have not started by now never will (the work they would
    // have taken is done), so a worker that lost its core to another process costs nothing.
    // Wait only for the ones inside.
    m_state.fetch_and(~job_open, std::memory_order_acq_rel);
    for (int spins = 0; m_state.load(std::memory_order_acquire) != 0; ++spins) {
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
        std::uint32_t state = m_state.load(std::memory_order_acquire);
        while ((state & job_open) != 0 &&
               !m_state.compare_exchange_weak(state, state + 1, std::memory_order_acq_rel, std::memory_order_acquire)) {
        }
        if ((state & job_open) == 0) continue; // too late: the caller has finished the job
        (*m_job)(index, m_n_threads);
        m_state.fetch_sub(1, std::memory_order_release);
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
    // More chunks than threads, taken in order by whichever thread is free: when the machine
    // is busy and a worker is descheduled, the others take over its share instead of waiting.
    const std::int64_t chunks = std::min<std::int64_t>(max_chunks, std::int64_t{threads} * 4);
    std::atomic<std::int64_t> next{0};
    run([&](int index, int) {
        if (index >= threads) return;
        for (std::int64_t c = next.fetch_add(1, std::memory_order_relaxed); c < chunks;
             c = next.fetch_add(1, std::memory_order_relaxed)) {
            const std::int64_t begin = n * c / chunks;
            const std::int64_t end = n * (c + 1) / chunks;
            if (begin < end) fn(begin, end);
        }
    });
}

} // namespace conclave
