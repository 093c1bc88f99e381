#pragma once

// SipHash-2-4 with a 128-bit output (Aumasson and Bernstein, 2012): a keyed
// hash for which, without the key, nobody can make two inputs collide.

#include <cstdint>
#include <string_view>

namespace gapscore {

struct SipKey {
  std::uint64_t k0 = 0;
  std::uint64_t k1 = 0;
};

struct Hash128 {
  std::uint64_t low = 0;  ///< the first 8 bytes of the output, little-endian
  std::uint64_t high = 0;
};

Hash128 siphash128(const SipKey& key, std::string_view message);

/// A key from the system's random source, for hashes a run keeps to itself.
SipKey random_sip_key();

}  // namespace gapscore
