#include "gapscore/engine/pipeline.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace gapscore {

namespace {

struct Item {
  int index = 0;
  int square = 0;               // the work's result
  std::thread::id worked_on{};  // the thread that did it
};

// Later items of each eight take less time, so workers finish out of order.
void square_slowly(Item& item) {
  std::this_thread::sleep_for(std::chrono::microseconds(50 * (7 - item.index % 8)));
  item.square = item.index * item.index;
  item.worked_on = std::this_thread::get_id();
}

std::unique_ptr<Item> item_of(int index) {
  auto item = std::make_unique<Item>();
  item->index = index;
  return item;
}

std::vector<int> up_to(int end) {
  std::vector<int> indices(static_cast<std::size_t>(end));
  std::iota(indices.begin(), indices.end(), 0);
  return indices;
}

}  // namespace

TEST_CASE("items merge in the order they were submitted, whatever order they are done in", "[engine]") {
  const std::size_t threads = GENERATE(std::size_t{2}, std::size_t{4});
  std::vector<int> merged;
  std::vector<int> squares;
  Pipeline<Item> pipeline(threads, square_slowly, [&](std::unique_ptr<Item> item) {
    merged.push_back(item->index);
    squares.push_back(item->square);
  });
  CHECK(pipeline.threads() == threads);
  std::size_t most_in_flight = 0;
  for (int i = 0; i < 200; ++i) {
    pipeline.submit(item_of(i));
    most_in_flight = std::max(most_in_flight, static_cast<std::size_t>(i + 1) - merged.size());
  }
  pipeline.drain();
  CHECK(merged == up_to(200));
  for (int i = 0; i < 200; ++i) CHECK(squares[static_cast<std::size_t>(i)] == i * i);
  // Backpressure: submit() returns with at most 2 x threads + 1 items unmerged.
  CHECK(most_in_flight <= 2 * threads + 1);
}

TEST_CASE("an item's error comes out in its turn, after the items before it merge", "[engine]") {
  std::vector<int> merged;
  Pipeline<Item> pipeline(
      3,
      [](Item& item) {
        square_slowly(item);
        if (item.index == 7) throw std::runtime_error("item 7 failed");
      },
      [&merged](std::unique_ptr<Item> item) { merged.push_back(item->index); });
  std::string error;
  try {
    for (int i = 0; i < 40; ++i) pipeline.submit(item_of(i));
    pipeline.drain();
  } catch (const std::runtime_error& e) {
    error = e.what();
    pipeline.abandon();
  }
  CHECK(error == "item 7 failed");
  CHECK(merged == up_to(7));
  // Abandoned items are dropped; the pipeline takes new ones after them.
  for (int i = 100; i < 105; ++i) pipeline.submit(item_of(i));
  pipeline.drain();
  CHECK(merged == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 100, 101, 102, 103, 104});
}

TEST_CASE("what a merge throws stops the merges after it", "[engine]") {
  std::vector<int> merged;
  Pipeline<Item> pipeline(2, square_slowly, [&merged](std::unique_ptr<Item> item) {
    if (item->index == 3) throw std::runtime_error("merge 3 failed");
    merged.push_back(item->index);
  });
  std::string error;
  try {
    for (int i = 0; i < 20; ++i) pipeline.submit(item_of(i));
    pipeline.drain();
  } catch (const std::runtime_error& e) {
    error = e.what();
    pipeline.abandon();
  }
  CHECK(error == "merge 3 failed");
  CHECK(merged == up_to(3));
}

TEST_CASE("with one thread, an item is done and merged on the submitting thread as it comes", "[engine]") {
  std::vector<int> merged;
  std::vector<std::thread::id> workers;
  Pipeline<Item> pipeline(GENERATE(std::size_t{0}, std::size_t{1}), square_slowly, [&](std::unique_ptr<Item> item) {
    merged.push_back(item->square);
    workers.push_back(item->worked_on);
  });
  CHECK(pipeline.threads() == 1);
  for (int i = 0; i < 5; ++i) {
    pipeline.submit(item_of(i));
    CHECK(merged.size() == static_cast<std::size_t>(i + 1));
  }
  CHECK(merged == std::vector<int>{0, 1, 4, 9, 16});
  CHECK(workers == std::vector<std::thread::id>(5, std::this_thread::get_id()));
}

}  // namespace gapscore
