#include "gapscore/base/siphash.h"

#include <catch2/catch.hpp>
#include <string>

namespace gapscore {

namespace {

std::string bytes_up_to(std::size_t length) {
  std::string message;
  for (std::size_t i = 0; i < length; ++i) message += static_cast<char>(i);
  return message;
}

}  // namespace

// The reference implementation's vectors (key 00..0f, message 00..len-1),
// also recomputed by a Python transcription of the paper's algorithm.
TEST_CASE("SipHash-2-4-128 gives the reference vectors", "[base]") {
  const SipKey key{0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL};
  const struct {
    std::size_t length;
    std::uint64_t low;
    std::uint64_t high;
  } vectors[] = {
      {0, 0xe6a825ba047f81a3ULL, 0x930255c71472f66dULL},  {1, 0x44af996bd8c187daULL, 0x45fc229b11597634ULL},
      {7, 0x53c1dbd8beebf1a1ULL, 0x3982f01fa64ab8c0ULL},  {8, 0x61f55862baa9623bULL, 0xb49714f364e2830fULL},
      {15, 0x11a8b03399e99354ULL, 0xd9c3cf970fec087eULL}, {17, 0x98b88d73e8063d47ULL, 0x4077e47ac466c054ULL},
  };
  for (const auto& vector : vectors) {
    const Hash128 hash = siphash128(key, bytes_up_to(vector.length));
    INFO("length " << vector.length);
    CHECK(hash.low == vector.low);
    CHECK(hash.high == vector.high);
  }
}

TEST_CASE("random SipHash keys differ from run to run", "[base]") {
  const SipKey a = random_sip_key();
  const SipKey b = random_sip_key();
  CHECK((a.k0 != b.k0 || a.k1 != b.k1));
}

}  // namespace gapscore
