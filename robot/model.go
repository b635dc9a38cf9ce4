package robot

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/chiron-robotics/chiron/kinematics"
)

// LoadModel loads a robot model — a modified-DH JSON table or a URDF — as
// the chain every front end runs (serve, demo, hil, bench, kin,
// firmware-sim: one rule for --model, --base and --tip). With base or tip
// given the chain runs exactly between them. Without them a URDF's chain
// runs from its root to its single leaf; when the tree branches (an arm
// with a gripper's fingers) it ends at the tip named in the model's
// reference/chain.txt ("BASE TIP") when there is one, else at the last link
// common to every branch (the flange or hand the fingers hang from).
func LoadModel(path, base, tip string) (*kinematics.Chain, error) {
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
	root, end, ok := commonTip(path)
	if !ok {
		return nil, err
	}
	return kinematics.LoadChain(path, root, end)
}

// commonTip returns a URDF's root and the last link shared by every
// root-to-leaf branch.
func commonTip(path string) (root, tip string, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return "", "", false
	}
	defer f.Close()
	m, err := kinematics.ParseURDF(f, path)
	if err != nil {
		return "", "", false
	}
	parent := map[string]string{}
	for _, j := range m.Joints {
		parent[j.Child] = j.Parent
	}
	var common []string
	for k, leaf := range m.Leaves(m.Root) {
		var branch []string
		for l := leaf; l != ""; l = parent[l] {
			branch = append([]string{l}, branch...)
		}
		if k == 0 {
			common = branch
			continue
		}
		i := 0
		for i < len(common) && i < len(branch) && common[i] == branch[i] {
			i++
		}
		common = common[:i]
	}
	if len(common) < 2 {
		return "", "", false
	}
	return m.Root, common[len(common)-1], true
}
