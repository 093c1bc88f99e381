#include "gapscore/base/siphash.h"

#include <cstring>
#include <random>

namespace gapscore {

namespace {

constexpr std::uint64_t rotate_left(std::uint64_t x, int bits) { return (x << bits) | (x >> (64 - bits)); }

struct SipState {
  std::uint64_t v0, v1, v2, v3;

  void round() {
    v0 += v1;
    v1 = rotate_left(v1, 13);
    v1 ^= v0;
    v0 = rotate_left(v0, 32);
    v2 += v3;
    v3 = rotate_left(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = rotate_left(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = rotate_left(v1, 17);
    v1 ^= v2;
    v2 = rotate_left(v2, 32);
  }

  void absorb(std::uint64_t word) {
    v3 ^= word;
    round();
    round();
    v0 ^= word;
  }

  std::uint64_t squeeze() {
    for (int i = 0; i < 4; ++i) round();
    return v0 ^ v1 ^ v2 ^ v3;
  }
};

std::uint64_t little_endian_word(const char* bytes, std::size_t count) {
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < count; ++i) word |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
  return word;
}

}  // namespace

Hash128 siphash128(const SipKey& key, std::string_view message) {
  SipState state{key.k0 ^ 0x736f6d6570736575ULL, key.k1 ^ 0x646f72616e646f6dULL ^ 0xee, key.k0 ^ 0x6c7967656e657261ULL,
                 key.k1 ^ 0x7465646279746573ULL};
  const std::size_t whole = message.size() - message.size() % 8;
  for (std::size_t at = 0; at < whole; at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, message.data() + at, sizeof word);  // every host gapscore builds for is little-endian
    state.absorb(word);
  }
  state.absorb((std::uint64_t{message.size() & 0xff} << 56) |
               little_endian_word(message.data() + whole, message.size() - whole));
  state.v2 ^= 0xee;
  Hash128 hash;
  hash.low = state.squeeze();
  state.v1 ^= 0xdd;
  hash.high = state.squeeze();
  return hash;
}

SipKey random_sip_key() {
  std::random_device source;
  SipKey key;
  key.k0 = (std::uint64_t{source()} << 32) | source();
  key.k1 = (std::uint64_t{source()} << 32) | source();
  return key;
}

}  // namespace gapscore
