// Package chiron is the chiron command — the control stack for surgical and
// rehabilitation robots: one binary whose subcommands run the kinematics
// tools, the control loop benchmarks, the drivers, the simulated drive
// firmware, the HIL simulator and the teleoperation console.
//
// cmd/chiron is this package's Main. It is a package, not only a main, so
// that a researcher's own binary can be chiron plus their controllers:
// a main that imports their controller packages (which register
// themselves) and calls Main.
package chiron

import (
	"errors"
	"fmt"
	"io"
	"sort"
)

// command is one subcommand. run gets the arguments after the subcommand's
// name and returns an error; a usageError exits with status 2.
type command struct {
	name    string
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

var commands = map[string]command{}

// register adds a subcommand; each subcommand's file calls it from init.
func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("chiron: subcommand registered twice: " + c.name)
	}
	commands[c.name] = c
}

// usageError marks bad input or bad flags: the process exits with status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// Main runs the chiron command with args (without the program's name) and
// returns the process's exit status: 0 success, 1 failure, 2 bad usage or
// bad input.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(args, stdin, stdout, stderr)
}

// run dispatches to a subcommand and maps its error to an exit status:
// 0 success, 1 failure, 2 bad usage or bad input.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "chiron: unknown subcommand %q (run 'chiron help')\n", args[0])
		return 2
	}
	if err := c.run(args[1:], stdin, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "chiron %s: %v\n", c.name, err)
		var ue usageError
		if errors.As(err, &ue) {
			return 2
		}
		var ee exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		return 1
	}
	return 0
}

// exitError carries a specific exit status (e.g. 1 for a failed expectation).
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "chiron — control stack for surgical and rehabilitation robots")
	fmt.Fprintln(w, "\nUsage: chiron <subcommand> [flags]\n\nSubcommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-14s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "  help           this list\n\nRun 'chiron <subcommand> -h' for its flags.")
}
