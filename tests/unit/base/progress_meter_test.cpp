#include "gapscore/base/progress_meter.h"

#include <catch2/catch.hpp>

namespace gapscore {

TEST_CASE("byte sizes in decimal units with one decimal", "[progress]") {
  CHECK(byte_size_text(0) == "0 B");
  CHECK(byte_size_text(999) == "999 B");
  CHECK(byte_size_text(1000) == "1.0 kB");
  CHECK(byte_size_text(128'400'000) == "128.4 MB");
  CHECK(byte_size_text(999'960'000) == "1.0 GB");
  CHECK(byte_size_text(5'300'000'000) == "5.3 GB");
}

TEST_CASE("the progress line: share of the total, rows and rate", "[progress]") {
  ProgressMeter known(2'000'000);
  known.add(500'000, 4000);
  known.add(300'000, 2000);
  // 800 kB of 2 MB is 40%; 6000 rows in 2 s is 3000 rows/s.
  CHECK(known.line(2) == "gapscore: 40% of 2.0 MB, 6000 rows, 3000 rows/s");
  CHECK(known.line(0) == "gapscore: 40% of 2.0 MB, 6000 rows");
  known.complete();
  CHECK(known.line(3) == "gapscore: 100% of 2.0 MB, 6000 rows, 2000 rows/s");
  ProgressMeter unknown(0);
  unknown.add(1'500'000, 10);
  CHECK(unknown.line(0.5) == "gapscore: 1.5 MB read, 10 rows, 20 rows/s");
}

}  // namespace gapscore
