#include "gapscore/tally/batch_counter.h"

#include <algorithm>

namespace gapscore {

namespace {

// Adds one case of n variables to sums[n] and cross[n x n] (upper triangle).
void add_products(Int128* sums, Int128* cross, std::size_t n, const std::int64_t* y) {
  for (std::size_t d = 0; d < n; ++d) {
    sums[d] += y[d];
    for (std::size_t e = d; e < n; ++e) cross[d * n + e] += static_cast<Int128>(y[d]) * y[e];
  }
}

// Adds the cases of k variables held column by column (BatchCounter::
// kChunkRows apart, `rows` values each, zero in rows that are not cases) to
// sums[k] and cross[k x k] (upper triangle). With values at most 1000 in
// magnitude, each column's sum and each product sum over a chunk fits in
// 32 bits, the form compilers turn into multiply-add vector instructions.
template <class Total>
void add_column_products(Total* sums, Total* cross, std::size_t k, const SmallCode* values, std::size_t rows) {
  for (std::size_t i = 0; i < k; ++i) {
    const SmallCode* x = values + i * BatchCounter::kChunkRows;
    std::int32_t sum = 0;
    for (std::size_t r = 0; r < rows; ++r) sum += x[r];
    sums[i] += sum;
    for (std::size_t j = i; j < k; ++j) {
      const SmallCode* y = values + j * BatchCounter::kChunkRows;
      std::int32_t products = 0;
      for (std::size_t r = 0; r < rows; ++r) products += x[r] * y[r];
      cross[i * k + j] += products;
    }
  }
}

}  // namespace

void BatchCounter::add(const BatchPlan& batch, const SmallCode* codes, std::size_t stride,
                       const std::uint32_t* column_of_slot, const std::uint32_t* rows, std::size_t count,
                       Tally& tally) {
  const Plan& plan = batch.plan;
  const std::size_t measures = plan.dimension_measures.size();
  // Every column is transposed, the slots' and any others between them:
  // reading each row straight through is cheaper than picking the slots'.
  columns_.resize(stride * kChunkRows);
  column_of_slot_ = column_of_slot;
  item_counts_.resize(kChunkRows);
  value_sums_.resize(kChunkRows);
  score_sums_.resize(measures * kChunkRows);
  score_counts_.resize(measures * kChunkRows);
  item_values_.resize(batch.most_items * kChunkRows);
  case_rows_.resize(kChunkRows);
  profile_.resize(plan.dimensions.size() + 1);
  profile_columns_.resize((plan.dimensions.size() + 1) * kChunkRows);
  for (std::size_t start = 0; start < count; start += kChunkRows) {
    const std::size_t chunk = std::min(kChunkRows, count - start);
    for (std::size_t r = 0; r < chunk; ++r) {
      const SmallCode* row = codes + static_cast<std::size_t>(rows[start + r]) * stride;
      for (std::size_t c = 0; c < stride; ++c) columns_[c * kChunkRows + r] = row[c];
    }
    add_chunk(batch, chunk, tally);
  }
}

void BatchCounter::add_chunk(const BatchPlan& batch, std::size_t rows, Tally& tally) {
  tally.row_count() += static_cast<std::int64_t>(rows);
  count_bins(batch.plan, rows, tally.counters().data());
  score_dimensions(batch, rows, tally);
  add_profiles(batch, rows, tally);
}

namespace {

// Counts a column's codes: values `shift` places on, then missing (-1) and
// invalid (-2) just past the `width` values, in that order.
void count_column(std::int64_t* bins, const SmallCode* codes, int shift, int width, std::size_t rows) {
  for (std::size_t r = 0; r < rows; ++r) {
    const int code = codes[r];
    ++bins[code >= 0 ? code + shift : width - 1 - code];
  }
}

// Counts the differences plus - minus where both are values, `shift` on.
void count_difference(std::int64_t* bins, const SmallCode* plus, const SmallCode* minus, int shift, std::size_t rows) {
  for (std::size_t r = 0; r < rows; ++r) {
    if ((plus[r] | minus[r]) >= 0) ++bins[plus[r] - minus[r] + shift];
  }
}

}  // namespace

void BatchCounter::count_joint(const Plan::BinStep& step, const SmallCode* plus, const SmallCode* minus,
                               std::size_t rows, std::int64_t* counters) {
  const int width = static_cast<int>(step.width);
  const int places = width + 2;  // values, missing, invalid
  std::int64_t* plus_bins = counters + step.offset;
  std::int64_t* minus_bins = counters + step.minus_offset;
  std::int64_t* differences = counters + step.difference_offset;
  if (places * places > kJointPlaces) {
    count_column(plus_bins, plus, 0, width, rows);
    count_column(minus_bins, minus, 0, width, rows);
    count_difference(differences, plus, minus, width - 1, rows);
    return;
  }
  // One count per row for the pair instead of three, then the two columns
  // and the differences from the pair's counts once per chunk.
  joint_.assign(static_cast<std::size_t>(places * places), 0);
  std::uint32_t* cells = joint_.data();
  for (std::size_t r = 0; r < rows; ++r) {
    const int row = plus[r] >= 0 ? plus[r] : width - 1 - plus[r];
    const int column = minus[r] >= 0 ? minus[r] : width - 1 - minus[r];
    ++cells[row * places + column];
  }
  for (int row = 0; row < places; ++row) {
    for (int column = 0; column < places; ++column) {
      const std::uint32_t count = cells[row * places + column];
      if (count == 0) continue;
      plus_bins[row] += count;
      minus_bins[column] += count;
      if (row < width && column < width) differences[row - column + width - 1] += count;
    }
  }
}

void BatchCounter::count_bins(const Plan& plan, std::size_t rows, std::int64_t* counters) {
  const auto low_of = [&plan](int slot) { return plan.slots[static_cast<std::size_t>(slot)].scale.min; };
  for (const Plan::BinStep& step : plan.bin_steps) {
    const SmallCode* plus = column(step.plus);
    const int plus_low = low_of(step.plus);
    std::int64_t* bins = counters + step.offset;
    switch (step.kind) {
      case Plan::StepKind::kColumn:
        count_column(bins, plus, plus_low - step.low, static_cast<int>(step.width), rows);
        break;
      case Plan::StepKind::kDifference:
        count_difference(bins, plus, column(step.minus), plus_low - low_of(step.minus) - step.low, rows);
        break;
      case Plan::StepKind::kJoint:
        count_joint(step, plus, column(step.minus), rows, counters);
        break;
      case Plan::StepKind::kZone: {
        const SmallCode* adequate = column(step.minus);
        const SmallCode* desired = column(step.third);
        const int adequate_low = low_of(step.minus);
        const int desired_low = low_of(step.third);
        for (std::size_t r = 0; r < rows; ++r) {
          if ((plus[r] | adequate[r] | desired[r]) < 0) continue;
          const int perceived = plus[r] + plus_low;
          const int low = adequate[r] + adequate_low;
          const int high = desired[r] + desired_low;
          ++bins[low > high ? 3 : perceived < low ? 0 : perceived > high ? 2 : 1];
        }
        break;
      }
      case Plan::StepKind::kPair: {
        const SmallCode* second = column(step.minus);
        const int second_low = low_of(step.minus);
        for (std::size_t r = 0; r < rows; ++r) {
          if ((plus[r] | second[r]) < 0) continue;
          ++bins[(plus[r] + plus_low - 1) * 5 + (second[r] + second_low - 1)];
        }
        break;
      }
    }
  }
}

namespace {

// One item of a dimension measure over a chunk: records its value in each
// row and counts it towards the row's score when valid. `minus` is null for
// a plain column. Restrict pointers let the loop be vectorised.
void score_item(const SmallCode* __restrict plus, const SmallCode* __restrict minus, SmallCode* __restrict values,
                std::int32_t* __restrict valid_items, std::int32_t* __restrict sums, std::size_t rows) {
  if (minus != nullptr) {
    for (std::size_t r = 0; r < rows; ++r) {
      const bool valid = (plus[r] | minus[r]) >= 0;
      const auto value = static_cast<SmallCode>(plus[r] - minus[r]);
      values[r] = value;
      valid_items[r] += valid;
      sums[r] += valid ? value : 0;
    }
  } else {
    for (std::size_t r = 0; r < rows; ++r) {
      const bool valid = plus[r] >= 0;
      values[r] = plus[r];
      valid_items[r] += valid;
      sums[r] += valid ? plus[r] : 0;
    }
  }
}

struct GroupSums {
  std::int64_t rows = 0;
  std::int64_t sum = 0;
  std::int64_t squares = 0;
};

// The rows with `count` valid items, and the sums of their value sums and
// squared value sums (each at most 30 * 1000 in magnitude, so squares fit
// in 32 bits and a chunk's sums in 64). `Wide` is what the sums are taken
// in: 32 bits, twice the vector lanes, when a chunk's squares fit.
template <class Wide>
GroupSums sum_group(const std::int32_t* __restrict valid_items, const std::int32_t* __restrict value_sums,
                    std::int32_t count, std::size_t rows) {
  Wide in_group = 0;
  Wide sum = 0;
  Wide squares = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    const std::int32_t member = valid_items[r] == count;
    const std::int32_t value = value_sums[r] * member;  // a product, not a branch, so the loop vectorises
    in_group += member;
    sum += value;
    squares += value * value;
  }
  return {in_group, sum, squares};
}

// Zeroes the values of the rows that are not cases (0 in `cases`, all ones
// in the others), so that they add nothing to column sums and products:
// one 16-bit AND per value.
void keep_cases(SmallCode* __restrict values, const SmallCode* __restrict cases, std::size_t rows) {
  for (std::size_t r = 0; r < rows; ++r) values[r] = static_cast<SmallCode>(values[r] & cases[r]);
}

}  // namespace

