package vetting

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"math"
)

// InputHash returns the SHA-256, in hex, of a canonical encoding of in:
// every field in a fixed order, each string prefixed by its length, so that
// equal inputs hash equally and no two different inputs share an encoding.
func InputHash(in Input) string {
	h := sha256.New()
	writeString(h, "shortlist vetting input v1")
	writeString(h, in.JobTitle)
	writeString(h, in.JobText)
	writeUint(h, uint64(len(in.Requirements)))
	for _, r := range in.Requirements {
		writeUint(h, uint64(r.ID))
		writeString(h, string(r.Kind))
		writeString(h, r.Text)
		writeUint(h, math.Float64bits(r.Weight))
		writeUint(h, uint64(r.Years))
	}
	writeString(h, in.ResumeText)
	return hex.EncodeToString(h.Sum(nil))
}

func writeString(h hash.Hash, s string) {
	writeUint(h, uint64(len(s)))
	h.Write([]byte(s))
}

func writeUint(h hash.Hash, v uint64) {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	h.Write(b[:])
}
