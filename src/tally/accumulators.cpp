#include "gapscore/tally/accumulators.h"

#include <utility>

namespace gapscore {

Histogram::Histogram(int low, int high) : low_(low), counts_(static_cast<std::size_t>(high - low + 1), 0) {}

Histogram::Histogram(int low, std::vector<std::int64_t> values, std::int64_t missing, std::int64_t invalid)
    : low_(low), counts_(std::move(values)), missing_(missing), invalid_(invalid) {}

void Histogram::merge(const Histogram& other) {
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  missing_ += other.missing_;
  invalid_ += other.invalid_;
}

std::int64_t Histogram::n() const {
  std::int64_t n = 0;
  for (const std::int64_t count : counts_) n += count;
  return n;
}

void Moments::merge(const Moments& other) {
  if (other.n == 0) return;
  if (n == 0) {
    *this = other;
    return;
  }
  const double wa = weight;
  const double wb = other.weight;
  const double total = wa + wb;
  n += other.n;
  weight = total;
  weight_squares += other.weight_squares;
  if (total <= 0) return;
  const double delta = other.mean - mean;
  mean += delta * wb / total;
  m2 += other.m2 + delta * delta * wa * wb / total;
}

CoMoments::CoMoments(std::size_t k) : k_(k), block_(1 + k + k * k, 0) {}

void CoMoments::add(const std::int64_t* values) {
  ++block_[0];
  std::int64_t* sums = block_.data() + 1;
  std::int64_t* cross = sums + k_;
  for (std::size_t i = 0; i < k_; ++i) {
    sums[i] += values[i];
    for (std::size_t j = i; j < k_; ++j) cross[i * k_ + j] += values[i] * values[j];
  }
}

CoMoments::CoMoments(std::size_t k, const std::int64_t* block) : k_(k), block_(block, block + 1 + k + k * k) {}

void CoMoments::merge(const CoMoments& other) {
  for (std::size_t i = 0; i < block_.size(); ++i) block_[i] += other.block_[i];
}

Int128 CoMoments::scaled_covariance(std::size_t i, std::size_t j) const {
  if (i > j) std::swap(i, j);
  const std::int64_t* sums = block_.data() + 1;
  const std::int64_t* cross = block_.data() + 1 + k_;
  return static_cast<Int128>(n()) * cross[i * k_ + j] - static_cast<Int128>(sums[i]) * sums[j];
}

ScoreSums::ScoreSums(int max_count)
    : n_(static_cast<std::size_t>(max_count) + 1, 0),
      s1_(static_cast<std::size_t>(max_count) + 1, 0),
      s2_(static_cast<std::size_t>(max_count) + 1, 0) {}

ScoreSums::ScoreSums(int max_count, const std::int64_t* narrow, const Int128* wide) {
  const auto size = static_cast<std::size_t>(max_count) + 1;
  n_.assign(narrow, narrow + size);
  s1_.assign(narrow + size, narrow + 2 * size);
  s2_.assign(wide, wide + size);
}

void ScoreSums::merge(const ScoreSums& other) {
  for (std::size_t c = 0; c < n_.size(); ++c) {
    n_[c] += other.n_[c];
    s1_[c] += other.s1_[c];
    s2_[c] += other.s2_[c];
  }
}

std::int64_t ScoreSums::n() const {
  std::int64_t total = 0;
  for (const std::int64_t count : n_) total += count;
  return total;
}

ProfileSums::ProfileSums(std::size_t dimensions) : sums_(dimensions, 0), cross_(dimensions * dimensions, 0) {}

ProfileSums::ProfileSums(std::size_t dimensions, std::int64_t n, const Int128* wide)
    : n_(n), sums_(wide, wide + dimensions), cross_(wide + dimensions, wide + dimensions + dimensions * dimensions) {}

void ProfileSums::add(const std::int64_t* y) {
  ++n_;
  const std::size_t count = sums_.size();
  for (std::size_t d = 0; d < count; ++d) {
    sums_[d] += y[d];
    for (std::size_t e = d; e < count; ++e) cross_[d * count + e] += static_cast<Int128>(y[d]) * y[e];
  }
}

void ProfileSums::merge(const ProfileSums& other) {
  n_ += other.n_;
  for (std::size_t d = 0; d < sums_.size(); ++d) sums_[d] += other.sums_[d];
  for (std::size_t i = 0; i < cross_.size(); ++i) cross_[i] += other.cross_[i];
}

Int128 ProfileSums::cross(std::size_t d, std::size_t e) const {
  if (d > e) std::swap(d, e);
  return cross_[d * sums_.size() + e];
}

double WeightedCross::scaled_covariance(std::size_t i, std::size_t j) const {
  if (i > j) std::swap(i, j);
  return weight * cross[i * variables + j] - sums[i] * sums[j];
}

}  // namespace gapscore