void BatchCounter::score_dimensions(const BatchPlan& batch, std::size_t rows, Tally& tally) {
  for (std::size_t f = 0; f < batch.plan.dimension_measures.size(); ++f) {
    const Plan::DimensionMeasure& dm = batch.plan.dimension_measures[f];
    read_items(dm, rows);
    sum_rows(batch, f, rows);
    add_score_sums(batch, f, rows, tally);
    add_item_moments(dm, rows, tally);
  }
}

// read_items and sum_rows are defined inline so that the compiler keeps
// them in score_dimensions' loop: compiled apart, their item loops took
// about 0.1% more of a run's instructions.
inline void BatchCounter::read_items(const Plan::DimensionMeasure& dm, std::size_t rows) {
  std::int32_t* valid_items = item_counts_.data();
  std::int32_t* value_sums = value_sums_.data();
  const bool difference = is_difference(dm.measure);
  std::fill_n(valid_items, rows, 0);
  std::fill_n(value_sums, rows, 0);
  // Both columns of a difference, and an item's co-moment shift, are on
  // the item's own scale, so an item's value is its small code (or the
  // difference of two), at most 1000 in magnitude: 30 of them sum in 32
  // bits. A plain item's score value is offset by its scale minimum above
  // the measure's shift.
  for (std::size_t j = 0; j < dm.items.size(); ++j) {
    const Plan::Operand& operand = dm.operands[j];
    score_item(column(operand.plus), difference ? column(operand.minus) : nullptr, item_values_.data() + j * kChunkRows,
               valid_items, value_sums, rows);
  }
}

