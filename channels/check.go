package channels

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Check reports whether spec's schema is single-typed throughout
// (SingleTyped) and message, a JSON message of the channel, validates
// against it (ValidateValue); the error lists every problem, named by path.
func Check(spec Spec, message []byte) error {
	var s map[string]any
	if err := json.Unmarshal([]byte(spec.Schema), &s); err != nil {
		return fmt.Errorf("%s: schema is not JSON: %w", spec.SchemaName, err)
	}
	errs := SingleTyped(s, spec.SchemaName)
	var v any
	if err := json.Unmarshal(message, &v); err != nil {
		errs = append(errs, fmt.Errorf("%s: message is not JSON: %w", spec.Topic, err))
	} else {
		errs = append(errs, ValidateValue(s, v, spec.Topic)...)
	}
	return errors.Join(errs...)
}

// SingleTyped checks that every (sub)schema of s declares exactly one type,
// as a string: Foxglove Studio and Lichtblick accept one type per property
// and drop a channel with a union such as ["number","null"]. It returns one
// error per offending schema, naming it by path.
func SingleTyped(s map[string]any, path string) []error {
	var errs []error
	switch t := s["type"].(type) {
	case string:
	case nil:
		errs = append(errs, fmt.Errorf("%s: no \"type\"", path))
	default:
		errs = append(errs, fmt.Errorf("%s: \"type\" is %v (%T), want one type as a string", path, t, t))
	}
	if props, ok := s["properties"].(map[string]any); ok {
		for name, p := range props {
			ps, ok := p.(map[string]any)
			if !ok {
				errs = append(errs, fmt.Errorf("%s.%s: not a schema", path, name))
				continue
			}
			errs = append(errs, SingleTyped(ps, path+"."+name)...)
		}
	}
	for _, k := range []string{"items", "additionalProperties"} {
		if sub, ok := s[k].(map[string]any); ok {
			errs = append(errs, SingleTyped(sub, path+"["+k+"]")...)
		}
	}
	return errs
}

// ValidateValue checks v (decoded with json.Unmarshal into any) against
// the subset of JSON Schema the channels' schemas use: type,
// properties, required, additionalProperties false, items, minItems,
// maxItems, minimum, maximum and enum.
func ValidateValue(s map[string]any, v any, path string) []error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(path+": "+format, a...)) }
	switch t, _ := s["type"].(string); t {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			bad("%v is not an object", v)
			return errs
		}
		props, _ := s["properties"].(map[string]any)
		for _, r := range s["required"].([]any) {
			if _, ok := obj[r.(string)]; !ok {
				bad("required %q missing", r)
			}
		}
		for k, x := range obj {
			ps, ok := props[k].(map[string]any)
			if !ok {
				if s["additionalProperties"] == false {
					bad("property %q not allowed", k)
				}
				continue
			}
			errs = append(errs, ValidateValue(ps, x, path+"."+k)...)
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			bad("%v is not an array", v)
			return errs
		}
		if n, ok := s["minItems"].(float64); ok && float64(len(arr)) < n {
			bad("%d items, minItems %g", len(arr), n)
		}
		if n, ok := s["maxItems"].(float64); ok && float64(len(arr)) > n {
			bad("%d items, maxItems %g", len(arr), n)
		}
		if is, ok := s["items"].(map[string]any); ok {
			for i, x := range arr {
				errs = append(errs, ValidateValue(is, x, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	case "string":
		if _, ok := v.(string); !ok {
			bad("%v is not a string", v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			bad("%v is not a boolean", v)
		}
	case "number", "integer":
		x, ok := v.(float64)
		switch {
		case !ok:
			bad("%v (%T) is not a number", v, v)
		case t == "integer" && x != math.Trunc(x):
			bad("%v is not an integer", x)
		}
		if m, ok := s["minimum"].(float64); ok && x < m {
			bad("%g below minimum %g", x, m)
		}
		if m, ok := s["maximum"].(float64); ok && x > m {
			bad("%g above maximum %g", x, m)
		}
	default:
		bad("schema type %q not handled by this validator", t)
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, v) {
		bad("%v not in %v", v, enum)
	}
	return errs
}
