#include "gapscore/metrics/design.h"

#include <algorithm>

namespace gapscore {

std::vector<double> raking_offsets(const RakingAdjustment& raking, const std::vector<double>& residual_sums) {
  std::vector<double> offsets(raking.cells.size(), 0);
  std::vector<double> means;
  // svyrecvar's fixed ten sweeps, not to convergence: its figures, not a
  // better approximation of the limit, are the reference.
  for (int sweep = 0; sweep < 10; ++sweep) {
    for (std::size_t margin = 0; margin < raking.category_rows.size(); ++margin) {
      const std::vector<std::int64_t>& rows = raking.category_rows[margin];
      means.assign(rows.size(), 0);
      for (std::size_t c = 0; c < raking.cells.size(); ++c) {
        const RakingCell& cell = raking.cells[c];
        means[cell.category[margin]] +=
            (residual_sums[c] - offsets[c] * static_cast<double>(cell.rows)) / cell.step_ratio[margin];
      }
      for (std::size_t m = 0; m < rows.size(); ++m) means[m] /= static_cast<double>(rows[m]);
      for (std::size_t c = 0; c < raking.cells.size(); ++c) {
        const RakingCell& cell = raking.cells[c];
        offsets[c] += cell.step_ratio[margin] * means[cell.category[margin]];
      }
    }
  }
  return offsets;
}

double linearised_variance(const SampleDesign& design, const Influence& influence) {
  std::vector<double> sums(design.strata.size(), 0);
  std::vector<double> squares(design.strata.size(), 0);
  // A unit's parts (one per raking cell) are adjacent, in key order.
  for (auto part = influence.begin(); part != influence.end();) {
    if (!design.clustered) {
      sums[part->stratum] += part->total();
      squares[part->stratum] += part->total_squares();
      ++part;
      continue;
    }
    double unit = 0;
    const auto first = part;
    for (; part != influence.end() && part->unit == first->unit; ++part) unit += part->total();
    sums[first->stratum] += unit;
    squares[first->stratum] += unit * unit;
  }
  double variance = 0;
  for (std::size_t h = 0; h < design.strata.size(); ++h) {
    const Stratum& stratum = design.strata[h];
    if (stratum.units < 2) continue;
    const auto units = static_cast<double>(stratum.units);
    const double centred = std::max(squares[h] - sums[h] * sums[h] / units, 0.0);
    variance += stratum.finite_correction * units / (units - 1) * centred;
  }
  return variance;
}

Influence influence_difference(const Influence& a, const Influence& b) {
  // Both are in key order (a domain's parts are); so is the difference.
  Influence difference;
  difference.reserve(a.size() + b.size());
  auto in_a = a.begin();
  auto in_b = b.begin();
  while (in_a != a.end() || in_b != b.end()) {
    InfluencePart part;
    if (in_b == b.end() || (in_a != a.end() && in_a->key < in_b->key)) {
      part = *in_a++;
    } else {
      part = *in_b;
      part.sum = -part.sum;
      part.linear = -part.linear;
      part.offset = -part.offset;
      if (in_a != a.end() && in_a->key == in_b->key) {
        part.sum += in_a->sum;
        part.squares += in_a->squares;
        part.linear += in_a->linear;
        part.offset += in_a->offset;
        ++in_a;
      }
      ++in_b;
    }
    difference.push_back(part);
  }
  return difference;
}

}  // namespace gapscore
