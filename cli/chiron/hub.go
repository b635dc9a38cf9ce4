package chiron

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/chiron-robotics/chiron/hub"
	"github.com/chiron-robotics/chiron/rehab/store"
	"github.com/chiron-robotics/chiron/teleop/console"
)

func init() {
	register(command{
		name:    "hub",
		summary: "the hospital's hub: home devices (chiron serve --hub) replicate their rehab records into its database, and its clinicians see the devices and run their sessions remotely (device list at /)",
		run:     runHub,
	})
}

func runHub(args []string, _ io.Reader, out, errw io.Writer) error {
	fs := flag.NewFlagSet("hub", flag.ContinueOnError)
	fs.SetOutput(errw)
	addr := fs.String("addr", "127.0.0.1:8443", "listen address host:port (port 0 picks one)")
	db := fs.String("db", "", "the hub's records: a postgres://… URL (a hospital's), or a SQLite file (required)")
	devices := fs.String("devices", "", "devices file: one 'DEVICE-ID TOKEN' per line (tokens ≥ 32 bytes); SIGHUP re-reads it, and a device no longer listed is revoked at once (required)")
	clinFile := fs.String("clinicians", "", "clinicians file: one 'CLINICIAN-ID TOKEN PATIENT[,PATIENT…]|*' per line; a clinician sees the devices whose patients are all theirs (the page at /, GET /v1/devices), runs their sessions remotely (each device's clinician page relayed at /v1/devices/ID/clinic.html), reads their patients' FHIR bundles (GET /v1/patients/ID/fhir?from=&to=), * also the audit log (GET /v1/audit); every prescription, start, pause, resume, stop, export and refusal is audited. SIGHUP re-reads it")
	cert := fs.String("tls-cert", "", "TLS certificate (PEM); with --tls-key the hub serves HTTPS, as it must beyond a test bench")
	key := fs.String("tls-key", "", "TLS private key (PEM)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err}
	}
	switch {
	case fs.NArg() > 0:
		return usagef("unexpected argument %q", fs.Arg(0))
	case *db == "":
		return usagef("--db is required")
	case *devices == "":
		return usagef("--devices is required")
	case (*cert == "") != (*key == ""):
		return usagef("--tls-cert and --tls-key go together")
	}
	tokens := hub.NewTokens()
	clinicians := hub.NewClinicians()
	loadClinicians := func() error {
		if *clinFile == "" {
			return nil
		}
		f, err := os.Open(*clinFile)
		if err != nil {
			return err
		}
		defer f.Close()
		cs, err := hub.ReadClinicians(f, *clinFile)
		if err != nil {
			return err
		}
		clinicians.Replace(cs)
		return nil
	}
	load := func() ([]string, error) {
		f, err := os.Open(*devices)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		m, err := hub.ReadDevices(f, *devices)
		if err != nil {
			return nil, err
		}
		return tokens.Replace(m)
	}
	if _, err := load(); err != nil {
		return usageError{err}
	}
	if err := loadClinicians(); err != nil {
		return usageError{err}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return fmt.Errorf("hub database %s: %w", redactDSN(*db), err)
	}
	defer st.Close()
	log := slog.New(slog.NewTextHandler(errw, nil))
	hs := hub.NewServer(st, tokens, log)
	hs.SetClinicians(clinicians)
	hs.ServePages(console.Assets())
	srv := &http.Server{Handler: hs, ReadHeaderTimeout: 10 * time.Second}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	scheme := "http"
	if *cert != "" {
		pair, err := tls.LoadX509KeyPair(*cert, *key)
		if err != nil {
			ln.Close()
			return fmt.Errorf("TLS: %w", err)
		}
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12})
		scheme = "https"
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				revoked, err := load()
				if err != nil {
					log.Error("hub: devices file not reloaded; the previous table stays", "err", err)
					continue
				}
				log.Info("hub: devices file reloaded", "devices", len(tokens.Devices()), "revoked", strings.Join(revoked, ","))
				if err := loadClinicians(); err != nil {
					log.Error("hub: clinicians file not reloaded; the previous table stays", "err", err)
					continue
				}
				log.Info("hub: clinicians file reloaded", "clinicians", strings.Join(clinicians.IDs(), ","))
			}
		}
	}()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	fmt.Fprintf(out, "hub %s://%s/\n", scheme, ln.Addr())
	fmt.Fprintf(out, "hub: %d devices may replicate (%s)\n", len(tokens.Devices()), strings.Join(tokens.Devices(), ", "))
	fmt.Fprintf(out, "hub: clinicians open %s://%s/#token=<clinician token>\n", scheme, ln.Addr())
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = srv.Shutdown(sctx)
	fmt.Fprintln(out, "hub: stopped")
	return err
}

// hubLink is a device's link to a hub: serve --hub.
type hubLink struct {
	URL   string
	Token string
	// CAs verify the hub's certificate; nil means the system's roots.
	CAs *x509.CertPool
}

// hubFlags adds serve's --hub flags; the returned function reads them
// into a link (nil without --hub).
func hubFlags(fs *flag.FlagSet) func() (*hubLink, error) {
	u := fs.String("hub", "", "replicate this device's rehab records to the hospital's hub at this URL (https://host:port; `chiron hub`): store and forward, the device records while the hub is unreachable and catches up when it is back")
	tokFile := fs.String("hub-token-file", "", "file holding this device's hub token (the hub's devices file lists it); required with --hub")
	ca := fs.String("hub-ca", "", "PEM certificates that verify the hub's (default: the system's roots)")
	return func() (*hubLink, error) {
		if *u == "" {
			if *tokFile != "" || *ca != "" {
				return nil, usagef("--hub-token-file and --hub-ca need --hub")
			}
			return nil, nil
		}
		if *tokFile == "" {
			return nil, usagef("--hub needs --hub-token-file")
		}
		b, err := os.ReadFile(*tokFile)
		if err != nil {
			return nil, usageError{fmt.Errorf("--hub-token-file: %w", err)}
		}
		l := &hubLink{URL: *u, Token: strings.TrimSpace(string(b))}
		if *ca != "" {
			pem, err := os.ReadFile(*ca)
			if err != nil {
				return nil, usageError{fmt.Errorf("--hub-ca: %w", err)}
			}
			l.CAs = x509.NewCertPool()
			if !l.CAs.AppendCertsFromPEM(pem) {
				return nil, usagef("--hub-ca %s: no PEM certificate in it", *ca)
			}
		}
		return l, nil
	}
}

// replicate runs a replicator from st to l until ctx ends, logging when the
// link fails and when it is back, not every batch.
func replicate(ctx context.Context, st *store.Store, l *hubLink, log *slog.Logger) (*hub.Replicator, func(), error) {
	var client *http.Client
	if l.CAs != nil {
		client = &http.Client{Timeout: hub.DefaultRequestTimeout,
			Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: l.CAs, MinVersion: tls.VersionTLS12}}}
	}
	failing := false
	r, err := hub.NewReplicator(hub.ReplicatorConfig{Store: st, URL: l.URL, Token: l.Token, Client: client,
		OnBatch: func(ev hub.Event) {
			switch {
			case ev.Err != nil && !failing:
				failing = true
				log.Warn("hub: records not replicated; the device keeps them and retries", "hub", l.URL, "err", ev.Err)
			case ev.Err == nil && failing:
				failing = false
				log.Info("hub: replicating again", "hub", l.URL, "samples", ev.Samples)
			}
		}})
	if err != nil {
		return nil, nil, usageError{err}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = r.Run(ctx)
	}()
	return r, func() { cancel(); <-done }, nil
}
