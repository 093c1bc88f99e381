#include "gapscore/scaffold/scaffold.h"

#include <algorithm>
#include <cstddef>
#include <set>
#include <utility>

#include "gapscore/scaffold/column_names.h"
#include "gapscore/scaffold/dimensions.h"
#include "gapscore/scaffold/guesswork.h"
#include "gapscore/scaffold/item_pairing.h"
#include "gapscore/scaffold/kano_guess.h"
#include "gapscore/scaffold/metric_guess.h"
#include "gapscore/scaffold/perception_items.h"
#include "gapscore/scaffold/respondent_guess.h"
#include "gapscore/scaffold/scale_guess.h"

namespace gapscore {

namespace {

using Json = nlohmann::ordered_json;
using scaffold::Guesswork;

// What no guess took: columns with a few distinct texts to break the
// report down by, and the rest.
void note_leftover_columns(Guesswork& work) {
  std::vector<std::string> segments;
  std::vector<std::string> unused;
  for (std::size_t c = 0; c < work.names.size(); ++c) {
    if (work.used[c]) continue;
    const std::string& name = work.names[c];
    const ColumnProfile& profile = work.profiles[c];
    const std::size_t distinct = profile.distinct();
    const auto filled = static_cast<std::size_t>(profile.cells() - profile.empty());
    if (!name.empty() && distinct >= 2 && distinct <= 20 && distinct * 5 <= filled && !scaffold::is_id_name(name) &&
        profile.numbers() * 2 < profile.cells() - profile.empty()) {
      segments.push_back("\"" + name + "\" (" + std::to_string(distinct) + " values)");
    } else if (!name.empty()) {
      unused.push_back("\"" + name + "\"");
    }
  }
  if (!segments.empty()) {
    work.notes.push_back("columns to break the report down by (--by): " + scaffold::listed(segments, 8));
  }
  if (!unused.empty()) work.notes.push_back("columns not used: " + scaffold::listed(unused, 8));
}

// An item with a column none of whose answers is on the items' scale (a
// 0..10 column among 1..5 ones) would have no valid value: left out.
void drop_items_off_scale(const Json& scale, Guesswork& work, std::vector<scaffold::PairedItem>* items) {
  std::vector<std::string> dropped;
  items->erase(std::remove_if(items->begin(), items->end(),
                              [&](const scaffold::PairedItem& item) {
                                for (const auto& [measure, column] : item.columns) {
                                  if (scaffold::has_answer_on(work.profiles[work.index_of(column)], scale)) continue;
                                  dropped.push_back("\"" + column + "\"");
                                  return true;
                                }
                                return false;
                              }),
               items->end());
  if (!dropped.empty()) {
    work.notes.push_back("items left out, a column of each having no answer on the items' scale: " +
                         scaffold::listed(dropped, 6));
  }
}

// gapscore scores at most 30 items a dimension (kMaxItemsPerDimension): a
// longer one is cut into dimensions of 30, in order.
void split_long_dimensions(Json& servqual) {
  constexpr std::size_t kMostItems = 30;
  Json dimensions = Json::array();
  for (Json& dimension : servqual["dimensions"]) {
    const Json& items = dimension["items"];
    if (items.size() <= kMostItems) {
      dimensions.push_back(dimension);
      continue;
    }
    for (std::size_t first = 0; first < items.size(); first += kMostItems) {
      Json part = dimension;
      part["id"] = dimension["id"].get<std::string>() + "_" + std::to_string(first / kMostItems + 1);
      part["items"] = Json(
          std::vector<Json>(items.begin() + static_cast<std::ptrdiff_t>(first),
                            items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), first + kMostItems))));
      dimensions.push_back(part);
    }
  }
  servqual["dimensions"] = dimensions;
}

// Ids made of names ("Q1", "block1") and ids made up ("item1", "all") can
// meet: the later of two equal ids gets "_2", "_3", ... so that the
// questionnaire loads.
void make_ids_unique(Json& servqual) {
  std::set<std::string> dimension_ids;
  std::set<std::string> item_ids;
  const auto unique = [](std::set<std::string>& taken, const std::string& id) {
    std::string candidate = id;
    for (int next = 2; !taken.insert(candidate).second; ++next) candidate = id + "_" + std::to_string(next);
    return candidate;
  };
  for (Json& dimension : servqual["dimensions"]) {
    dimension["id"] = unique(dimension_ids, dimension["id"].get<std::string>());
    for (Json& item : dimension["items"]) item["id"] = unique(item_ids, item["id"].get<std::string>());
  }
}

}  // namespace

// Items are guessed first; each later guess passes over the columns taken
// before it (work.used), so this order decides which guess gets a column.
// Without expectation and perception pairs, metrics go before the
// perception-only items, so that an NPS question is not taken for a
// rating. The questionnaire's keys are set in the order a reader expects.
Scaffold scaffold_questionnaire(const scaffold::HeaderLayout& layout, const std::vector<ColumnProfile>& profiles,
                                const std::string& source, const std::string& schema) {
  Guesswork work(layout.names, layout.questions, profiles);
  if (!layout.description.empty()) work.notes.insert(work.notes.begin(), "header: " + layout.description);
  const scaffold::ItemPairing pairing = scaffold::pair_items(work);

  Json questionnaire;
  if (!schema.empty()) questionnaire["$schema"] = schema;
  questionnaire["gapscore"] = 1;
  questionnaire["title"] = "Survey from " + source;
  if (const auto id = scaffold::guess_respondent_id(work)) questionnaire["respondent_id"] = *id;
  if (const auto weight = scaffold::guess_weight_column(work)) questionnaire["weight_column"] = *weight;
  if (layout.rows != 1) questionnaire["header_rows"] = layout.rows;
  if (layout.joined) questionnaire["header_names"] = "joined";

  Json scales = Json::object();
  Json servqual;
  std::vector<scaffold::PairedItem> items = pairing.items;
  if (!items.empty()) {
    const std::string item_scale = scaffold::guess_item_scale(items, work, &scales);
    drop_items_off_scale(scales[item_scale], work, &items);
    if (!items.empty()) servqual = scaffold::guess_servqual(items, item_scale, work);
  }
  work.notes.insert(work.notes.begin() + (layout.description.empty() ? 0 : 1), scaffold::found_items_note(pairing));
  if (!pairing.without_perception.empty()) {
    work.notes.push_back("columns that look like items but have no perception column, left out: " +
                         scaffold::listed(pairing.without_perception, 6));
  }
  if (!pairing.unscaled.empty()) {
    work.notes.push_back(
        "left out of the items, their answers being neither numbers nor the labels of one scale "
        "(checkboxes, rankings by name, free text): " +
        scaffold::listed(pairing.unscaled, 6));
  }

  const Json metrics = scaffold::guess_metrics(work, &scales);
  if (items.empty()) servqual = scaffold::guess_perception_items(work, &scales);
  if (!scales.empty()) questionnaire["scales"] = scales;
  if (!servqual.is_null()) questionnaire["servqual"] = servqual;
  if (!metrics.empty()) questionnaire["metrics"] = metrics;
  const Json features = scaffold::guess_kano_features(work);
  if (!features.empty()) questionnaire["kano"] = {{"features", features}};
  note_leftover_columns(work);
  if (!servqual.is_null()) {
    split_long_dimensions(questionnaire["servqual"]);
    make_ids_unique(questionnaire["servqual"]);
  }
  const bool scorable = !servqual.is_null() || !metrics.empty() || !features.empty();
  return Scaffold{std::move(questionnaire), std::move(work.notes), scorable};
}

}  // namespace gapscore
