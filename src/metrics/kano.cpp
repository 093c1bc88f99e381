#include "gapscore/metrics/kano.h"

#include <algorithm>
#include <cmath>

namespace gapscore {

const char* kano_category_name(KanoCategory category) {
  switch (category) {
    case KanoCategory::kAttractive:
      return "attractive";
    case KanoCategory::kOneDimensional:
      return "one_dimensional";
    case KanoCategory::kMustBe:
      return "must_be";
    case KanoCategory::kIndifferent:
      return "indifferent";
    case KanoCategory::kReverse:
      return "reverse";
    case KanoCategory::kQuestionable:
      return "questionable";
  }
  return "";
}

namespace {

// Berger et al. (1993): rows functional, columns dysfunctional, both like,
// must-be, neutral, live-with, dislike.
KanoCategory kano_category(std::size_t functional, std::size_t dysfunctional) {
  using K = KanoCategory;
  static constexpr K kTable[5][5] = {
      {K::kQuestionable, K::kAttractive, K::kAttractive, K::kAttractive, K::kOneDimensional},
      {K::kReverse, K::kIndifferent, K::kIndifferent, K::kIndifferent, K::kMustBe},
      {K::kReverse, K::kIndifferent, K::kIndifferent, K::kIndifferent, K::kMustBe},
      {K::kReverse, K::kIndifferent, K::kIndifferent, K::kIndifferent, K::kMustBe},
      {K::kReverse, K::kReverse, K::kReverse, K::kReverse, K::kQuestionable},
  };
  return kTable[functional][dysfunctional];
}

template <class Count>
std::array<Count, kKanoCategoryCount> kano_totals(const std::array<Count, 25>& pairs) {
  std::array<Count, kKanoCategoryCount> totals{};
  for (std::size_t f = 0; f < 5; ++f) {
    for (std::size_t d = 0; d < 5; ++d) totals[static_cast<std::size_t>(kano_category(f, d))] += pairs[f * 5 + d];
  }
  return totals;
}

// Percentages, the dominant category with Fong's test, Better and Worse,
// from category sizes out of `n`: counts, or with survey weights weighted
// shares times n_eff.
void kano_figures(KanoResult& result, const std::array<double, kKanoCategoryCount>& sizes, double n) {
  using K = KanoCategory;
  for (std::size_t c = 0; c < kKanoCategoryCount; ++c) result.pcts[c] = 100 * sizes[c] / n;
  // Most frequent first; ties in Kano's order of importance: M, O, A, I, R, Q.
  std::array<K, kKanoCategoryCount> order = {K::kMustBe,      K::kOneDimensional, K::kAttractive,
                                             K::kIndifferent, K::kReverse,        K::kQuestionable};
  const auto size = [&sizes](K category) { return sizes[static_cast<std::size_t>(category)]; };
  std::stable_sort(order.begin(), order.end(), [&size](K x, K y) { return size(x) > size(y); });
  result.dominant = order[0];
  const double a = size(order[0]);
  const double b = size(order[1]);
  result.fong_difference = a - b;
  result.fong_critical = 1.65 * std::sqrt((a + b) * (2 * n - a - b) / (2 * n));
  result.fong_significant = *result.fong_difference >= *result.fong_critical;
  const double base = size(K::kAttractive) + size(K::kOneDimensional) + size(K::kMustBe) + size(K::kIndifferent);
  if (base > 0) {
    result.better = (size(K::kAttractive) + size(K::kOneDimensional)) / base;
    result.worse = -(size(K::kOneDimensional) + size(K::kMustBe)) / base;
  }
}

}  // namespace

std::vector<double> kano_indicator(KanoCategory category) {
  std::vector<double> indicator(25, 0);
  for (std::size_t f = 0; f < 5; ++f) {
    for (std::size_t d = 0; d < 5; ++d) indicator[f * 5 + d] = kano_category(f, d) == category ? 1 : 0;
  }
  return indicator;
}

KanoResult kano_of(const std::string& id, const std::array<std::int64_t, 25>& pairs) {
  KanoResult result;
  result.id = id;
  result.counts = kano_totals(pairs);
  for (const std::int64_t count : result.counts) result.n += count;
  if (result.n == 0) return result;
  std::array<double, kKanoCategoryCount> sizes{};
  for (std::size_t c = 0; c < kKanoCategoryCount; ++c) sizes[c] = static_cast<double>(result.counts[c]);
  kano_figures(result, sizes, static_cast<double>(result.n));
  return result;
}

KanoResult kano_of(const std::string& id, const std::array<std::int64_t, 25>& pairs,
                   const std::array<double, 25>& weighted_pairs, double weight_squares) {
  KanoResult result;
  result.id = id;
  result.counts = kano_totals(pairs);
  for (const std::int64_t count : result.counts) result.n += count;
  std::array<double, kKanoCategoryCount> sizes = kano_totals(weighted_pairs);
  double weight = 0;
  for (const double size : sizes) weight += size;
  if (result.n == 0 || !(weight > 0)) return result;
  const double n_eff = weight * weight / weight_squares;
  for (double& size : sizes) size = size / weight * n_eff;
  kano_figures(result, sizes, n_eff);
  return result;
}

}  // namespace gapscore
