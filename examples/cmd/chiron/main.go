// Command chiron is chiron plus the example variable-impedance controller:
// the one import below registers it, so every subcommand that selects a
// controller by name — hil run/sweep (controller: var-impedance), serve
// --controller var-impedance, a rehabilitation exercise mode
// controller:var-impedance — can run it. A researcher's own binary is this
// file with their package in place of varimpedance.
package main

import (
	"os"

	chiron "github.com/chiron-robotics/chiron/cli/chiron"

	_ "github.com/chiron-robotics/chiron/examples/varimpedance"
)

func main() {
	os.Exit(chiron.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
