package firmwaresim

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// CANNode is a CAN protocol front end (a set of simulated drives on one bus):
// it answers frames and does its periodic work (heartbeats, timeouts) on the
// Sim's clock. send puts a frame on the bus; it must not be kept.
type CANNode interface {
	// HandleFrame processes one frame from the bus.
	HandleFrame(f canbus.Frame, send func(canbus.Frame))
	// Tick does time-driven work up to the Sim's current time. ServeCAN
	// calls it after every poll; a lockstep runner calls it after Sim.Step.
	Tick(send func(canbus.Frame))
}

// ServeCAN runs node on conn until ctx ends: every received frame goes to
// HandleFrame, and Tick runs at least every poll. Write errors end it.
func ServeCAN(ctx context.Context, conn canbus.Conn, node CANNode, poll time.Duration) error {
	if poll <= 0 {
		poll = time.Millisecond
	}
	var werr error
	send := func(f canbus.Frame) {
		if err := conn.WriteFrame(f); err != nil && werr == nil {
			werr = err
		}
	}
	for ctx.Err() == nil {
		f, err := conn.ReadFrame(poll)
		switch {
		case err == nil:
			node.HandleFrame(f, send)
		case errors.Is(err, canbus.ErrTimeout):
		case errors.Is(err, canbus.ErrClosed):
			return nil
		default:
			return fmt.Errorf("firmware-sim: read CAN: %w", err)
		}
		node.Tick(send)
		if werr != nil {
			return fmt.Errorf("firmware-sim: write CAN: %w", werr)
		}
	}
	return nil
}

// SLCANServer serves a CAN front end to a host over a serial stream as a
// USB-CAN adapter speaking SLCAN (Lawicel) would: the host's SLCAN commands
// reach an adapter model on an in-memory CAN segment where node listens.
type SLCANServer struct {
	Node CANNode
	// Poll bounds how long the node waits before its periodic work.
	Poll time.Duration
}

// slcanPort is what the SLCAN adapter model needs of the host-facing stream.
type slcanPort interface {
	io.ReadWriter
	SetReadTimeout(time.Duration) error
	ResetInputBuffer() error
	Close() error
}

// Serve runs the adapter and the node until ctx ends or the host goes away.
// rw must be a *PTY (or another serialport.Port).
func (s *SLCANServer) Serve(ctx context.Context, rw io.ReadWriter) error {
	port, ok := rw.(slcanPort)
	if !ok {
		return fmt.Errorf("firmware-sim: SLCAN needs a serial port with read timeouts, got %T", rw)
	}
	bus := canbus.NewBus(4096)
	adapter, node := bus.Connect(), bus.Connect()
	defer adapter.Close()
	defer node.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 2)
	go func() {
		var dev canbus.SLCANDevice
		errc <- dev.Serve(ctx, port, adapter)
	}()
	go func() { errc <- ServeCAN(ctx, node, s.Node, s.Poll) }()
	err := <-errc
	cancel()
	if err2 := <-errc; err == nil {
		err = err2
	}
	return err
}
