#pragma once

// Items of work done on a pool of threads and merged in the order they came.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace gapscore {

/// Items done by `threads` worker threads and merged one at a time, in the
/// order they were submitted, on the thread that submits them; it knows
/// nothing of what an item holds. At most 2 x threads + 1 items are in
/// flight: submit() waits, merging what is done, until there is room. With
/// one thread there are no workers: submit() does and merges its item
/// itself. A class template, so header only.
template <class Item>
class Pipeline {
 public:
  /// Does an item's work; called on the workers, for several items at once.
  using Work = std::function<void(Item&)>;
  /// Merges an item done; called on the submitting thread, in order.
  using Merge = std::function<void(std::unique_ptr<Item>)>;

  Pipeline(std::size_t threads, Work work, Merge merge);
  /// Stops the workers once every item submitted is done, left unmerged.
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  /// Threads that work: at least 1.
  std::size_t threads() const { return threads_; }

  /// Hands `item` to the workers, then merges whatever is ready, in order.
  /// What an item's work throws is rethrown, in input order, when the item's
  /// turn to merge comes, here or in drain(), as is what merge throws; after
  /// that, abandon() before submitting again.
  void submit(std::unique_ptr<Item> item);
  /// Waits until every item submitted is merged; throws as submit() does.
  void drain();
  /// After an exception: waits for the items in flight and drops them unmerged.
  void abandon();

 private:
  struct Ticket {
    std::size_t index = 0;  // in order of submission
    std::unique_ptr<Item> item;
    std::exception_ptr error;  // what its work threw
  };

  template <class Done>
  void merge_ready(std::unique_lock<std::mutex>& guard, Done done);
  void run_worker();

  std::size_t threads_;
  Work work_;
  Merge merge_;
  std::vector<std::thread> workers_;
  std::mutex lock_;
  std::condition_variable work_ready_;
  std::condition_variable item_done_;
  std::deque<Ticket> pending_;
  std::map<std::size_t, Ticket> finished_;
  std::size_t next_submitted_ = 0;
  std::size_t next_merged_ = 0;
  bool closing_ = false;
};

template <class Item>
Pipeline<Item>::Pipeline(std::size_t threads, Work work, Merge merge)
    : threads_(threads > 1 ? threads : 1), work_(std::move(work)), merge_(std::move(merge)) {
  // The submitting thread mostly waits on its input and merges; N threads work.
  if (threads_ > 1) {
    for (std::size_t t = 0; t < threads_; ++t) workers_.emplace_back([this] { run_worker(); });
  }
}

template <class Item>
Pipeline<Item>::~Pipeline() {
  {
    const std::lock_guard<std::mutex> guard(lock_);
    closing_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

template <class Item>
void Pipeline<Item>::submit(std::unique_ptr<Item> item) {
  if (threads_ == 1) {
    work_(*item);
    merge_(std::move(item));
    return;
  }
  std::unique_lock<std::mutex> guard(lock_);
  // Backpressure: a bounded number of items in flight keeps memory flat.
  merge_ready(guard, [this] { return next_submitted_ - next_merged_ < 2 * threads_ + 1; });
  pending_.push_back({next_submitted_, std::move(item), nullptr});
  ++next_submitted_;
  work_ready_.notify_one();
}

template <class Item>
void Pipeline<Item>::drain() {
  if (threads_ == 1) return;
  std::unique_lock<std::mutex> guard(lock_);
  merge_ready(guard, [this] { return next_merged_ == next_submitted_; });
}

template <class Item>
void Pipeline<Item>::abandon() {
  if (threads_ == 1) return;
  std::unique_lock<std::mutex> guard(lock_);
  item_done_.wait(guard, [this] { return next_merged_ + finished_.size() == next_submitted_; });
  pending_.clear();
  finished_.clear();
  next_merged_ = next_submitted_;
}

// Merges finished items in order until `done` holds; rethrows the first
// error, in input order.
template <class Item>
template <class Done>
void Pipeline<Item>::merge_ready(std::unique_lock<std::mutex>& guard, Done done) {
  for (;;) {
    auto next = finished_.find(next_merged_);
    while (next != finished_.end()) {
      Ticket ticket = std::move(next->second);
      finished_.erase(next);
      ++next_merged_;
      guard.unlock();
      if (ticket.error) std::rethrow_exception(ticket.error);
      merge_(std::move(ticket.item));
      guard.lock();
      next = finished_.find(next_merged_);
    }
    if (done()) return;
    item_done_.wait(guard);
  }
}

template <class Item>
void Pipeline<Item>::run_worker() {
  std::unique_lock<std::mutex> guard(lock_);
  for (;;) {
    work_ready_.wait(guard, [this] { return closing_ || !pending_.empty(); });
    if (pending_.empty()) return;
    Ticket ticket = std::move(pending_.front());
    pending_.pop_front();
    guard.unlock();
    try {
      work_(*ticket.item);
    } catch (...) {
      ticket.error = std::current_exception();
    }
    guard.lock();
    const std::size_t index = ticket.index;
    finished_.emplace(index, std::move(ticket));
    item_done_.notify_all();
  }
}

}  // namespace gapscore
