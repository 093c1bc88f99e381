// LineReader's 48 MiB buffer comes from new[] uninitialised; a fresh
// mapping happens to be zeros, which hides any read of bytes it was never
// given. Here every such buffer starts full of line breaks, as memory an
// earlier reader used may be, so such a read shows up in the tests.
#include <cstdlib>
#include <cstring>
#include <new>

namespace {

constexpr std::size_t kLineBuffer = std::size_t{3} << 24;  // LineReader's 3 * block_len
constexpr std::size_t kStaleBytes = std::size_t{1} << 20;

}  // namespace

void* operator new[](std::size_t size) {
  void* memory = std::malloc(size == 0 ? 1 : size);
  if (memory == nullptr) throw std::bad_alloc();
  if (size == kLineBuffer) std::memset(memory, '\n', kStaleBytes);
  return memory;
}
void operator delete[](void* memory) noexcept { std::free(memory); }
void operator delete[](void* memory, std::size_t) noexcept { std::free(memory); }
