package report

import (
	"encoding/csv"
	"io"
	"strconv"
)

// CSVHeader is the header row of WriteCSV.
var CSVHeader = []string{
	"session_id", "exercise", "mode", "repetition", "start_s", "end_s", "kind", "assistance",
	"joint", "rom_deg", "min_deg", "max_deg", "limit_min_deg", "limit_max_deg",
	"peak_torque_nm", "mean_torque_nm", "movement_time_s", "path_length_ratio", "sparc",
}

// WriteCSV writes one row per repetition and joint. Missing values are
// empty cells.
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	opt := func(v *float64) string {
		if v == nil {
			return ""
		}
		return f(*v)
	}
	for _, rep := range r.Reps {
		kind := "active"
		if rep.Passive {
			kind = "passive"
		}
		for _, j := range rep.Joints {
			row := []string{
				r.SessionID, strconv.Itoa(rep.Exercise), rep.Mode, strconv.Itoa(rep.Repetition),
				f(rep.Start), f(rep.End), kind, f(rep.Assistance),
				j.Joint, f(j.Total), f(j.MinDeg), f(j.MaxDeg), opt(j.LimitMinDeg), opt(j.LimitMaxDeg),
				f(j.PeakTorque), f(j.MeanTorque), opt(rep.MovementTime), opt(rep.PathLengthRatio), opt(rep.SPARC),
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
