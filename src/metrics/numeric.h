#pragma once

// Numeric helpers that several families of figures share; internal to the
// metrics stage (its sources include it, nothing else does).

#include <cmath>
#include <cstddef>

#include "gapscore/metrics/figures.h"
#include "gapscore/tally/accumulators.h"

namespace gapscore::numeric {

// The normal z of the two-sided 95% intervals (Wilson's, the adjusted Wald).
inline constexpr double kZ95 = 1.96;

// A figure, or null where the arithmetic gave an infinity or a NaN.
inline Figure finite(double value) { return std::isfinite(value) ? Figure(value) : std::nullopt; }

// For exact integer sums and real ones alike, so that a template over
// either reads the same.
inline double to_double(Int128 value) { return static_cast<double>(static_cast<long double>(value)); }
inline double to_double(double value) { return value; }

// Checked 128-bit arithmetic: false when a step overflows.
inline bool multiply(Int128 a, Int128 b, Int128* out) { return !__builtin_mul_overflow(a, b, out); }
inline bool add(Int128 a, Int128 b, Int128* out) { return !__builtin_add_overflow(a, b, out); }
inline bool subtract(Int128 a, Int128 b, Int128* out) { return !__builtin_sub_overflow(a, b, out); }

// n sum(y_i y_j) - sum(y_i) sum(y_j) of a profile block, which is n (n - 1)
// times the covariance of i and j: exact, or false when a step overflows.
inline bool exact_scaled_covariance(const ProfileSums& block, std::size_t i, std::size_t j, Int128* out) {
  Int128 n_cross = 0;
  Int128 product = 0;
  return multiply(block.n(), block.cross(i, j), &n_cross) && multiply(block.sum(i), block.sum(j), &product) &&
         subtract(n_cross, product, out);
}

// The same in long double, for when the exact form overflows.
inline long double rounded_scaled_covariance(const ProfileSums& block, std::size_t i, std::size_t j) {
  return static_cast<long double>(block.n()) * static_cast<long double>(block.cross(i, j)) -
         static_cast<long double>(block.sum(i)) * static_cast<long double>(block.sum(j));
}

}  // namespace gapscore::numeric
