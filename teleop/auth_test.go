package teleop

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestParseTokens(t *testing.T) {
	tok, err := ParseTokens(strings.NewReader("# chiron tokens\n\nviewer  v1\n  operator o1 \nadmin a1\nclinician c1\n"))
	if err != nil {
		t.Fatal(err)
	}
	for token, want := range map[string]Role{"v1": RoleViewer, "o1": RoleOperator, "a1": RoleAdmin, "c1": RoleClinician} {
		if got, ok := tok.Lookup(token); !ok || got != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", token, got, ok, want)
		}
	}
	if _, ok := tok.Lookup("nope"); ok {
		t.Error("unknown token found")
	}
	if _, ok := tok.Lookup(""); ok {
		t.Error("empty token found")
	}
	if tok.Len() != 4 {
		t.Errorf("Len = %d, want 4", tok.Len())
	}
}

func TestParseTokensErrorsNameTheLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"viewer v1\nsurgeon s1\n", "line 2: unknown role \"surgeon\""},
		{"# c\nviewer\n", "line 2: want \"ROLE TOKEN [NAME]\", got 1 field(s)"},
		{"viewer t\noperator t\n", "line 2: token already registered with role viewer"},
	} {
		_, err := ParseTokens(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseTokens(%q) error %v, want it to contain %q", tc.in, err, tc.want)
		}
	}
}

// TestTokenNames: the rest of a token file's line names the holder.
func TestTokenNames(t *testing.T) {
	tok, err := ParseTokens(strings.NewReader("clinician c1 Dr  Ana Ruiz\nviewer v1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := tok.Name("c1"); !ok || n != "Dr Ana Ruiz" {
		t.Errorf("Name(c1) = %q %v", n, ok)
	}
	if r, ok := tok.Lookup("c1"); !ok || r != RoleClinician {
		t.Errorf("Lookup(c1) = %v %v", r, ok)
	}
	if n, ok := tok.Name("v1"); ok {
		t.Errorf("Name(v1) = %q, want none", n)
	}
}

func TestGenerateToken(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		tok, err := GenerateToken()
		if err != nil {
			t.Fatal(err)
		}
		if len(tok) != 43 || strings.ContainsAny(tok, "+/= ") {
			t.Fatalf("token %q: want 43 URL-safe characters", tok)
		}
		if seen[tok] {
			t.Fatalf("token %q generated twice", tok)
		}
		seen[tok] = true
	}
}

func TestRequestToken(t *testing.T) {
	for _, tc := range []struct{ header, url, want string }{
		{"Bearer abc", "/ws", "abc"},
		{"bearer  abc ", "/ws", "abc"},
		{"Basic abc", "/ws?token=q", ""}, // a header that is present but not Bearer is not silently ignored
		{"", "/ws?token=q", "q"},
		{"", "/ws", ""},
	} {
		r := httptest.NewRequest("GET", tc.url, nil)
		if tc.header != "" {
			r.Header.Set("Authorization", tc.header)
		}
		if got := requestToken(r); got != tc.want {
			t.Errorf("header %q url %q: token %q, want %q", tc.header, tc.url, got, tc.want)
		}
	}
}

func TestRolePermissions(t *testing.T) {
	for _, tc := range []struct {
		r                Role
		operate, release bool
	}{
		{RoleViewer, false, false}, {RoleClinician, false, false}, {RoleOperator, true, true}, {RoleAdmin, true, true},
	} {
		if tc.r.CanOperate() != tc.operate || tc.r.CanReleaseEStop() != tc.release {
			t.Errorf("%s: operate %v release %v", tc.r, tc.r.CanOperate(), tc.r.CanReleaseEStop())
		}
	}
}
