#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gapscore/coding/coder.h"

namespace gapscore {

/// Exact 128-bit integer arithmetic for sums of products (a GCC/Clang
/// extension; `__extension__` keeps -Wpedantic quiet).
__extension__ using Int128 = __int128;

/// Counts of integer values in [low, high], plus missing and invalid
/// answers. Exact, so merging in any order gives the same state.
class Histogram {
 public:
  Histogram() = default;
  Histogram(int low, int high);
  /// Counts as a tally keeps them: `values` per point from `low`.
  Histogram(int low, std::vector<std::int64_t> values, std::int64_t missing, std::int64_t invalid);

  /// Adds a coded cell: a value in range, kMissingCode or kInvalidCode.
  void add(Code code) {
    if (is_value(code)) {
      ++counts_[static_cast<std::size_t>(code - low_)];
    } else if (code == kMissingCode) {
      ++missing_;
    } else {
      ++invalid_;
    }
  }
  void merge(const Histogram& other);

  int low() const { return low_; }
  int high() const { return low_ + static_cast<int>(counts_.size()) - 1; }
  const std::vector<std::int64_t>& counts() const { return counts_; }
  std::int64_t n() const;
  std::int64_t missing() const { return missing_; }
  std::int64_t invalid() const { return invalid_; }

 private:
  int low_ = 0;
  std::vector<std::int64_t> counts_;
  std::int64_t missing_ = 0;
  std::int64_t invalid_ = 0;
};

/// Count, mean and centred sum of squares of real values, each with a
/// weight (1 without survey weights): West's weighted form of Welford's
/// update for one value, Chan et al.'s pairwise formula for merging. With
/// unit weights the arithmetic is exactly the unweighted one.
struct Moments {
  std::int64_t n = 0;
  double weight = 0;          ///< sum of the weights
  double weight_squares = 0;  ///< sum of the squared weights
  double mean = 0;
  double m2 = 0;  ///< sum of w (x - mean)^2

  void add(double x, double w = 1) {
    ++n;
    weight += w;
    weight_squares += w * w;
    if (weight <= 0) return;
    const double delta = x - mean;
    mean += delta * w / weight;
    m2 += w * delta * (x - mean);
  }
  void merge(const Moments& other);
};

/// Sums and cross-products of k integer variables over complete cases,
/// exact in 64-bit integers (values are shifted to start near 0), from which
/// every covariance follows. The basis of Cronbach's alpha.
class CoMoments {
 public:
  CoMoments() = default;
  explicit CoMoments(std::size_t k);
  /// A block laid out as [n, sum_1..sum_k, cross (k x k, upper triangle used)].
  CoMoments(std::size_t k, const std::int64_t* block);

  /// Adds one complete case of k values.
  void add(const std::int64_t* values);
  void merge(const CoMoments& other);

  std::size_t k() const { return k_; }
  std::int64_t n() const { return block_.empty() ? 0 : block_[0]; }
  /// n (n - 1) times the sample covariance of variables i and j, exactly:
  /// n * sum(x_i x_j) - sum(x_i) * sum(x_j).
  Int128 scaled_covariance(std::size_t i, std::size_t j) const;

 private:
  std::size_t k_ = 0;
  std::vector<std::int64_t> block_;
};

/// Exact sums of respondent scores that are means of their valid item
/// values, s / c with s an integer sum and c from 1 to max_count. Rows are
/// counted per c, so the mean and variance follow exactly, whatever the
/// order in which rows were added or tallies merged.
class ScoreSums {
 public:
  ScoreSums() = default;
  explicit ScoreSums(int max_count);
  /// Blocks as a tally keeps them: n and s per c (0..max_count), s^2 per c.
  ScoreSums(int max_count, const std::int64_t* narrow, const Int128* wide);

  void add(std::int64_t sum, int count) {
    const auto c = static_cast<std::size_t>(count);
    ++n_[c];
    s1_[c] += sum;
    s2_[c] += static_cast<Int128>(sum) * sum;
  }
  void merge(const ScoreSums& other);

  int max_count() const { return static_cast<int>(n_.size()) - 1; }
  std::int64_t n() const;
  std::int64_t n_with(int count) const { return n_[static_cast<std::size_t>(count)]; }
  std::int64_t sum_with(int count) const { return s1_[static_cast<std::size_t>(count)]; }
  Int128 squares_with(int count) const { return s2_[static_cast<std::size_t>(count)]; }

 private:
  std::vector<std::int64_t> n_;
  std::vector<std::int64_t> s1_;
  std::vector<Int128> s2_;
};

/// Exact sums over the respondents scored on every dimension: each
/// dimension's score sum put on a common denominator, y_d = s_d (L / c_d),
/// and the cross-products y_d y_e. The mean and variance of any fixed
/// weighting of the dimension scores (the overall SERVQUAL score, plain or
/// weighted) follow from them.
class ProfileSums {
 public:
  ProfileSums() = default;
  explicit ProfileSums(std::size_t dimensions);
  /// Blocks as a tally keeps them: n, then sums[D] and cross[D x D].
  ProfileSums(std::size_t dimensions, std::int64_t n, const Int128* wide);

  void add(const std::int64_t* y);
  void merge(const ProfileSums& other);

  std::size_t dimensions() const { return sums_.size(); }
  std::int64_t n() const { return n_; }
  Int128 sum(std::size_t d) const { return sums_[d]; }
  Int128 cross(std::size_t d, std::size_t e) const;

 private:
  std::int64_t n_ = 0;
  std::vector<Int128> sums_;
  std::vector<Int128> cross_;  // upper triangle, row-major
};

/// Survey-weighted sums of one histogram block: per value, the sum of the
/// weights of the respondents who gave it and of their squared weights, and
/// how many of them had weight 0.
struct WeightedHistogram {
  int low = 0;
  std::vector<double> weights;
  std::vector<double> squares;
  std::vector<std::int64_t> zero_weight;
};

/// Survey-weighted sums of dimension scores s / c, per item count c
/// (0..max): the weights, squared weights, w s, w s^2, w^2 s and w^2 s^2,
/// and the respondents of weight 0.
struct WeightedScores {
  std::vector<double> weights;
  std::vector<double> squares;
  std::vector<std::int64_t> zero_weight;
  std::vector<double> sums;
  std::vector<double> sum_squares;
  std::vector<double> squared_weight_sums;
  std::vector<double> squared_weight_sum_squares;
};

/// Survey-weighted sums over complete cases of several variables: the
/// weights, squared weights, w x_i and w x_i x_j (upper triangle used),
/// and where kept (the overall scores) w^2 x_i and w^2 x_i x_j; the
/// complete cases of weight 0.
struct WeightedCross {
  std::size_t variables = 0;
  double weight = 0;
  double squares = 0;
  std::int64_t zero_weight = 0;
  std::vector<double> sums;
  std::vector<double> cross;
  std::vector<double> squared_weight_sums;
  std::vector<double> squared_weight_cross;

  /// W^2 times the weighted (population) covariance of i and j:
  /// W sum(w x_i x_j) - sum(w x_i) sum(w x_j).
  double scaled_covariance(std::size_t i, std::size_t j) const;
};

}  // namespace gapscore
