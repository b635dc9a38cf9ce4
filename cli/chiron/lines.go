package chiron

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// vectorReader reads numeric vectors, one per line, numbers separated by
// white space. Blank lines and lines starting with '#' are skipped. Every error
// names the source, the line and the field.
type vectorReader struct {
	sc   *bufio.Scanner
	name string
	want int // numbers per line
	line int
	buf  []float64
}

func newVectorReader(r io.Reader, name string, want int) *vectorReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	return &vectorReader{sc: sc, name: name, want: want, buf: make([]float64, want)}
}

// next returns the next vector (valid until the following call), io.EOF at
// the end, or an error naming the line and field.
func (v *vectorReader) next() ([]float64, error) {
	for v.sc.Scan() {
		v.line++
		text := strings.TrimSpace(v.sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) != v.want {
			return nil, usagef("%s:%d: want %d numbers, got %d", v.name, v.line, v.want, len(fields))
		}
		for i, f := range fields {
			x, err := strconv.ParseFloat(f, 64)
			if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, usagef("%s:%d: field %d: not a finite number: %q", v.name, v.line, i+1, truncate(f, 40))
			}
			v.buf[i] = x
		}
		return v.buf, nil
	}
	if err := v.sc.Err(); err != nil {
		return nil, usagef("%s:%d: %v", v.name, v.line+1, err)
	}
	return nil, io.EOF
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// appendFloats appends the values separated by single spaces, each with the
// shortest representation that reads back to the same float64.
func appendFloats(dst []byte, xs ...float64) []byte {
	for i, x := range xs {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = strconv.AppendFloat(dst, x, 'g', -1, 64)
	}
	return dst
}

// writeLine writes b and a newline.
func writeLine(w io.Writer, b []byte) error {
	b = append(b, '\n')
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}