inline void BatchCounter::sum_rows(const BatchPlan& batch, std::size_t f, std::size_t rows) {
  const Plan::DimensionMeasure& dm = batch.plan.dimension_measures[f];
  const BatchPlan::MeasureSums& how = batch.measures[f];
  const std::int64_t shared_offset = how.offset;
  const std::int32_t* valid_items = item_counts_.data();
  const std::int32_t* value_sums = value_sums_.data();
  std::int64_t* sums = score_sums_.data() + f * kChunkRows;
  std::int32_t* counts = score_counts_.data() + f * kChunkRows;
  // Items on one scale share the measure's shift, so the offset is
  // usually 0: then no 64-bit multiply, which SSE2 lacks.
  if (shared_offset == 0) {
    std::copy_n(value_sums, rows, sums);
  } else {
    for (std::size_t r = 0; r < rows; ++r) sums[r] = value_sums[r] + valid_items[r] * shared_offset;
  }
  if (how.offsets_differ) {
    for (const Plan::Operand& operand : dm.operands) {
      const std::int64_t extra =
          batch.plan.slots[static_cast<std::size_t>(operand.plus)].scale.min - dm.score_shift - shared_offset;
      const SmallCode* plus = column(operand.plus);
      for (std::size_t r = 0; r < rows; ++r) sums[r] += plus[r] >= 0 ? extra : 0;
    }
  }
  const std::int32_t min_items = dm.min_items;
  for (std::size_t r = 0; r < rows; ++r) counts[r] = valid_items[r] >= min_items ? valid_items[r] : 0;
}

