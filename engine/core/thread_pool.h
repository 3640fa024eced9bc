#pragma once
// ThreadPool: a fixed set of worker threads that run one parallel loop at a time for the CPU
// kernels. The calling thread takes part in the work, so a pool of N threads has N-1
// workers. Workers spin briefly before sleeping because the gap between two kernels of one
// token is microseconds; a sleeping wake-up would cost more than the kernel.
// One caller at a time (the Session that owns the pool); not reentrant.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace conclave {

class ThreadPool {
public:
    // n_threads <= 0 means one per hardware thread.
    explicit ThreadPool(int n_threads);
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    int size() const { return m_n_threads; }

    // Calls fn(thread_index, n_threads) on the calling thread and on every worker that
    // arrives before the caller's own call returns; returns when all calls are done. A worker
    // may miss a job (it was descheduled) or arrive twice, so fn must share out its work
    // dynamically (an atomic counter) and not rely on how many threads take part.
    void run(const std::function<void(int, int)>& fn);

    // Splits [0, n) into contiguous chunks of at least `grain` (up to four per thread) and
    // calls fn(begin, end) on each, on whichever thread takes it; a thread may get several.
    void parallel_for(std::int64_t n, std::int64_t grain, const std::function<void(std::int64_t, std::int64_t)>& fn);

private:
    void worker(int index);

    int m_n_threads;
    std::vector<std::thread> m_threads;
    const std::function<void(int, int)>* m_job = nullptr;
    std::atomic<std::uint64_t> m_generation{0};
    std::atomic<std::uint32_t> m_state{0}; // open bit | workers inside the current job
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

} // namespace conclave
