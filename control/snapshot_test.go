package control

import (
	"reflect"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// TestCopyFromCopiesEveryField fills every exported field of a snapshot
// but Timing with a non-zero value and requires copyFrom to carry each one
// over, so that a field added to Snapshot and not to copyFrom's list fails
// here; Timing is left as it was (Loop.Snapshot copies it separately).
func TestCopyFromCopiesEveryField(t *testing.T) {
	const n = 3
	src, dst := newSnapshot(n, 4), newSnapshot(n, 4)
	dst.Timing.Cycles = 42
	v := reflect.ValueOf(&src).Elem()
	for i := range v.NumField() {
		f, sf := v.Field(i), v.Type().Field(i)
		if !sf.IsExported() || sf.Name == "Timing" {
			continue
		}
		switch sf.Name {
		case "Joints":
			for k := range src.Joints {
				src.Joints[k] = drivers.JointState{Position: float64(k) + 0.5, Stamp: time.Second}
			}
		case "Desired", "Sent":
			s := f.Interface().([]drivers.JointCommand)
			for k := range s {
				s[k] = drivers.JointCommand{Position: float64(k) + 0.25}
			}
		case "Clamps":
			for k := range src.Clamps {
				src.Clamps[k] = uint64(k) + 1
			}
		case "Gains":
			src.Gains = Gains{Kp: []float64{1, 2, 3}, Kd: []float64{4, 5, 6}}
		case "Tool":
			src.Tool = [3]float64{0.1, 0.2, 0.3}
		default:
			switch f.Kind() {
			case reflect.Bool:
				f.SetBool(true)
			case reflect.String:
				f.SetString("detail")
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				f.SetInt(7)
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
				f.SetUint(9)
			case reflect.Float64:
				f.SetFloat(1.5)
			default:
				t.Fatalf("field %s of kind %v: teach this test (and copyFrom) how to fill it", sf.Name, f.Kind())
			}
		}
		if f.IsZero() {
			t.Fatalf("field %s left zero by the test", sf.Name)
		}
	}
	dst.copyFrom(&src)
	d := reflect.ValueOf(&dst).Elem()
	for i := range v.NumField() {
		sf := v.Type().Field(i)
		if !sf.IsExported() || sf.Name == "Timing" {
			continue
		}
		if !reflect.DeepEqual(d.Field(i).Interface(), v.Field(i).Interface()) {
			t.Errorf("copyFrom left %s at %v, source %v", sf.Name, d.Field(i).Interface(), v.Field(i).Interface())
		}
	}
	if dst.Timing.Cycles != 42 {
		t.Errorf("copyFrom changed Timing (cycles %d)", dst.Timing.Cycles)
	}
	if allocs := testing.AllocsPerRun(100, func() { dst.copyFrom(&src) }); allocs != 0 {
		t.Errorf("copyFrom allocates %.0f times", allocs)
	}
}