void BatchCounter::add_score_sums(const BatchPlan& batch, std::size_t f, std::size_t rows, Tally& tally) {
  const Plan::DimensionMeasure& dm = batch.plan.dimension_measures[f];
  const BatchPlan::MeasureSums& how = batch.measures[f];
  const std::size_t k = dm.items.size();
  std::int64_t* score_rows = tally.counters().data() + dm.score_counts;
  std::int64_t* score_totals = score_rows + k + 1;
  Int128* score_squares = tally.wide().data() + dm.score_squares;
  // Rows are summed per item count c, each count in one vectorised pass:
  // most rows share one c, and adding them into one counter row after row
  // would make each addition wait for the last. A row's sum is its value
  // sum v plus c times the shared offset a, so sum (v + ca)^2 follows
  // from the sums of v and v^2. When the offsets differ, rows are added
  // one by one.
  if (how.offsets_differ) {
    const std::int64_t* sums = score_sums_.data() + f * kChunkRows;
    const std::int32_t* counts = score_counts_.data() + f * kChunkRows;
    for (std::size_t r = 0; r < rows; ++r) {
      if (counts[r] == 0) continue;
      const auto c = static_cast<std::size_t>(counts[r]);
      ++score_rows[c];
      score_totals[c] += sums[r];
      score_squares[c] += static_cast<Int128>(sums[r]) * sums[r];
    }
    return;
  }
  for (std::int32_t c = dm.min_items; c <= static_cast<std::int32_t>(k); ++c) {
    const GroupSums group = how.narrow ? sum_group<std::int32_t>(item_counts_.data(), value_sums_.data(), c, rows)
                                       : sum_group<std::int64_t>(item_counts_.data(), value_sums_.data(), c, rows);
    if (group.rows == 0) continue;
    const std::int64_t shift = c * how.offset;
    const auto at = static_cast<std::size_t>(c);
    score_rows[at] += group.rows;
    score_totals[at] += group.sum + group.rows * shift;
    score_squares[at] +=
        group.squares + 2 * static_cast<Int128>(shift) * group.sum + static_cast<Int128>(group.rows) * shift * shift;
  }
}

void BatchCounter::add_item_moments(const Plan::DimensionMeasure& dm, std::size_t rows, Tally& tally) {
  const std::size_t k = dm.items.size();
  const std::int32_t* valid_items = item_counts_.data();
  std::int64_t* counters = tally.counters().data();
  std::int32_t complete = 0;
  SmallCode* complete_rows = case_rows_.data();
  for (std::size_t r = 0; r < rows; ++r) {
    const bool all_items = valid_items[r] == static_cast<std::int32_t>(k);
    complete += all_items;
    complete_rows[r] = static_cast<SmallCode>(all_items ? -1 : 0);
  }
  for (std::size_t j = 0; j < k; ++j) keep_cases(item_values_.data() + j * kChunkRows, complete_rows, rows);
  counters[dm.co_moments] += complete;
  add_column_products(counters + dm.co_moments + 1, counters + dm.co_moments + 1 + k, k, item_values_.data(), rows);
}

bool BatchCounter::profile_of(const Plan& plan, const Plan::OverallMeasure& overall, std::size_t row) {
  for (std::size_t d = 0; d < overall.parts.size(); ++d) {
    const std::size_t at = overall.parts[d] * kChunkRows + row;
    const int count = score_counts_[at];
    if (count == 0) return false;
    profile_[d] = score_sums_[at] * plan.denominator_factors[static_cast<std::size_t>(count)];
  }
  return true;
}

