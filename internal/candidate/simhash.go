package candidate

import (
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// SimHash returns a 64-bit fingerprint of text in which near-identical texts
// differ in few bits: each word trigram votes on every bit by its hash.
func SimHash(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return 0
	}
	var votes [64]int
	h := fnv.New64a()
	for i := range max(1, len(words)-2) {
		h.Reset()
		h.Write([]byte(strings.Join(words[i:min(i+3, len(words))], " ")))
		v := h.Sum64()
		for b := range 64 {
			if v&(1<<b) != 0 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	var out uint64
	for b, n := range votes {
		if n > 0 {
			out |= 1 << b
		}
	}
	return out
}

// Bands splits a fingerprint into four 16-bit bands. Two fingerprints within
// three bits of each other share at least one band, so an index on each band
// finds near duplicates without comparing every pair.
func Bands(h uint64) [4]int64 {
	return [4]int64{int64(h & 0xffff), int64(h >> 16 & 0xffff), int64(h >> 32 & 0xffff),
		int64(h >> 48 & 0xffff)}
}

// nearDuplicateBits is how many bits two fingerprints may differ by and
// still count as near-identical text.
const nearDuplicateBits = 3

// NearDuplicate reports whether two fingerprints are of near-identical texts.
func NearDuplicate(a, b uint64) bool {
	return a != 0 && b != 0 && bits.OnesCount64(a^b) <= nearDuplicateBits
}
