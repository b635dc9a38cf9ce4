package rig

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Error is a bad rig file: File is its name, Line the line of the offending
// value when known (0 otherwise), Field its path (joints[2].counts_per_rad).
type Error struct {
	File  string
	Line  int
	Field string
	Err   error
}

// Error returns "file:line: field: what is wrong".
func (e *Error) Error() string {
	where := e.File
	if e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
	}
	if e.Field == "" {
		return fmt.Sprintf("%s: %v", where, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", where, e.Field, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Duration is a time.Duration written as "2ms" or "1.5s" in the file.
type Duration time.Duration

// D returns the time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

var (
	durationType = reflect.TypeFor[Duration]()
	rawType      = reflect.TypeFor[Raw]()
)

// decodeStrict decodes one YAML (or JSON) document into v, a pointer to a
// struct, refusing what encoding/json and yaml.v3 let through: unknown and
// duplicate fields, aliases, empty values, a value of the wrong kind, more
// than one document. Every error is an *Error naming the field and its line.
func decodeStrict(data []byte, file string, v any) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{File: file, Err: errors.New("empty file: want a rig (protocol, transport, joints)")}
		}
		return nil, &Error{File: file, Err: errors.New(strings.ReplaceAll(strings.TrimPrefix(err.Error(), "yaml: "), "\n", " "))}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		line := extra.Line
		if err != nil {
			line = 0
		}
		return nil, &Error{File: file, Line: line, Err: errors.New("more than one document: a rig file holds one rig")}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if err := decodeNode(root, reflect.ValueOf(v).Elem(), ""); err != nil {
		err.File = file
		return nil, err
	}
	return root, nil
}

func nodeErr(n *yaml.Node, field, format string, args ...any) *Error {
	return &Error{Line: n.Line, Field: field, Err: fmt.Errorf(format, args...)}
}

// kindName says what a node holds, for error messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return strconv.Quote(n.Value)
}

// yamlFields maps a struct's yaml keys to field indexes.
func yamlFields(t reflect.Type) (map[string]int, []string) {
	m := map[string]int{}
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" || !f.IsExported() {
			continue
		}
		m[tag] = i
		names = append(names, tag)
	}
	return m, names
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func decodeNode(n *yaml.Node, v reflect.Value, path string) *Error {
	if n.Kind == yaml.AliasNode {
		return nodeErr(n, path, "aliases (*name) are not allowed in a rig file: write the value out")
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nodeErr(n, path, "has no value")
	}
	if v.Type() == durationType {
		if n.Kind != yaml.ScalarNode {
			return nodeErr(n, path, "want a duration like 2ms or 1.5s, got %s", kindName(n))
		}
		d, err := time.ParseDuration(strings.TrimSpace(n.Value))
		if err != nil {
			return nodeErr(n, path, "%q is not a duration like 2ms or 1.5s", n.Value)
		}
		v.SetInt(int64(d))
		return nil
	}
	if v.Type() == rawType {
		if n.Kind != yaml.MappingNode {
			return nodeErr(n, path, "want a mapping (key: value lines), got %s", kindName(n))
		}
		b, err := yaml.Marshal(n)
		if err != nil {
			return nodeErr(n, path, "%v", err)
		}
		v.SetBytes(b)
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := decodeNode(n, p.Elem(), path); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return nodeErr(n, path, "want a mapping (key: value lines), got %s", kindName(n))
		}
		fields, names := yamlFields(v.Type())
		seen := map[string]int{}
		for k := 0; k+1 < len(n.Content); k += 2 {
			key, val := n.Content[k], n.Content[k+1]
			if key.Kind != yaml.ScalarNode {
				return nodeErr(key, path, "a key must be a plain name, got %s", kindName(key))
			}
			field := join(path, key.Value)
			i, ok := fields[key.Value]
			if !ok {
				sort.Strings(names)
				return nodeErr(key, field, "unknown field (known here: %s)", strings.Join(names, ", "))
			}
			if line, dup := seen[key.Value]; dup {
				return nodeErr(key, field, "given twice (first on line %d)", line)
			}
			seen[key.Value] = key.Line
			if err := decodeNode(val, v.Field(i), field); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return nodeErr(n, path, "want a list, got %s", kindName(n))
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, el := range n.Content {
			if err := decodeNode(el, s.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		return nodeErr(n, path, "want a single value, got %s", kindName(n))
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(n.Value)
	case reflect.Bool:
		var b bool
		if n.Tag != "!!bool" || n.Decode(&b) != nil {
			return nodeErr(n, path, "want true or false, got %q", n.Value)
		}
		v.SetBool(b)
	case reflect.Int:
		var i int64
		if n.Tag != "!!int" || n.Decode(&i) != nil || v.OverflowInt(i) {
			return nodeErr(n, path, "want an integer, got %q", n.Value)
		}
		v.SetInt(i)
	case reflect.Float64:
		var f float64
		if (n.Tag != "!!int" && n.Tag != "!!float") || n.Decode(&f) != nil {
			return nodeErr(n, path, "want a number, got %q", n.Value)
		}
		v.SetFloat(f)
	default:
		panic(fmt.Sprintf("rig: decodeNode: unsupported field type %v at %s", v.Type(), path))
	}
	return nil
}

// find returns the node at path (as decodeNode names fields: a.b[2].c)
// under root, or nil.
func find(root *yaml.Node, path string) *yaml.Node {
	n := root
	for part := range strings.SplitSeq(path, ".") {
		if n == nil {
			return nil
		}
		key, idx, _ := strings.Cut(part, "[")
		if key != "" {
			k, v := mapEntry(n, key)
			if idx == "" && k != nil && k.Line > 0 && k.Line < v.Line {
				// A mapping or list value starts below its key: point at the key.
				v = &yaml.Node{Kind: v.Kind, Tag: v.Tag, Value: v.Value, Content: v.Content, Line: k.Line}
			}
			n = v
		}
		for idx != "" && n != nil {
			var s string
			s, idx, _ = strings.Cut(idx, "]")
			idx = strings.TrimPrefix(idx, "[")
			i, err := strconv.Atoi(s)
			if err != nil || n.Kind != yaml.SequenceNode || i < 0 || i >= len(n.Content) {
				return nil
			}
			n = n.Content[i]
		}
	}
	return n
}

func mapEntry(n *yaml.Node, key string) (k, v *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}
