package api

import (
	"regexp"
	"strconv"
	"unicode"
)

// A patient ID must be a pseudonym (rehab.Patient): the clinic keeps the
// key to it elsewhere. CheckPseudonym refuses the commonest slip, an ID
// made of a name and a birth date ("John_Smith_1950-03-02",
// "smith_j_020350"), which identifies the patient by itself. It cannot
// recognise every name, so it refuses an ID only when it holds both a
// calendar date and a word of letters: "P-0042", "P-20260115-3" (one
// letter) and "KNEE-0042" (no date) pass.

// Date shapes in an ID, each delimited by a non-digit or an end, so that
// a longer number (a serial "0012345678") is not read as a date.
var (
	// 1950-03-02, 1950.3.2, 19500302: year first.
	dateYMD = regexp.MustCompile(`(?:^|\D)(\d{4})[-_.]?(\d{1,2})[-_.]?(\d{1,2})(?:\D|$)`)
	// 02-03-1950, 2.3.50, 03_02_50: day or month first, separated.
	dateDMY = regexp.MustCompile(`(?:^|\D)(\d{1,2})[-_.](\d{1,2})[-_.](\d{4}|\d{2})(?:\D|$)`)
	// 020350, 02031950: day or month first, run together.
	dateCompact = regexp.MustCompile(`(?:^|\D)(\d{2})(\d{2})(\d{4}|\d{2})(?:\D|$)`)
	// A word: two or more letters in a row.
	word = regexp.MustCompile(`\pL{2,}`)
)

// validDM reports whether a and b are a day and a month in either order.
func validDM(a, b int) bool {
	return (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (b >= 1 && b <= 31 && a >= 1 && a <= 12)
}

// validYear accepts two-digit years and four-digit ones a living
// patient's birth may have.
func validYear(s string) bool {
	y, _ := strconv.Atoi(s)
	return len(s) == 2 || (y >= 1900 && y <= 2099)
}

// containsDate reports whether id holds something shaped as a calendar
// date, and which.
func containsDate(id string) (string, bool) {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	for _, m := range dateYMD.FindAllStringSubmatch(id, -1) {
		if validYear(m[1]) && len(m[1]) == 4 && atoi(m[2]) >= 1 && atoi(m[2]) <= 12 && atoi(m[3]) >= 1 && atoi(m[3]) <= 31 {
			return trimDate(m[0]), true
		}
	}
	for _, re := range []*regexp.Regexp{dateDMY, dateCompact} {
		for _, m := range re.FindAllStringSubmatch(id, -1) {
			if validDM(atoi(m[1]), atoi(m[2])) && validYear(m[3]) {
				return trimDate(m[0]), true
			}
		}
	}
	return "", false
}

func trimDate(s string) string {
	first, last := 0, len(s)
	for first < last && !unicode.IsDigit(rune(s[first])) {
		first++
	}
	for last > first && !unicode.IsDigit(rune(s[last-1])) {
		last--
	}
	return s[first:last]
}

// CheckPseudonym returns a RequestError naming field when id looks like
// a name with a birth date rather than a pseudonym.
func CheckPseudonym(field, id string) error {
	date, ok := containsDate(id)
	if !ok {
		return nil
	}
	w := word.FindString(id)
	if w == "" {
		return nil
	}
	return &RequestError{Field: field, Msg: "“" + id + "” looks like a name (“" + w + "”) with a date (“" + date +
		"”): a patient ID must be a pseudonym such as P-0042, with no name, initials or birth date; keep the key to it in the clinic's own records"}
}
