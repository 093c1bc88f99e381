// Writes the synthetic export that profile-guided builds train on
// (cmake/GapscorePgo.cmake): the shape of scripts/generate_bench_data.py
// with ids and weights (a respondent id as platforms write them, 44 item
// columns on 1-7, NPS, CSAT, CES, two segment columns, a survey weight, a
// comment that is sometimes quoted with commas and line breaks, about 2%
// empty answers), so that the profile sees the exports users have; and
// beside it the benchmark questionnaire declaring the id, and declaring
// the id and the weight. Built only for the training build, so it needs
// nothing the build does not have.
//
// Usage: gapscore_training_export ROWS OUT.csv QUESTIONNAIRE.json IDS.json WEIGHTS.json
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
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

  // A survey weight in 0.2..3.0 with three decimals, as the benchmark's.
  std::string weight() {
    char text[16];
    std::snprintf(text, sizeof text, "%.3f", 0.2 + 2.8 * uniform_(random_));
    return text;
  }

  template <std::size_t N>
  const char* pick(const std::array<const char*, N>& values) {
    return values[std::uniform_int_distribution<std::size_t>(0, N - 1)(random_)];
  }

 private:
  std::mt19937 random_;
  std::uniform_real_distribution<double> uniform_{0.0, 1.0};
};

}  // namespace

// Writes `questionnaire` with `keys` (JSON members, each followed by a
// comma) added first in its object.
bool write_variant(const std::string& questionnaire, const std::string& keys, const char* path) {
  const std::size_t brace = questionnaire.find('{');
  if (brace == std::string::npos) return false;
  std::ofstream out(path, std::ios::binary);
  out << questionnaire.substr(0, brace + 1) << keys << questionnaire.substr(brace + 1);
  return static_cast<bool>(out);
}

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: gapscore_training_export ROWS OUT.csv QUESTIONNAIRE.json IDS.json WEIGHTS.json\n";
    return 2;
  }
  std::ifstream in(argv[3], std::ios::binary);
  const std::string questionnaire((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in || !write_variant(questionnaire, R"("respondent_id": "respondent",)", argv[4]) ||
      !write_variant(questionnaire, R"("respondent_id": "respondent", "weight_column": "weight",)", argv[5])) {
    std::cerr << "gapscore_training_export: cannot read " << argv[3] << " or write its variants\n";
    return 3;
  }
  const long rows = std::strtol(argv[1], nullptr, 10);
  std::ofstream out(argv[2], std::ios::binary);
  out << "respondent,";
  for (int i = 1; i <= kItems; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "E_%02d,P_%02d,", i, i);
    out << name;
  }
  out << "nps,csat,ces,region,channel,weight,comment\n";
  Answers answers(5);
  for (long r = 0; r < rows; ++r) {
    char id[24];
    // Distinct ids (an odd multiplier is one-to-one modulo 2^60) in a
    // scattered order, as platforms' random ids are.
    const unsigned long long scattered = static_cast<unsigned long long>(r) * 0x9E3779B97F4A7C15ULL;
    std::snprintf(id, sizeof id, "R_%015llx,", scattered & ((1ULL << 60) - 1));
    out << id;
    const double experience = answers.normal(1.0);
    const double generosity = answers.normal(0.5);
    for (int i = 0; i < kItems; ++i) {
      out << answers.draw(6.2 + generosity, 0.7, 1, 7) << ',';
      out << answers.draw(5.4 + generosity + 0.8 * experience, 0.9, 1, 7) << ',';
    }
    const double perceived = 5.4 + 0.8 * experience;
    out << answers.draw(1.6 * perceived - 0.4, 1.8, 0, 10) << ',' << answers.draw(perceived - 1.0, 0.8, 1, 5) << ','
        << answers.draw(perceived - 0.3, 1.2, 1, 7) << ',' << answers.pick(kRegions) << ',' << answers.pick(kChannels)
        << ',' << answers.weight() << ',' << answers.pick(kComments) << '\n';
  }
  out.close();
  if (!out) {
    std::cerr << "gapscore_training_export: cannot write " << argv[2] << '\n';
    return 3;
  }
  return 0;
}
