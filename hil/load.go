package hil

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/chiron-robotics/chiron/kinematics"
)

// LoadChain loads a robot model: a modified-DH JSON table, or a URDF whose
// chain runs from base to tip. Empty base and tip mean the root and the
// single leaf; for a branching URDF (an arm with a gripper's fingers) the
// tip is taken from the model's reference/chain.txt ("BASE TIP") when
// there is one.
func LoadChain(path string) (*kinematics.Chain, error) {
	return LoadChainTip(path, "", "")
}

// LoadChainTip is LoadChain with an explicit base and tip link.
func LoadChainTip(path, base, tip string) (*kinematics.Chain, error) {
	c, err := kinematics.LoadChain(path, base, tip)
	if err == nil || base != "" || tip != "" {
		return c, err
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".urdf" && ext != ".xml" {
		return nil, err
	}
	if data, rerr := os.ReadFile(filepath.Join(filepath.Dir(path), "reference", "chain.txt")); rerr == nil {
		if f := strings.Fields(string(data)); len(f) == 2 {
			return kinematics.LoadChain(path, f[0], f[1])
		}
	}
	return nil, err
}
