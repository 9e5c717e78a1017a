// The batch commands' thread pool: work items run on N threads, their results are handed back on
// the calling thread in item order, so what the user sees does not depend on N or on timing.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace archmark::cli {

// The default of -j: every core the process may use.
inline unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

// Runs `work(i)` for every i in [0, count) on `jobs` threads (a shared counter is the work queue:
// each thread takes the next item) and calls `consume(i, result)` on the calling thread for
// i = 0, 1, 2 … in order, as soon as item i and all before it are done. `tick()` is called on the
// calling thread about every `period` while it waits (for a progress bar). `work` must not throw.
// Results finished ahead of their turn wait in memory, so they should be small (outputs are
// written by `work` itself).
template <class Result, class Work, class Consume, class Tick>
void run_in_order(std::size_t count, unsigned jobs, Work&& work, Consume&& consume, Tick&& tick,
                  std::chrono::milliseconds period = std::chrono::milliseconds(100)) {
    jobs = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, jobs), count));
    if (jobs <= 1) {
        for (std::size_t i = 0; i < count; ++i) {
            Result r = work(i);
            consume(i, r);
            tick();
        }
        return;
    }
    std::vector<std::optional<Result>> done(count);
    std::mutex mutex;
    std::condition_variable ready;
    std::atomic<std::size_t> next{0};
    {
        std::vector<std::jthread> threads;
        threads.reserve(jobs);
        for (unsigned t = 0; t < jobs; ++t)
            threads.emplace_back([&] {
                for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < count;) {
                    Result r = work(i);
                    {
                        std::lock_guard lock(mutex);
                        done[i].emplace(std::move(r));
                    }
                    ready.notify_all();
                }
            });
        for (std::size_t i = 0; i < count; ++i) {
            std::unique_lock lock(mutex);
            while (!done[i]) {
                if (ready.wait_for(lock, period) == std::cv_status::timeout) {
                    lock.unlock();
                    tick();
                    lock.lock();
                }
            }
            Result r = std::move(*done[i]);
            done[i].reset();
            lock.unlock();
            consume(i, r);
            tick();
        }
    }  // the jthreads join here; every item is consumed, so they have all finished
}

}  // namespace archmark::cli
