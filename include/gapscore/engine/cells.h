#pragma once

// Cells: a batch's rows grouped by their values in every column any
// breakdown reads, so that each row is counted once however many
// breakdowns there are.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gapscore/engine/binding.h"
#include "gapscore/engine/breakdowns.h"
#include "gapscore/input/record.h"
#include "gapscore/tally/plan.h"

namespace gapscore {

/// The cells of one batch. A cell's rows share their segment in every
/// breakdown, and a tally's exact sums add up, so each breakdown's segments
/// are the sums of their cells, counted once each. That pays while a batch
/// has few cells for its rows: a cell costs a merge of its tally into each
/// other breakdown's segment (and a tally of its own when no breakdown has
/// all the columns), each row spared costs counting it into each breakdown
/// but one. A batch that finds more cells than pays by that measure stops
/// grouping and counts its rows into each breakdown's segments instead.
class BatchCells {
 public:
  struct Cell {
    std::vector<std::uint32_t> segments;  ///< per breakdown, the cell's segment in the batch
    std::vector<std::uint32_t> rows;      ///< the batch's used rows in the cell
  };

  /// What a cell costs, in rows counted into one tally (measured on the
  /// benchmark's plans: docs/benchmarks-shapes.md): adding a tally to
  /// another costs one row for every kMergeWordsPerSlot of its words per
  /// slot of the plan, and a cell counted into a tally of its own costs
  /// kOwnTallyRows rows on top of its rows (a count's fixed cost per chunk).
  static constexpr std::size_t kMergeWordsPerSlot = 16;
  static constexpr std::size_t kOwnTallyRows = 64;

  /// Starts grouping a batch of `rows` rows bound as `binding`, if it has
  /// two breakdowns or more.
  void start(const Binding& binding, const Plan& plan, std::size_t rows);

  /// Whether the batch is still grouped into cells.
  bool grouping() const { return grouping_; }
  /// Ends the grouping: the rows are counted into each breakdown's segments.
  void stop() { grouping_ = false; }

  /// The index of `record`'s cell, or kNoSegment if it has none yet: then
  /// add() makes it, unless the batch has all the cells that pay.
  std::uint32_t find(const Record& record);
  /// Whether one more cell still pays.
  bool has_room() const { return cells_.size() < most_cells_; }
  /// Adds the cell of the record last given to find(), in `segments`;
  /// returns its index.
  std::uint32_t add(std::vector<std::uint32_t> segments);

  Cell& cell(std::uint32_t index) { return cells_[index]; }
  const std::vector<Cell>& cells() const { return cells_; }
  /// The breakdown whose columns are all the cells' columns, whose segments
  /// are the cells; -1 when there is none.
  int covering() const { return covering_; }

 private:
  std::vector<std::size_t> fields_;  // the cells' columns, as fields of a record
  Crossing crossing_;
  std::vector<std::uint32_t> cell_of_key_;
  std::vector<Cell> cells_;
  std::uint64_t key_ = 0;  // of the record last given to find()
  std::size_t most_cells_ = 0;
  int covering_ = -1;
  bool grouping_ = false;
};

}  // namespace gapscore
