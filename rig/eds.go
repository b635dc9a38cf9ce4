package rig

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/chiron-robotics/chiron/drivers/canopen"
)

// EDS is a CANopen electronic data sheet (CiA 306: an INI file describing a
// device's object dictionary), or a device configuration file (DCF, the
// same format with the values of one configured device): the objects a
// vendor says a drive has, their data types, access and PDO mappability.
// rig checks the PDO mapping the master configures against it at start-up
// (CheckPDO), so a drive whose dictionary disagrees is refused before it is
// driven, with the object named.
type EDS struct {
	File string
	// VendorNumber and ProductNumber are [DeviceInfo]'s (0x1018:01, :02);
	// HasIdentity says whether the file gave them.
	VendorNumber, ProductNumber uint32
	HasIdentity                 bool
	objects                     map[uint32]*EDSObject
}

// EDSObject is one sub-index of an EDS's dictionary (a VAR; for an ARRAY or
// RECORD, each sub-index).
type EDSObject struct {
	Index uint16
	Sub   uint8
	Name  string
	// DataType is the CiA 301 data type index (0x0007 UNSIGNED32, …).
	DataType uint16
	// Access is the CiA 306 AccessType: ro, wo, rw, rwr, rww or const.
	Access string
	// Default is DefaultValue as written (it may use $NODEID).
	Default    string
	PDOMapping bool
	Line       int // of the object's section header
}

// String names the object as errors do: "0x607A:00 (Target position)".
func (o *EDSObject) String() string {
	if o.Name == "" {
		return fmt.Sprintf("0x%04X:%02X", o.Index, o.Sub)
	}
	return fmt.Sprintf("0x%04X:%02X (%s)", o.Index, o.Sub, o.Name)
}

// Object returns index:sub, if the data sheet has it.
func (e *EDS) Object(index uint16, sub uint8) (*EDSObject, bool) {
	o, ok := e.objects[uint32(index)<<8|uint32(sub)]
	return o, ok
}

// Objects returns every object, by index then sub-index.
func (e *EDS) Objects() []*EDSObject {
	out := make([]*EDSObject, 0, len(e.objects))
	for _, o := range e.objects {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool {
		return uint32(out[i].Index)<<8|uint32(out[i].Sub) < uint32(out[j].Index)<<8|uint32(out[j].Sub)
	})
	return out
}

// DataTypeBits returns the size in bits of a CiA 301 basic data type, and
// false for a type without a fixed size (strings, domains) or unknown.
func DataTypeBits(dt uint16) (int, bool) {
	switch dt {
	case 0x0001: // BOOLEAN
		return 1, true
	case 0x0002, 0x0005: // INTEGER8, UNSIGNED8
		return 8, true
	case 0x0003, 0x0006: // INTEGER16, UNSIGNED16
		return 16, true
	case 0x0010, 0x0016: // INTEGER24, UNSIGNED24
		return 24, true
	case 0x0004, 0x0007, 0x0008: // INTEGER32, UNSIGNED32, REAL32
		return 32, true
	case 0x0012, 0x0018: // INTEGER40, UNSIGNED40
		return 40, true
	case 0x0013, 0x0019: // INTEGER48, UNSIGNED48
		return 48, true
	case 0x0014, 0x001A: // INTEGER56, UNSIGNED56
		return 56, true
	case 0x0015, 0x001B, 0x0011: // INTEGER64, UNSIGNED64, REAL64
		return 64, true
	}
	return 0, false
}

// LoadEDS reads an EDS or DCF file.
func LoadEDS(path string) (*EDS, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("EDS: %w", err)
	}
	defer f.Close()
	return ParseEDS(f, path)
}

