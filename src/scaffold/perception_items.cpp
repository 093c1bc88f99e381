#include "gapscore/scaffold/perception_items.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gapscore/base/text.h"
#include "gapscore/scaffold/column_names.h"
#include "gapscore/scaffold/item_pairing.h"
#include "gapscore/scaffold/scale_guess.h"

namespace gapscore::scaffold {

namespace {

using Json = nlohmann::ordered_json;

bool is_plain_id(const std::string& text) {
  return !text.empty() && is_letter(text[0]) && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
  });
}

// Answers a rating gives: mostly integers on 3 to 11 points within 0..10,
// or mostly the wordings of one known scale (answers_on_one_scale).
bool is_rating(const ColumnProfile& profile) {
  const std::int64_t filled = profile.cells() - profile.empty();
  if (filled == 0 || !answers_on_one_scale(profile)) return false;
  if (profile.integers() * 10 < filled * 9) return profile.numbers() == 0;
  return *profile.min() >= 0 && *profile.max() <= 10 && *profile.max() - *profile.min() >= 2;
}

// The question block a column belongs to, and the statement it asks.
struct Block {
  std::string key;    // what the block's columns share
  std::string label;  // the question stem, when a header row gives one
  std::string statement;
};

Block block_of(const Guesswork& work, std::size_t c) {
  const std::string& name = work.names[c];
  const std::string question = c < work.questions.size() ? work.questions[c] : "";
  // A matrix question's stem, in the question row or in the name itself.
  for (const std::string& text : {question, name}) {
    if (const auto parts = stem_and_statement(text)) return {parts->first, parts->first, parts->second};
  }
  // Q5_1, Q5_2: the tag before the last underscore.
  const std::size_t underscore = name.rfind('_');
  if (underscore != std::string::npos && underscore > 0 && underscore + 1 < name.size()) {
    return {name.substr(0, underscore), "", question};
  }
  // RL2, SAT3: the letters before the number, but for Q, which only numbers questions.
  if (const auto lettered = split_lettered(name); lettered && !iequals(lettered->first, "q")) {
    return {lettered->first, "", question};
  }
  return {"", "", question};
}

struct BlockItems {
  std::string key;
  std::string label;
  std::vector<std::pair<std::size_t, std::string>> columns;  // column, statement
};

std::string dimension_id(const BlockItems& block, std::size_t number) {
  if (block.key == "~") return "all";
  if (block.key[0] == '~') return block.key.substr(1);
  const std::string id = ascii_lower(block.key);
  return block.label.empty() && is_plain_id(id) ? id : "block" + std::to_string(number);
}

}  // namespace

Json guess_perception_items(Guesswork& work, Json* scales) {
  std::vector<BlockItems> blocks;
  for (std::size_t c = 0; c < work.names.size(); ++c) {
    const std::string question = c < work.questions.size() ? work.questions[c] : "";
    if (work.used[c] || work.names[c].empty() || is_id_name(work.names[c]) || !is_rating(work.profiles[c]) ||
        is_ranking_name(work.names[c]) || is_ranking_name(question) || is_classifying_name(work.names[c])) {
      continue;
    }
    Block block = block_of(work, c);
    // Block-less columns go together by their scale: numbers, or one kind of wording.
    if (block.key.empty()) block.key = "~" + word_scale_of(work.profiles[c]);
    auto found = std::find_if(blocks.begin(), blocks.end(),
                              [&block](const BlockItems& existing) { return existing.key == block.key; });
    if (found == blocks.end()) {
      blocks.push_back({block.key, block.label, {}});
      found = std::prev(blocks.end());
    }
    found->columns.push_back({c, block.statement});
  }
  // A block of one is no block: its column joins the block-less ones on its kind of scale.
  std::vector<BlockItems> kept;
  std::map<std::string, BlockItems> loose;
  for (BlockItems& block : blocks) {
    if (block.columns.size() >= 2 && block.key[0] != '~') {
      kept.push_back(std::move(block));
      continue;
    }
    const std::string kind =
        block.key[0] == '~' ? block.key : "~" + word_scale_of(work.profiles[block.columns[0].first]);
    BlockItems& together = loose.emplace(kind, BlockItems{kind, "", {}}).first->second;
    together.columns.insert(together.columns.end(), block.columns.begin(), block.columns.end());
  }
  for (auto& [kind, together] : loose) {
    std::sort(together.columns.begin(), together.columns.end());
    if (together.columns.size() >= 2) kept.push_back(std::move(together));
  }
  std::size_t item_count = 0;
  for (const BlockItems& block : kept) item_count += block.columns.size();
  if (item_count < 2) return nullptr;

  Json dimensions = Json::array();
  std::string first_scale;
  std::vector<std::string> described;
  std::size_t item_number = 0;
  for (std::size_t b = 0; b < kept.size(); ++b) {
    const BlockItems& block = kept[b];
    std::vector<PairedItem> paired;
    for (const auto& [c, statement] : block.columns) paired.push_back({work.names[c], {{"perception", work.names[c]}}});
    const std::string scale = guess_item_scale(paired, work, scales);
    if (first_scale.empty()) first_scale = scale;
    Json dimension = {{"id", dimension_id(block, b + 1)}};
    if (!block.label.empty()) dimension["label"] = block.label;
    Json items = Json::array();
    for (const auto& [c, statement] : block.columns) {
      // A column with no answer on its block's scale would have no valid value.
      if (!has_answer_on(work.profiles[c], (*scales)[scale])) continue;
      ++item_number;
      work.used[c] = true;
      const std::string& name = work.names[c];
      Json item = {{"id", is_plain_id(name) ? name : "item" + std::to_string(item_number)}};
      if (!statement.empty()) item["text"] = statement;
      item["perception"] = name;
      if (scale != first_scale) item["scale"] = scale;
      items.push_back(item);
    }
    if (items.empty()) continue;
    described.push_back(dimension["id"].get<std::string>() + " (" + std::to_string(items.size()) + ")");
    dimension["items"] = items;
    dimensions.push_back(dimension);
  }
  if (item_number < 2) return nullptr;
  work.notes.push_back("no expectation columns: " + std::to_string(item_number) +
                       " rating columns as perception-only items (SERVPERF), one dimension per question block: " +
                       listed(described, 8) + "; check the grouping, and drop what is not a rating of the service");
  return Json{{"scale", first_scale}, {"dimensions", dimensions}};
}

}  // namespace gapscore::scaffold
