package kinematics

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// LoadChain reads a URDF (.urdf, .xml) or a modified-DH JSON table (.json) and
// returns the chain from base to tip. For a URDF, an empty base means the
// tree's root and an empty tip means its single leaf (an error when there are
// several). For a DH table base and tip must be empty or name its own frames
// ("base", "tool_tip").
func LoadChain(path, base, tip string) (*Chain, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".json" || (ext != ".urdf" && ext != ".xml" && bytes.HasPrefix(bytes.TrimSpace(data), []byte("{"))) {
		c, err := ParseDH(bytes.NewReader(data), path)
		if err != nil {
			return nil, err
		}
		if (base != "" && base != c.Base) || (tip != "" && tip != c.TipName) {
			return nil, fmt.Errorf("%s: a DH table's chain runs from %q to %q; got --base %q --tip %q", path, c.Base, c.TipName, base, tip)
		}
		return c, nil
	}
	m, err := ParseURDF(bytes.NewReader(data), path)
	if err != nil {
		return nil, err
	}
	if base == "" {
		base = m.Root
	}
	if tip == "" {
		leaves := m.Leaves(base)
		if len(leaves) != 1 {
			return nil, fmt.Errorf("%s: %d leaf links below %q %v: name the tip with --tip", path, len(leaves), base, leaves)
		}
		tip = leaves[0]
	}
	c, err := m.Chain(base, tip)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// Leaves returns the links below base that have no children, in document order.
func (m *Model) Leaves(base string) []string {
	hasChild := map[string]bool{}
	for _, j := range m.Joints {
		hasChild[j.Parent] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, j := range m.Joints {
		if hasChild[j.Child] || seen[j.Child] || !m.isBelow(j.Child, base) {
			continue
		}
		seen[j.Child] = true
		out = append(out, j.Child)
	}
	if len(out) == 0 && !hasChild[base] {
		out = append(out, base)
	}
	return out
}

func (m *Model) isBelow(link, base string) bool {
	for cur := link; ; {
		if cur == base {
			return true
		}
		j, ok := m.byChild[cur]
		if !ok {
			return false
		}
		cur = j.Parent
	}
}
