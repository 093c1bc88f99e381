#include "gapscore/scaffold/scaffold.h"

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

}  // namespace

// Items are guessed first; each later guess passes over the columns taken
// before it (work.used), so this order decides which guess gets a column.
// Without expectation and perception pairs, metrics go before the
// perception-only items, so that an NPS question is not taken for a
// rating. The questionnaire's keys are set in the order a reader expects.
Scaffold scaffold_questionnaire(const scaffold::HeaderLayout& layout, const std::vector<ColumnProfile>& profiles,
                                const std::string& source, const std::string& schema) {
  Guesswork work(layout.names, layout.questions, profiles);
  if (!layout.description.empty()) work.notes.push_back("header: " + layout.description);
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
  if (!pairing.items.empty()) {
    const std::string item_scale = scaffold::guess_item_scale(pairing.items, work, &scales);
    servqual = scaffold::guess_servqual(pairing.items, item_scale, work);
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
  if (pairing.items.empty()) servqual = scaffold::guess_perception_items(work, &scales);
  if (!scales.empty()) questionnaire["scales"] = scales;
  if (!servqual.is_null()) questionnaire["servqual"] = servqual;
  if (!metrics.empty()) questionnaire["metrics"] = metrics;
  const Json features = scaffold::guess_kano_features(work);
  if (!features.empty()) questionnaire["kano"] = {{"features", features}};
  note_leftover_columns(work);
  const bool scorable = !servqual.is_null() || !metrics.empty() || !features.empty();
  return Scaffold{std::move(questionnaire), std::move(work.notes), scorable};
}

}  // namespace gapscore
