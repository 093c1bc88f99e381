#include "gapscore/writers/csv_writer.h"

#include <catch2/catch.hpp>

#include "writers/small_report.h"

namespace gapscore {

TEST_CASE("the tidy CSV report has one figure a row", "[writers]") {
  const std::string csv = to_csv(small_report());
  CHECK(csv.rfind("segment,level,id,measure,stat,value\n"
                  "all,input,,,rows_read,3\n"
                  "all,input,,,rows_used,2\n"
                  "all,input,,,rows_rejected,1\n"
                  "all,input,,field_count,rows_rejected,1\n"
                  "all,input,P_1,out_of_range,invalid_cells,2\n"
                  "all,segment,,,rows,2\n"
                  "all,segment,,,suppressed,0\n"
                  "all,item,T1,perception,n,2\n"
                  "all,item,T1,perception,mean,0.1\n"
                  "all,item,T1,perception,sd,\n",
                  0) == 0);
  CHECK(csv.find("all,item,T1,perception,freq_3,1\n") != std::string::npos);
  CHECK(csv.find("all,item,T1,gap,ci95_low,-2\n") != std::string::npos);
  CHECK(csv.find("all,item,T1,gap,t,\n") != std::string::npos);
  CHECK(csv.find("all,metric,nps,nps,score,\n") != std::string::npos);
  CHECK(csv.find("all,metric,nps,nps,freq_10,0\n") != std::string::npos);
  CHECK(csv.find("\"region=North, \"\"upper\"\";channel=web\",segment,,,suppressed,1\n") != std::string::npos);
}

TEST_CASE("csv_field quotes only when it must", "[writers]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"x\"") == "\"say \"\"x\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
}

}  // namespace gapscore
