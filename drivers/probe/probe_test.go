package probe

import (
	"io"
	"slices"
	"strings"
	"testing"
)

func TestParseIDs(t *testing.T) {
	for _, tc := range []struct {
		spec string
		want []int
		err  string
	}{
		{"1-3,7", []int{1, 2, 3, 7}, ""},
		{"5,1-2,2", []int{1, 2, 5}, ""},
		{"0-2", nil, "0"},
		{"3-1", nil, "3-1"},
		{"x", nil, "x"},
	} {
		got, err := ParseIDs(tc.spec, 1, 127)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %v, want an error naming %q", tc.spec, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v %v, want %v", tc.spec, got, err, tc.want)
		}
	}
}

func TestRunRefusesUnknownProtocol(t *testing.T) {
	if _, err := Run(Config{Protocol: "ethercat"}, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "ethercat") {
		t.Fatalf("unknown protocol: %v", err)
	}
}
