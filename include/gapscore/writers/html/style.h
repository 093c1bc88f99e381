#pragma once

namespace gapscore {

/// The page's whole style sheet, inlined in its <style> element so the page
/// fetches nothing: the layout, the summary cards, the tables and the text
/// and lines of the charts (whose fills are set mark by mark). Ends with a
/// newline.
extern const char kStyleSheet[];

}  // namespace gapscore
