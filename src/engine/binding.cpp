#include "gapscore/engine/binding.h"

#include <map>
#include <optional>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/text.h"
#include "gapscore/engine/run.h"
#include "gapscore/input/header.h"
#include "gapscore/input/sniff.h"

namespace gapscore {

namespace {

// A header read as one column that holds another delimiter was split
// with the wrong one: say so once instead of missing every column.
void check_delimiter(const std::string& file, char delimiter, const Header& header) {
  const std::string& only = header.names().front();
  for (const char other : {',', ';', '\t', '|'}) {
    if (other == delimiter || only.find(other) == std::string::npos) continue;
    throw Error(ErrorKind::kInvalid,
                Diagnostic{file,
                           header.line(),
                           0,
                           {},
                           false,
                           Severity::kError,
                           "the header is a single column split by " + delimiter_name(delimiter) +
                               ", but it holds the " + delimiter_name(other) + " character; is the file " +
                               delimiter_name(other) + "-separated? (--delimiter chooses; by default it is detected)",
                           {}});
  }
}

void warn_of_names_not_utf8(const RunSetup& setup, const std::string& file, const Header& header) {
  for (std::size_t i = 0; i < header.names().size(); ++i) {
    if (!is_valid_utf8(header.names()[i])) {
      const auto [line, column] = header.position(i);
      setup.warning(
          file, line, column,
          "column name " + quote(header.names()[i]) + " is not valid UTF-8; is the file in another encoding?");
    }
  }
}

void warn_of_repeated_names(const RunSetup& setup, const std::string& file, const Header& header) {
  std::map<std::string, std::vector<std::size_t>> positions;
  for (std::size_t i = 0; i < header.names().size(); ++i) positions[header.names()[i]].push_back(i);
  for (const auto& [name, where] : positions) {
    if (where.size() < 2) continue;
    const auto [line, column] = header.position(where[1]);
    setup.warning(file, line, column,
                  "column name " + quote(name) + " appears " + std::to_string(where.size()) +
                      " times in the header; the questionnaire does not use it");
  }
}

}  // namespace

std::shared_ptr<const Binding> bind_header(const RunSetup& setup, const std::string& file, std::uint64_t file_index,
                                           char delimiter, Header& header) {
  const Questionnaire& questionnaire = setup.questionnaire;
  const Plan& plan = setup.plan;
  auto binding = std::make_shared<Binding>();
  binding->file = file;
  binding->file_index = file_index;
  binding->delimiter = delimiter;
  header.name_columns(questionnaire.header_names);
  binding->width = header.width();
  if (setup.options.on_header) setup.options.on_header(header.texts(), delimiter);
  warn_of_names_not_utf8(setup, file, header);
  if (binding->width == 1) check_delimiter(file, delimiter, header);

  std::vector<Diagnostic> errors;
  const auto locate = [&](const std::string& reference, const std::string& what, std::size_t* field) {
    std::string why;
    const std::optional<std::size_t> found = header.resolve(reference, &why);
    if (found) {
      *field = *found;
      return;
    }
    Diagnostic d;
    d.file = file;
    d.line = header.line();
    d.message = "column " + quote(reference) + " (" + what + ") " + why;
    errors.push_back(std::move(d));
  };
  std::map<std::string, std::string> roles;
  for (const ColumnUse& use : column_uses(questionnaire)) roles.emplace(use.column, use.role);
  binding->slot_fields.resize(plan.slots.size());
  for (std::size_t s = 0; s < plan.slots.size(); ++s) {
    locate(plan.slots[s].column, roles[plan.slots[s].column], &binding->slot_fields[s]);
  }
  binding->has_id = !questionnaire.respondent_id.empty();
  if (binding->has_id) locate(questionnaire.respondent_id, "the respondent id", &binding->id_field);
  binding->has_weight = !questionnaire.weight_column.empty();
  if (binding->has_weight) locate(questionnaire.weight_column, "the survey weight", &binding->weight_field);
  // The design's columns are counted with the breakdowns, but a missing one
  // is the questionnaire's fault, not the command line's.
  for (const std::string& column : setup.design_columns) {
    std::size_t field = 0;
    locate(column, roles[column], &field);
  }
  if (!errors.empty()) throw Error(ErrorKind::kInvalid, std::move(errors));
  binding->coding = FieldCoding(binding->width, binding->slot_fields, setup.slot_coders);

  for (const std::vector<std::string>& columns : setup.options.breakdowns) {
    std::vector<std::size_t> fields(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) locate(columns[c], "a --by column", &fields[c]);
    binding->breakdown_fields.push_back(std::move(fields));
  }
  if (!errors.empty()) throw Error(ErrorKind::kUsage, std::move(errors));
  warn_of_repeated_names(setup, file, header);
  return binding;
}

}  // namespace gapscore
