package hub

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadDevices(t *testing.T) {
	good := "# home devices\n\nhome-1 " + token("home-1") + "\n  home-2\t" + token("home-2") + "  \n"
	m, err := ReadDevices(strings.NewReader(good), "devices")
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"home-1": token("home-1"), "home-2": token("home-2")}; !reflect.DeepEqual(m, want) {
		t.Fatalf("got %v", m)
	}
	for _, c := range []struct{ in, want string }{
		{"home-1\n", "devices:1: want \"DEVICE-ID TOKEN\", got 1 fields"},
		{"# x\nhome 1 " + token("a") + "\n", "devices:2: want \"DEVICE-ID TOKEN\", got 3 fields"},
		{"home/1 " + token("a") + "\n", `devices:1: device id "home/1"`},
		{"home-1 short\n", "devices:1: token of device home-1: 5 bytes, want at least 32"},
		{"home-1 " + token("a") + "\nhome-1 " + token("b") + "\n", "devices:2: device home-1 listed again (first on line 1)"},
		{"home-1 " + token("a") + "\nhome-2 " + token("a") + "\n", "devices:2: device home-2 has the token of device home-1"},
	} {
		_, err := ReadDevices(strings.NewReader(c.in), "devices")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.in, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "0123456789abcdef") {
			t.Errorf("%q: the error shows a token: %v", c.in, err)
		}
	}
}

func TestTokensReplaceRevokes(t *testing.T) {
	tk := NewTokens()
	for _, d := range []string{"home-1", "home-2"} {
		if err := tk.Set(d, token(d)); err != nil {
			t.Fatal(err)
		}
	}
	revoked, err := tk.Replace(map[string]string{"home-2": token("home-2"), "home-3": token("home-3")})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(revoked, []string{"home-1"}) {
		t.Errorf("revoked %v", revoked)
	}
	if _, ok := tk.Device(token("home-1")); ok {
		t.Error("home-1's token still authenticates")
	}
	if d, ok := tk.Device(token("home-3")); !ok || d != "home-3" {
		t.Errorf("home-3's token: %q %v", d, ok)
	}
	if got := tk.Devices(); !reflect.DeepEqual(got, []string{"home-2", "home-3"}) {
		t.Errorf("devices %v", got)
	}
	// A bad table leaves the old one in place.
	if _, err := tk.Replace(map[string]string{"home-4": "short"}); err == nil {
		t.Error("a short token accepted")
	}
	if got := tk.Devices(); !reflect.DeepEqual(got, []string{"home-2", "home-3"}) {
		t.Errorf("after a refused Replace: %v", got)
	}
}

func FuzzReadDevices(f *testing.F) {
	f.Add("home-1 " + token("home-1") + "\n")
	f.Add("# c\n\nx y z\n")
	f.Add("a " + token("a") + "\na " + token("a") + "\n")
	f.Fuzz(func(t *testing.T, in string) {
		m, err := ReadDevices(strings.NewReader(in), "f")
		if err != nil {
			return
		}
		tk := NewTokens()
		if _, err := tk.Replace(m); err != nil {
			t.Fatalf("ReadDevices accepted what Replace refuses: %v", err)
		}
	})
}