// ParseEDS reads an EDS or DCF (CiA 306). Only what a PDO check needs is
// kept: [DeviceInfo]'s vendor and product numbers and every object's name,
// data type, access, default and PDO mappability. Every problem is an error
// naming the file, the line and the section.
func ParseEDS(r io.Reader, file string) (*EDS, error) {
	type section struct {
		name string
		line int
		keys map[string]string
	}
	var secs []*section
	var cur *section
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		switch {
		case s == "" || s[0] == ';' || s[0] == '#':
		case s[0] == '[':
			if !strings.HasSuffix(s, "]") {
				return nil, fmt.Errorf("%s:%d: section header %q without ']'", file, line, s)
			}
			cur = &section{name: strings.ToLower(strings.TrimSpace(s[1 : len(s)-1])), line: line, keys: map[string]string{}}
			for _, o := range secs {
				if o.name == cur.name {
					return nil, fmt.Errorf("%s:%d: section [%s] repeated (first at line %d)", file, line, cur.name, o.line)
				}
			}
			secs = append(secs, cur)
		default:
			k, v, ok := strings.Cut(s, "=")
			if !ok {
				return nil, fmt.Errorf("%s:%d: %q is neither a [section] nor key=value", file, line, s)
			}
			if cur == nil {
				return nil, fmt.Errorf("%s:%d: %q before any [section]", file, line, s)
			}
			cur.keys[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	e := &EDS{File: file, objects: map[uint32]*EDSObject{}}
	for _, s := range secs {
		bad := func(key, format string, a ...any) error {
			return fmt.Errorf("%s:%d: [%s] %s: %s", file, s.line, s.name, key, fmt.Sprintf(format, a...))
		}
		if s.name == "deviceinfo" {
			for key, dst := range map[string]*uint32{"vendornumber": &e.VendorNumber, "productnumber": &e.ProductNumber} {
				v, ok := s.keys[key]
				if !ok || v == "" {
					continue
				}
				n, err := parseEDSUint(v, 0)
				if err != nil || n > 0xFFFFFFFF {
					return nil, bad(key, "%q is not an UNSIGNED32", v)
				}
				*dst = uint32(n)
				e.HasIdentity = true
			}
			continue
		}
		index, sub, isObject, err := objectSection(s.name)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: [%s]: %v", file, s.line, s.name, err)
		}
		if !isObject {
			continue
		}
		// A compound object's own section (ObjectType 0x8 ARRAY or 0x9
		// RECORD) only announces its sub-indices' sections.
		if ot, err := parseEDSUint(s.keys["objecttype"], 0x7); err != nil {
			return nil, bad("ObjectType", "%q is not a number", s.keys["objecttype"])
		} else if ot == 0x8 || ot == 0x9 {
			continue
		}
		o := &EDSObject{Index: index, Sub: sub, Name: s.keys["parametername"], Access: strings.ToLower(s.keys["accesstype"]),
			Default: s.keys["defaultvalue"], Line: s.line}
		dt, err := parseEDSUint(s.keys["datatype"], 0)
		if err != nil || dt == 0 || dt > 0xFFFF {
			return nil, bad("DataType", "%q: want a CiA 301 data type index such as 0x0007", s.keys["datatype"])
		}
		o.DataType = uint16(dt)
		switch o.Access {
		case "ro", "wo", "rw", "rwr", "rww", "const":
		default:
			return nil, bad("AccessType", "%q: want ro, wo, rw, rwr, rww or const", s.keys["accesstype"])
		}
		switch m := s.keys["pdomapping"]; m {
		case "", "0":
		case "1":
			o.PDOMapping = true
		default:
			return nil, bad("PDOMapping", "%q: want 0 or 1", m)
		}
		e.objects[uint32(index)<<8|uint32(sub)] = o
	}
	if len(e.objects) == 0 {
		return nil, fmt.Errorf("%s: no objects: not an EDS", file)
	}
	return e, nil
}

// objectSection parses an object section name: "1018" (index, sub 0) or
// "1018sub2" (hex index, hex sub-index); other sections are not objects.
func objectSection(name string) (index uint16, sub uint8, ok bool, err error) {
	idx, subText, hasSub := strings.Cut(name, "sub")
	if len(idx) != 4 {
		return 0, 0, false, nil
	}
	i, err := strconv.ParseUint(idx, 16, 16)
	if err != nil {
		return 0, 0, false, nil // a section such as [FileInfo] starts with letters
	}
	if hasSub {
		s, err := strconv.ParseUint(subText, 16, 8)
		if err != nil {
			return 0, 0, false, fmt.Errorf("sub-index %q is not a hex byte", subText)
		}
		return uint16(i), uint8(s), true, nil
	}
	return uint16(i), 0, true, nil
}

// parseEDSUint reads an EDS number: decimal, 0x hex or 0 octal (CiA 306);
// empty gives def.
func parseEDSUint(s string, def uint64) (uint64, error) {
	if s == "" {
		return def, nil
	}
	return strconv.ParseUint(s, 0, 64)
}

// DefaultValue evaluates o's DefaultValue for a drive at node: a number
// (decimal, 0x hex, 0 octal), or "$NODEID" plus or minus one (CiA 306).
func (o *EDSObject) DefaultValue(node uint8) (uint64, error) {
	s := strings.ReplaceAll(o.Default, " ", "")
	if s == "" {
		return 0, fmt.Errorf("%v: no DefaultValue", o)
	}
	base := uint64(0)
	if rest, ok := strings.CutPrefix(strings.ToUpper(s), "$NODEID"); ok {
		base, s = uint64(node), rest
		if s == "" {
			return base, nil
		}
		if s[0] != '+' {
			return 0, fmt.Errorf("%v: DefaultValue %q: want $NODEID+number", o, o.Default)
		}
		s = s[1:]
	} else if i := strings.Index(strings.ToUpper(s), "+$NODEID"); i > 0 {
		base, s = uint64(node), s[:i]
	}
	if strings.HasPrefix(s, "-") {
		v, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			return 0, fmt.Errorf("%v: DefaultValue %q: %w", o, o.Default, err)
		}
		return base + uint64(v), nil
	}
	v, err := strconv.ParseUint(strings.ToLower(s), 0, 64)
	if err != nil {
		return 0, fmt.Errorf("%v: DefaultValue %q: not a number", o, o.Default)
	}
	return base + v, nil
}

