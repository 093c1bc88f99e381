// Writes the synthetic export that profile-guided builds train on
// (CMakeLists.txt): the shape of scripts/generate_bench_data.py (44 item
// columns on 1-7, NPS, CSAT, CES, two segment columns, a comment that is
// sometimes quoted with commas and line breaks, about 2% empty answers),
// so that the profile sees the common case of a survey export. Built only
// for the training build, so it needs nothing the build does not have.
//
// Usage: gapscore_training_export ROWS OUT.csv
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

namespace {

constexpr int kItems = 22;
constexpr std::array<const char*, 5> kRegions = {"North", "South", "East", "West", "Central"};
constexpr std::array<const char*, 3> kChannels = {"Branch", "Phone", "Online"};
constexpr std::array<const char*, 13> kComments = {"",
                                                   "",
                                                   "",
                                                   "",
                                                   "",
                                                   "",
                                                   "",
                                                   "ok",
                                                   "Friendly staff",
                                                   "\"Queue was long, but staff were kind\"",
                                                   "\"Could not log in.\nCalled twice, nobody answered.\"",
                                                   "\"The \"\"express\"\" desk was closed\"",
                                                   "Great app"};

class Answers {
 public:
  explicit Answers(unsigned seed) : random_(seed) {}

  // A value drawn around `mean`, rounded and clipped to [low, high], or
  // empty in about 2% of cells.
  std::string draw(double mean, double spread, int low, int high) {
    if (uniform_(random_) < 0.02) return "";
    const double value = std::round(std::normal_distribution<double>(mean, spread)(random_));
    return std::to_string(std::clamp(static_cast<int>(value), low, high));
  }

  double normal(double spread) { return std::normal_distribution<double>(0.0, spread)(random_); }

  template <std::size_t N>
  const char* pick(const std::array<const char*, N>& values) {
    return values[std::uniform_int_distribution<std::size_t>(0, N - 1)(random_)];
  }

 private:
  std::mt19937 random_;
  std::uniform_real_distribution<double> uniform_{0.0, 1.0};
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: gapscore_training_export ROWS OUT.csv\n";
    return 2;
  }
  const long rows = std::strtol(argv[1], nullptr, 10);
  std::ofstream out(argv[2], std::ios::binary);
  for (int i = 1; i <= kItems; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "E_%02d,P_%02d,", i, i);
    out << name;
  }
  out << "nps,csat,ces,region,channel,comment\n";
  Answers answers(5);
  for (long r = 0; r < rows; ++r) {
    const double experience = answers.normal(1.0);
    const double generosity = answers.normal(0.5);
    for (int i = 0; i < kItems; ++i) {
      out << answers.draw(6.2 + generosity, 0.7, 1, 7) << ',';
      out << answers.draw(5.4 + generosity + 0.8 * experience, 0.9, 1, 7) << ',';
    }
    const double perceived = 5.4 + 0.8 * experience;
    out << answers.draw(1.6 * perceived - 0.4, 1.8, 0, 10) << ',' << answers.draw(perceived - 1.0, 0.8, 1, 5) << ','
        << answers.draw(perceived - 0.3, 1.2, 1, 7) << ',' << answers.pick(kRegions) << ',' << answers.pick(kChannels)
        << ',' << answers.pick(kComments) << '\n';
  }
  out.close();
  if (!out) {
    std::cerr << "gapscore_training_export: cannot write " << argv[2] << '\n';
    return 3;
  }
  return 0;
}
