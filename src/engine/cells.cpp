#include "gapscore/engine/cells.h"

#include <algorithm>
#include <limits>

namespace gapscore {

void BatchCells::start(const Binding& binding, const Plan& plan, std::size_t rows) {
  const std::vector<std::vector<std::size_t>>& breakdowns = binding.breakdown_fields;
  fields_.clear();
  for (const std::vector<std::size_t>& columns : breakdowns) {
    for (const std::size_t field : columns) {
      if (std::find(fields_.begin(), fields_.end(), field) == fields_.end()) fields_.push_back(field);
    }
  }
  covering_ = -1;
  for (std::size_t b = 0; b < breakdowns.size() && covering_ < 0; ++b) {
    const std::vector<std::size_t>& columns = breakdowns[b];
    const bool covers = std::all_of(fields_.begin(), fields_.end(), [&columns](std::size_t field) {
      return std::find(columns.begin(), columns.end(), field) != columns.end();
    });
    if (covers) {
      covering_ = static_cast<int>(b);
      fields_ = columns;
    }
  }
  crossing_ = Crossing(fields_.size());
  cell_of_key_.clear();
  cells_.clear();
  // In units of one word of a tally merged per slot: the rows grouping
  // spares, each counted into every breakdown but one, against a cell's cost.
  const std::size_t scale = kMergeWordsPerSlot * plan.slots.size();
  const std::size_t spared = breakdowns.empty() ? 0 : (breakdowns.size() - 1) * rows * scale;
  const std::size_t tally_words = plan.counter_count + 2 * plan.wide_count;
  const std::size_t per_cell = covering_ >= 0 ? (breakdowns.size() - 1) * tally_words
                                              : (breakdowns.size() + 1) * tally_words + kOwnTallyRows * scale;
  most_cells_ = per_cell == 0 ? std::numeric_limits<std::size_t>::max() : spared / per_cell;
  // With one breakdown its segments are the cells: grouping would spare nothing.
  grouping_ = breakdowns.size() > 1;
}

std::uint32_t BatchCells::find(const Record& record) {
  std::uint64_t key = crossing_.dictionaries[0].id_of(record.fields[fields_[0]]).id;
  for (std::size_t c = 1; c < fields_.size(); ++c) {
    key = crossing_.cross(key, crossing_.dictionaries[c].id_of(record.fields[fields_[c]]).id);
  }
  key_ = key;
  return key < cell_of_key_.size() ? cell_of_key_[key] : kNoSegment;
}

std::uint32_t BatchCells::add(std::vector<std::uint32_t> segments) {
  if (key_ >= cell_of_key_.size()) cell_of_key_.resize(key_ + 1, kNoSegment);
  const auto index = static_cast<std::uint32_t>(cells_.size());
  cell_of_key_[key_] = index;
  cells_.push_back({std::move(segments), {}});
  return index;
}

}  // namespace gapscore
