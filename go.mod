module github.com/chiron-robotics/chiron

go 1.26.8

require (
	github.com/creack/pty v1.1.24 // indirect
	github.com/gofrs/uuid v4.4.0+incompatible // indirect
	github.com/gorilla/websocket v1.5.3 // indirect
	github.com/hashicorp/errwrap v1.1.0 // indirect
	github.com/hashicorp/go-multierror v1.1.1 // indirect
	go.bug.st/serial v1.8.0 // indirect
	go.einride.tech/can v0.17.0 // indirect
	gobot.io/x/gobot/v2 v2.6.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	gonum.org/v1/gonum v0.16.0 // indirect
)
