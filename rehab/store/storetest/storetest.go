// Package storetest gives tests of the rehab store and its users a
// PostgreSQL schema of their own: CHIRON_TEST_POSTGRES names a database
// (scripts/pg-test-env.sh starts a throwaway cluster and prints its DSN;
// .ci/run does so in CI), each test gets a fresh schema dropped when it
// ends, and a test without the variable skips with a message saying how to
// get one. It is a test helper and imports package testing.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// EnvVar is the environment variable holding the test database's DSN.
const EnvVar = "CHIRON_TEST_POSTGRES"

// PostgresDSN creates a schema of the test's own, dropped at its end, and
// returns a DSN whose search_path selects it; it skips t when EnvVar is
// unset.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvVar)
	if base == "" {
		t.Skip(EnvVar + " not set (scripts/pg-test-env.sh starts a cluster)")
	}
	ctx := context.Background()
	c, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("%s: %v", EnvVar, err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	if _, err := c.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		c.Close(ctx)
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		c.Close(context.Background())
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}
