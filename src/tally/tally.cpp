#include "gapscore/tally/tally.h"

#include <cmath>

namespace gapscore {

Tally::Tally(const Plan& plan)
    : counters_(plan.counter_count, 0), wide_(plan.wide_count, 0), importance_(plan.overall.size()) {
  if (plan.survey_weights) {
    weighted_.assign(plan.counter_count, 0);
    weighted_squares_.assign(plan.counter_count, 0);
    weighted_wide_.assign(plan.wide_count, 0);
    weighted_wide_squares_.assign(plan.wide_count, 0);
    zero_weight_.assign(plan.counter_count, 0);
  }
}

void Tally::add_weighted(const Plan& plan, const RowScores& row) {
  for (std::size_t m = 0; m < plan.overall.size(); ++m) {
    if (!std::isnan(row.importance_weighted[m])) importance_[m].add(row.importance_weighted[m], row.weight);
  }
  if (plan.survey_weights) add_survey_weighted(plan, row);
}

namespace {

// Adds w times each value and product of a complete case to sums[k] and
// cross[k x k] (upper triangle).
void add_weighted_products(double* sums, double* cross, std::size_t k, const double* values, double w) {
  for (std::size_t i = 0; i < k; ++i) {
    const double wx = w * values[i];
    sums[i] += wx;
    for (std::size_t j = i; j < k; ++j) cross[i * k + j] += wx * values[j];
  }
}

// The same for a k known when compiling: dimensions have a handful of
// items, and loops of a few variable steps cost more in their set-up than
// in their work. Each sum gets the same terms in the same order.
template <std::size_t K>
void add_weighted_products(double* sums, double* cross, const double* values, double w) {
  for (std::size_t i = 0; i < K; ++i) {
    const double wx = w * values[i];
    sums[i] += wx;
    for (std::size_t j = i; j < K; ++j) cross[i * K + j] += wx * values[j];
  }
}

void add_small_weighted_products(double* sums, double* cross, std::size_t k, const double* values, double w) {
  switch (k) {
    case 2:
      return add_weighted_products<2>(sums, cross, values, w);
    case 3:
      return add_weighted_products<3>(sums, cross, values, w);
    case 4:
      return add_weighted_products<4>(sums, cross, values, w);
    case 5:
      return add_weighted_products<5>(sums, cross, values, w);
    case 6:
      return add_weighted_products<6>(sums, cross, values, w);
    default:
      return add_weighted_products(sums, cross, k, values, w);
  }
}

}  // namespace

void Tally::add_survey_weighted(const Plan& plan, const RowScores& row) {
  const double w = row.weight;
  const double w2 = w * w;
  weight_sum_ += w;
  weight_squares_ += w2;
  double* weighted = weighted_.data();
  double* squares = weighted_squares_.data();
  double* wide = weighted_wide_.data();
  double* wide_squares = weighted_wide_squares_.data();
  std::int64_t* zero_weight = zero_weight_.data();
  const bool weightless = w == 0;
  zero_weight_rows_ += weightless ? 1 : 0;
  const auto count = [&](std::size_t offset) {
    weighted[offset] += w;
    squares[offset] += w2;
    if (weightless) ++zero_weight[offset];
  };
  for (std::size_t i = 0; i < row.bin_count; ++i) count(row.bins[i]);
  for (std::size_t f = 0; f < plan.dimension_measures.size(); ++f) {
    const Plan::DimensionMeasure& dm = plan.dimension_measures[f];
    if (row.score_counts[f] != 0) {
      const auto c = static_cast<std::size_t>(row.score_counts[f]);
      const auto sum = static_cast<double>(row.score_sums[f]);
      count(dm.score_counts + c);
      weighted[dm.score_counts + dm.items.size() + 1 + c] += w * sum;
      squares[dm.score_counts + dm.items.size() + 1 + c] += w2 * sum;
      wide[dm.score_squares + c] += w * sum * sum;
      wide_squares[dm.score_squares + c] += w2 * sum * sum;
    }
    if (row.complete[f] != 0) {
      const std::size_t k = dm.items.size();
      count(dm.co_moments);
      add_small_weighted_products(weighted + dm.co_moments + 1, weighted + dm.co_moments + 1 + k, k,
                                  row.values.data() + dm.value_offset, w);
    }
  }
  const std::size_t dimensions = plan.dimensions.size();
  for (std::size_t m = 0; m < plan.overall.size(); ++m) {
    if (row.profiled[m] == 0) continue;
    const Plan::OverallMeasure& overall = plan.overall[m];
    count(overall.profile_count);
    const double* profile = row.profiles.data() + m * dimensions;
    add_small_weighted_products(wide + overall.profile_sums, wide + overall.profile_sums + dimensions, dimensions,
                                profile, w);
    add_small_weighted_products(wide_squares + overall.profile_sums, wide_squares + overall.profile_sums + dimensions,
                                dimensions, profile, w2);
  }
  if (plan.drivers && row.driven) {
    const Plan::DriverPlan& driver = *plan.drivers;
    const std::size_t variables = row.drivers.size();
    count(driver.count);
    add_small_weighted_products(wide + driver.sums, wide + driver.sums + variables, variables, row.drivers.data(), w);
  }
}

void Tally::merge(const Tally& other) {
  merge_counts(other);
  for (std::size_t m = 0; m < importance_.size(); ++m) importance_[m].merge(other.importance_[m]);
  weight_sum_ += other.weight_sum_;
  weight_squares_ += other.weight_squares_;
  zero_weight_rows_ += other.zero_weight_rows_;
  for (std::size_t i = 0; i < zero_weight_.size(); ++i) zero_weight_[i] += other.zero_weight_[i];
  for (std::size_t i = 0; i < weighted_.size(); ++i) weighted_[i] += other.weighted_[i];
  for (std::size_t i = 0; i < weighted_squares_.size(); ++i) weighted_squares_[i] += other.weighted_squares_[i];
  for (std::size_t i = 0; i < weighted_wide_.size(); ++i) weighted_wide_[i] += other.weighted_wide_[i];
  for (std::size_t i = 0; i < weighted_wide_squares_.size(); ++i) {
    weighted_wide_squares_[i] += other.weighted_wide_squares_[i];
  }
}

void Tally::merge_counts(const Tally& other) {
  rows_ += other.rows_;
  for (std::size_t i = 0; i < counters_.size(); ++i) counters_[i] += other.counters_[i];
  for (std::size_t i = 0; i < wide_.size(); ++i) wide_[i] += other.wide_[i];
}

void Tally::subtract(const Tally& subset) {
  rows_ -= subset.rows_;
  for (std::size_t i = 0; i < counters_.size(); ++i) counters_[i] -= subset.counters_[i];
  for (std::size_t i = 0; i < wide_.size(); ++i) wide_[i] -= subset.wide_[i];
  weight_sum_ -= subset.weight_sum_;
  weight_squares_ -= subset.weight_squares_;
  zero_weight_rows_ -= subset.zero_weight_rows_;
  for (std::size_t i = 0; i < zero_weight_.size(); ++i) zero_weight_[i] -= subset.zero_weight_[i];
  for (std::size_t i = 0; i < weighted_.size(); ++i) weighted_[i] -= subset.weighted_[i];
  for (std::size_t i = 0; i < weighted_squares_.size(); ++i) weighted_squares_[i] -= subset.weighted_squares_[i];
  for (std::size_t i = 0; i < weighted_wide_.size(); ++i) weighted_wide_[i] -= subset.weighted_wide_[i];
  for (std::size_t i = 0; i < weighted_wide_squares_.size(); ++i) {
    weighted_wide_squares_[i] -= subset.weighted_wide_squares_[i];
  }
}

void Tally::scale_weights(double factor) {
  const double squared = factor * factor;
  for (Moments& moments : importance_) {
    moments.weight *= factor;
    moments.weight_squares *= squared;
    moments.m2 *= factor;
  }
  weight_sum_ *= factor;
  weight_squares_ *= squared;
  for (double& sum : weighted_) sum *= factor;
  for (double& sum : weighted_squares_) sum *= squared;
  for (double& sum : weighted_wide_) sum *= factor;
  for (double& sum : weighted_wide_squares_) sum *= squared;
}

Histogram Tally::histogram(const Plan& plan, int block) const {
  const Plan::HistogramBlock& layout = plan.histograms[static_cast<std::size_t>(block)];
  const auto begin = counters_.begin() + static_cast<std::ptrdiff_t>(layout.offset);
  const auto end = begin + layout.width;
  return Histogram(layout.low, std::vector<std::int64_t>(begin, end), *end, *(end + 1));
}

ScoreSums Tally::scores(const Plan& plan, std::size_t dimension_measure) const {
  const Plan::DimensionMeasure& dm = plan.dimension_measures[dimension_measure];
  return ScoreSums(static_cast<int>(dm.items.size()), counters_.data() + dm.score_counts,
                   wide_.data() + dm.score_squares);
}

CoMoments Tally::item_moments(const Plan& plan, std::size_t dimension_measure) const {
  const Plan::DimensionMeasure& dm = plan.dimension_measures[dimension_measure];
  return CoMoments(dm.items.size(), counters_.data() + dm.co_moments);
}

ProfileSums Tally::drivers(const Plan& plan) const {
  const Plan::DriverPlan& driver = *plan.drivers;
  return ProfileSums(plan.dimensions.size() + 1, counters_[driver.count], wide_.data() + driver.sums);
}

ProfileSums Tally::profiles(const Plan& plan, std::size_t overall_measure) const {
  const Plan::OverallMeasure& overall = plan.overall[overall_measure];
  return ProfileSums(plan.dimensions.size(), counters_[overall.profile_count], wide_.data() + overall.profile_sums);
}

WeightedHistogram Tally::weighted_histogram(const Plan& plan, int block) const {
  const Plan::HistogramBlock& layout = plan.histograms[static_cast<std::size_t>(block)];
  const auto begin = static_cast<std::ptrdiff_t>(layout.offset);
  const auto end = begin + layout.width;
  return {layout.low, std::vector<double>(weighted_.begin() + begin, weighted_.begin() + end),
          std::vector<double>(weighted_squares_.begin() + begin, weighted_squares_.begin() + end),
          std::vector<std::int64_t>(zero_weight_.begin() + begin, zero_weight_.begin() + end)};
}

WeightedScores Tally::weighted_scores(const Plan& plan, std::size_t dimension_measure) const {
  const Plan::DimensionMeasure& dm = plan.dimension_measures[dimension_measure];
  const auto counts = static_cast<std::ptrdiff_t>(dm.items.size() + 1);
  const auto begin = static_cast<std::ptrdiff_t>(dm.score_counts);
  const auto squares = static_cast<std::ptrdiff_t>(dm.score_squares);
  WeightedScores scores;
  scores.weights.assign(weighted_.begin() + begin, weighted_.begin() + begin + counts);
  scores.squares.assign(weighted_squares_.begin() + begin, weighted_squares_.begin() + begin + counts);
  scores.zero_weight.assign(zero_weight_.begin() + begin, zero_weight_.begin() + begin + counts);
  scores.sums.assign(weighted_.begin() + begin + counts, weighted_.begin() + begin + 2 * counts);
  scores.sum_squares.assign(weighted_wide_.begin() + squares, weighted_wide_.begin() + squares + counts);
  scores.squared_weight_sums.assign(weighted_squares_.begin() + begin + counts,
                                    weighted_squares_.begin() + begin + 2 * counts);
  scores.squared_weight_sum_squares.assign(weighted_wide_squares_.begin() + squares,
                                           weighted_wide_squares_.begin() + squares + counts);
  return scores;
}

WeightedCross Tally::weighted_cross(std::size_t variables, std::size_t count, std::size_t sums,
                                    bool sums_in_counters) const {
  WeightedCross block;
  block.variables = variables;
  block.weight = weighted_[count];
  block.squares = weighted_squares_[count];
  block.zero_weight = zero_weight_[count];
  const std::vector<double>& source = sums_in_counters ? weighted_ : weighted_wide_;
  const auto begin = source.begin() + static_cast<std::ptrdiff_t>(sums);
  const auto size = static_cast<std::ptrdiff_t>(variables);
  block.sums.assign(begin, begin + size);
  block.cross.assign(begin + size, begin + size + size * size);
  if (!sums_in_counters) {
    const auto squared = weighted_wide_squares_.begin() + static_cast<std::ptrdiff_t>(sums);
    block.squared_weight_sums.assign(squared, squared + size);
    block.squared_weight_cross.assign(squared + size, squared + size + size * size);
  }
  return block;
}

WeightedCross Tally::weighted_item_moments(const Plan& plan, std::size_t dimension_measure) const {
  const Plan::DimensionMeasure& dm = plan.dimension_measures[dimension_measure];
  return weighted_cross(dm.items.size(), dm.co_moments, dm.co_moments + 1, true);
}

WeightedCross Tally::weighted_profiles(const Plan& plan, std::size_t overall_measure) const {
  const Plan::OverallMeasure& overall = plan.overall[overall_measure];
  return weighted_cross(plan.dimensions.size(), overall.profile_count, overall.profile_sums, false);
}

WeightedCross Tally::weighted_drivers(const Plan& plan) const {
  const Plan::DriverPlan& driver = *plan.drivers;
  return weighted_cross(plan.dimensions.size() + 1, driver.count, driver.sums, false);
}

std::uint64_t tally_bytes(const Plan& plan) {
  std::uint64_t bytes = plan.counter_count * sizeof(std::int64_t) + plan.wide_count * sizeof(Int128) +
                        plan.overall.size() * sizeof(Moments);
  if (plan.survey_weights) {
    bytes += 2 * (plan.counter_count + plan.wide_count) * sizeof(double) + plan.counter_count * sizeof(std::int64_t);
  }
  return bytes;
}

}  // namespace gapscore