// CheckPDO checks a PDO mapping against the data sheet: every mapped
// object must exist, be PDO-mappable, have the entry's length, and be
// readable (a TPDO, rx false) or writable (an RPDO, rx true). The error
// names the mapping and each object that disagrees.
func (e *EDS) CheckPDO(what string, m *canopen.PDOMap, rx bool) error {
	var errs []error
	for i := range int(m.N) {
		en := m.Entries[i]
		o, ok := e.Object(en.Index, en.Sub)
		if !ok {
			errs = append(errs, fmt.Errorf("%s maps 0x%04X:%02X, which %s does not list", what, en.Index, en.Sub, e.File))
			continue
		}
		if !o.PDOMapping {
			errs = append(errs, fmt.Errorf("%s maps %v, which %s:%d says is not PDO-mappable", what, o, e.File, o.Line))
		}
		if bits, ok := DataTypeBits(o.DataType); !ok || bits != int(en.Bits) {
			errs = append(errs, fmt.Errorf("%s maps %v with %d bits; %s:%d gives data type 0x%04X (%d bits)", what, o, en.Bits, e.File, o.Line, o.DataType, bits))
		}
		if rx && o.Access != "rw" && o.Access != "wo" && o.Access != "rww" {
			errs = append(errs, fmt.Errorf("%s (received by the drive) maps %v, which %s:%d makes %s: not writable", what, o, e.File, o.Line, o.Access))
		}
		if !rx && o.Access == "wo" {
			errs = append(errs, fmt.Errorf("%s (sent by the drive) maps %v, which %s:%d makes write-only", what, o, e.File, o.Line))
		}
	}
	return errors.Join(errs...)
}

