package token

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Node.js, C++ and C#", "node.js c++ and c#"},
		{"ASP.NET / .NET Core", "asp.net .net core"},
		{"front-end Databases", "front end database"},
		{"Technologies ended.", "technology ended"},
		{"analysis status class", "analysis status class"},
		{"CI/CD", "ci cd"},
	}
	for _, tc := range tests {
		if got := strings.Join(Norms(tc.in), " "); got != tc.want {
			t.Errorf("Norms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	text := "Naïve  Go, c++!"
	for _, tok := range Tokenize(text) {
		if Normalize(tok.Surface(text)) != tok.Norm {
			t.Errorf("Surface(%d:%d) = %q, want a spelling of %q", tok.Start, tok.End,
				tok.Surface(text), tok.Norm)
		}
	}
}