void BatchCounter::add_profiles(const BatchPlan& batch, std::size_t rows, Tally& tally) {
  const Plan& plan = batch.plan;
  std::int64_t* counters = tally.counters().data();
  Int128* wide = tally.wide().data();
  const std::size_t dimensions = plan.dimensions.size();
  for (std::size_t m = 0; m < plan.overall.size(); ++m) {
    const Plan::OverallMeasure& overall = plan.overall[m];
    const bool is_driver = plan.drivers && plan.drivers->perception == m;
    const auto* outcome = is_driver ? column(plan.drivers->outcome) : nullptr;
    const std::int64_t outcome_low =
        is_driver ? plan.slots[static_cast<std::size_t>(plan.drivers->outcome)].scale.min : 0;
    Int128* sums = wide + overall.profile_sums;
    Int128* driver_sums = is_driver ? wide + plan.drivers->sums : nullptr;
    if (batch.narrow_profiles[m] == 0) {
      for (std::size_t r = 0; r < rows; ++r) {
        if (!profile_of(plan, overall, r)) continue;
        ++counters[overall.profile_count];
        add_products(sums, sums + dimensions, dimensions, profile_.data());
        if (!is_driver || outcome[r] < 0) continue;
        profile_[dimensions] = outcome[r] + outcome_low;
        ++counters[plan.drivers->count];
        add_products(driver_sums, driver_sums + dimensions + 1, dimensions + 1, profile_.data());
      }
      continue;
    }
    // Small profiles are counted like co-moments: columns of y_d, zero in
    // the rows without a profile, then column sums and products. A row's
    // y_d is its score sum times L / c; the factor is 0 for c = 0 (too few
    // items), so such a row's y_d is 0 before it is known to be unscored.
    SmallCode* cases = case_rows_.data();  // the profiled rows, then the drivers' cases
    std::fill_n(cases, rows, SmallCode{-1});
    const std::int64_t* factors = plan.denominator_factors.data();
    for (std::size_t d = 0; d < dimensions; ++d) {
      const std::int32_t* counts = score_counts_.data() + overall.parts[d] * kChunkRows;
      const std::int64_t* score_sums = score_sums_.data() + overall.parts[d] * kChunkRows;
      SmallCode* y = profile_columns_.data() + d * kChunkRows;
      for (std::size_t r = 0; r < rows; ++r) {
        y[r] = static_cast<SmallCode>(score_sums[r] * factors[counts[r]]);
        cases[r] = static_cast<SmallCode>(cases[r] & (counts[r] != 0 ? -1 : 0));
      }
    }
    std::size_t profiled = 0;
    for (std::size_t r = 0; r < rows; ++r) profiled += cases[r] != 0;
    for (std::size_t d = 0; d < dimensions; ++d) keep_cases(profile_columns_.data() + d * kChunkRows, cases, rows);
    counters[overall.profile_count] += static_cast<std::int64_t>(profiled);
    add_column_products(sums, sums + dimensions, dimensions, profile_columns_.data(), rows);
    if (!is_driver) continue;
    // The drivers' cases are the profiled rows with an outcome.
    std::size_t driven = 0;
    SmallCode* outcome_values = profile_columns_.data() + dimensions * kChunkRows;
    for (std::size_t r = 0; r < rows; ++r) {
      const bool with_outcome = cases[r] != 0 && outcome[r] >= 0;
      driven += with_outcome;
      outcome_values[r] = static_cast<SmallCode>(with_outcome ? outcome[r] + outcome_low : 0);
      cases[r] = static_cast<SmallCode>(with_outcome ? -1 : 0);
    }
    for (std::size_t d = 0; d < dimensions; ++d) keep_cases(profile_columns_.data() + d * kChunkRows, cases, rows);
    counters[plan.drivers->count] += static_cast<std::int64_t>(driven);
    add_column_products(driver_sums, driver_sums + dimensions + 1, dimensions + 1, profile_columns_.data(), rows);
  }
}

}  // namespace gapscore
