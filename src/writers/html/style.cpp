#include "gapscore/writers/html/style.h"

namespace gapscore {

const char kStyleSheet[] =
    R"(body{margin:0;background:#fff;color:#1a1a1a;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:2px solid #1a1a1a;padding-bottom:4px}
.meta,.note{color:#444;font-size:13px}
dl.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
dl.cards div{border:1px solid #999;border-radius:6px;padding:10px 14px;min-width:150px}
dl.cards dt{font-size:13px;color:#444}dl.cards dd{margin:2px 0 0;font-size:24px;font-weight:600}
dl.cards dd small{display:block;font-size:12px;font-weight:400;color:#444}
table{border-collapse:collapse;margin:12px 0;font-size:13px}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #bbb;padding:3px 8px;text-align:right;white-space:nowrap}
td.text{white-space:normal}
th[scope=row],td.text{text-align:left}thead th{background:#f0f0f0}
svg{display:block;max-width:100%;height:auto;margin:8px 0}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;fill:#1a1a1a}
svg .axis{stroke:#666;stroke-width:1}svg .grid{stroke:#ddd;stroke-width:1}
svg .zero{stroke:#1a1a1a;stroke-width:1.5}svg .whisker{stroke:#1a1a1a;stroke-width:2}
)";

}  // namespace gapscore
