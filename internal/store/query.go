package store

import (
	"fmt"
	"strings"
)

// where collects the conditions of a query built from optional filters,
// numbering the placeholders as it goes.
type where struct {
	conds []string
	args  []any
}

// add appends a condition written with ? for its one argument.
func (w *where) add(cond string, arg any) {
	w.args = append(w.args, arg)
	w.conds = append(w.conds, strings.Replace(cond, "?", fmt.Sprintf("$%d", len(w.args)), 1))
}

// addPlain appends a condition with no argument.
func (w *where) addPlain(cond string) { w.conds = append(w.conds, cond) }

// next returns the placeholder for one more argument and records it.
func (w *where) next(arg any) string {
	w.args = append(w.args, arg)
	return fmt.Sprintf("$%d", len(w.args))
}

// list returns placeholders for ids, separated by commas, for an IN list,
// and records the ids as arguments.
func (w *where) list(ids []int64) string {
	marks := make([]string, len(ids))
	for i, id := range ids {
		marks[i] = w.next(id)
	}
	return strings.Join(marks, ", ")
}

// String returns the WHERE clause, or "" when there are no conditions.
func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return "WHERE " + strings.Join(w.conds, "\n\t\t\tAND ")
}
