package canopensim

import (
	"context"
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

// Two simulated drives served on an in-memory CAN bus; a host reads their
// device type and rated torque over SDO. canopen.Network runs the same way
// (see Node.HostJoints for its joint configuration).
func Example() {
	sim, err := firmwaresim.New(testChain(2), firmwaresim.Config{})
	if err != nil {
		panic(err)
	}
	node, err := New(sim, Config{})
	if err != nil {
		panic(err)
	}
	bus := canbus.NewBus(256)
	dev, host := bus.Connect(), bus.Connect()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- firmwaresim.ServeCAN(ctx, dev, node, time.Millisecond) }()
	defer func() { cancel(); <-done }()

	sdo := &canopen.SDOClient{Conn: host, Timeout: time.Second}
	for n := uint8(1); n <= 2; n++ {
		dt, _ := sdo.UploadU32(n, canopen.ObjDeviceType, 0)
		mNm, _ := sdo.UploadU32(n, canopen.ObjRatedTorque, 0)
		fmt.Printf("node %d: device type 0x%08x, rated torque %d mN·m\n", n, dt, mNm)
	}
	// Output:
	// node 1: device type 0x00020192, rated torque 4000 mN·m
	// node 2: device type 0x00020192, rated torque 4000 mN·m
}