// HostPDOs returns the PDO mappings the CANopen master (drivers/canopen's
// start-up) configures on a drive in mode ("CSP" or "CST") with or
// without the CSP torque offset: RPDO1 controlword + the mode's target (+
// torque offset), TPDO1 statusword, position actual, torque actual, and
// TPDO2 velocity actual, error code, modes of operation display. It must
// stay what drivers/canopen maps (TestHostPDOsAreWhatTheMasterMaps reads
// them back from a drive the master started).
func HostPDOs(mode string, torqueOffset bool) (rpdo canopen.PDOMap, tpdo [2]canopen.PDOMap, err error) {
	cw := canopen.PDOEntry{Index: canopen.ObjControlword, Bits: 16}
	if strings.EqualFold(mode, "CSP") {
		es := []canopen.PDOEntry{cw, {Index: canopen.ObjTargetPosition, Bits: 32}}
		if torqueOffset {
			es = append(es, canopen.PDOEntry{Index: canopen.ObjTorqueOffset, Bits: 16})
		}
		rpdo, err = canopen.NewPDOMap(es...)
	} else {
		rpdo, err = canopen.NewPDOMap(cw, canopen.PDOEntry{Index: canopen.ObjTargetTorque, Bits: 16})
	}
	if err != nil {
		return rpdo, tpdo, err
	}
	if tpdo[0], err = canopen.NewPDOMap(canopen.PDOEntry{Index: canopen.ObjStatusword, Bits: 16},
		canopen.PDOEntry{Index: canopen.ObjPositionActual, Bits: 32}, canopen.PDOEntry{Index: canopen.ObjTorqueActual, Bits: 16}); err != nil {
		return rpdo, tpdo, err
	}
	tpdo[1], err = canopen.NewPDOMap(canopen.PDOEntry{Index: canopen.ObjVelocityActual, Bits: 32},
		canopen.PDOEntry{Index: canopen.ObjErrorCode, Bits: 16}, canopen.PDOEntry{Index: canopen.ObjModesDisplay, Bits: 8})
	return rpdo, tpdo, err
}

// edsPath resolves a joint's eds relative to the rig file's directory.
func (c *Config) edsPath(p string) string {
	if filepath.IsAbs(p) || c.file == "" {
		return p
	}
	return filepath.Join(filepath.Dir(c.file), p)
}

// checkEDS loads joint j's EDS and checks the master's PDO mappings for it
// against the data sheet, and that the drive's PDO parameter objects exist.
func (c *Config) checkEDS(j *Joint) error {
	eds, err := LoadEDS(c.edsPath(j.EDS))
	if err != nil {
		return err
	}
	j.identity = &canopen.Identity{Vendor: eds.VendorNumber, Product: eds.ProductNumber, Source: eds.File}
	rpdo, tpdo, err := HostPDOs(j.Mode, j.TorqueOffset)
	if err != nil {
		return err
	}
	errs := []error{eds.CheckPDO("RPDO1", &rpdo, true), eds.CheckPDO("TPDO1", &tpdo[0], false), eds.CheckPDO("TPDO2", &tpdo[1], false)}
	// The master writes these to configure the PDOs (CiA 301).
	for _, need := range []struct {
		index uint16
		subs  int
	}{{canopen.ObjRPDOComm, 2}, {canopen.ObjRPDOMap, int(rpdo.N)}, {canopen.ObjTPDOComm, 2}, {canopen.ObjTPDOComm + 1, 2},
		{canopen.ObjTPDOMap, int(tpdo[0].N)}, {canopen.ObjTPDOMap + 1, int(tpdo[1].N)}} {
		for sub := 0; sub <= need.subs; sub++ {
			if _, ok := eds.Object(need.index, uint8(sub)); !ok {
				errs = append(errs, fmt.Errorf("the master configures 0x%04X:%02X, which %s does not list", need.index, sub, eds.File))
			}
		}
	}
	return errors.Join(errs...)
}
