package asset

import "testing"

func TestRewriteCSS(t *testing.T) {
	known := map[string]string{
		"vendor/icons/fonts/icons.woff2": "vendor/icons/fonts/icons.0123456789ab.woff2",
		"vendor/shared/sprite.svg":       "vendor/shared/sprite.ba9876543210.svg",
	}
	hashed := func(name string) (string, bool) {
		h, ok := known[name]
		return h, ok
	}
	tests := []struct {
		name string
		in   string
		want string
	}{
		{
			"double quotes, query dropped",
			`src:url("fonts/icons.woff2?abc") format("woff2")`,
			`src:url("fonts/icons.0123456789ab.woff2") format("woff2")`,
		},
		{"single quotes", `url('fonts/icons.woff2')`, `url('fonts/icons.0123456789ab.woff2')`},
		{"no quotes", `url( fonts/icons.woff2 )`, `url( fonts/icons.0123456789ab.woff2 )`},
		{"parent folder, fragment kept", `url(../shared/sprite.svg#x)`,
			`url(../shared/sprite.ba9876543210.svg#x)`},
		{"data URI", `url("data:image/svg+xml,%3csvg xmlns='a'/%3e")`,
			`url("data:image/svg+xml,%3csvg xmlns='a'/%3e")`},
		{"absolute", `url(/static/x.png) url(https://cdn.example/x.png)`,
			`url(/static/x.png) url(https://cdn.example/x.png)`},
		{"unknown file", `url("fonts/other.woff2")`, `url("fonts/other.woff2")`},
		{"escaping the root", `url(../../../x.svg)`, `url(../../../x.svg)`},
		{
			"two references",
			`a{b:url(fonts/icons.woff2)}c{d:url("fonts/icons.woff2")}`,
			`a{b:url(fonts/icons.0123456789ab.woff2)}c{d:url("fonts/icons.0123456789ab.woff2")}`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := string(rewriteCSS("vendor/icons/icons.css", []byte(tc.in), hashed))
			if got != tc.want {
				t.Errorf("rewriteCSS(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
