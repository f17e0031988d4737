package loadtest

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// person is who a generated resume belongs to.
type person struct {
	name, email, phone string
}

// newPerson picks a name; tag and i make the email address, and with it the
// whole resume, unique.
func newPerson(rng *rand.Rand, tag string, i int) person {
	first, last := pick(rng, firstNames), pick(rng, lastNames)
	return person{
		name: first + " " + last,
		email: fmt.Sprintf("%s.%s.%s%d@example.net", strings.ToLower(first),
			strings.ToLower(last), tag, i),
		phone: fmt.Sprintf("+1 555 %03d %04d", rng.IntN(1000), rng.IntN(10000)),
	}
}

// resumeText writes a plain-text resume of about size bytes: a header,
// summary, skills, as many jobs as it takes, and education.
func resumeText(rng *rand.Rand, p person, size int) string {
	var b strings.Builder
	b.Grow(size + 512)
	title := pick(rng, titles)
	fmt.Fprintf(&b, "%s\n%s · %s\n%s · %s\n\nSummary\n", p.name, title, pick(rng, cities),
		p.email, p.phone)
	own := pickN(rng, skills, 8+rng.IntN(9))
	fmt.Fprintf(&b, "%s with %d years of experience in %s, %s and %s. %s %s %s.\n\nSkills\n",
		title, 2+rng.IntN(20), own[0], own[1], own[2], pick(rng, verbs), pick(rng, objects),
		pick(rng, outcomes))
	b.WriteString(strings.Join(own, ", "))
	b.WriteString("\n\nExperience\n")
	year := 2026
	for b.Len() < size-200 {
		start := year - 1 - rng.IntN(4)
		end := fmt.Sprintf("%s %d", pick(rng, months), year)
		if year == 2026 {
			end = "Present"
		}
		fmt.Fprintf(&b, "\n%s, %s (%s)\n%s %d – %s\n", pick(rng, titles), pick(rng, companies),
			pick(rng, cities), pick(rng, months), start, end)
		for range 3 + rng.IntN(4) {
			fmt.Fprintf(&b, "- %s %s using %s and %s, %s.\n", pick(rng, verbs), pick(rng, objects),
				pick(rng, own), pick(rng, skills), pick(rng, outcomes))
		}
		year = start
	}
	fmt.Fprintf(&b, "\nEducation\n%s, %s, %d\n", pick(rng, degrees), pick(rng, schools), year-1)
	return b.String()
}

func pick[T any](rng *rand.Rand, s []T) T { return s[rng.IntN(len(s))] }

// pickN returns n different elements of s.
func pickN[T any](rng *rand.Rand, s []T, n int) []T {
	out := make([]T, 0, n)
	for _, i := range rng.Perm(len(s))[:min(n, len(s))] {
		out = append(out, s[i])
	}
	return out
}

// SearchWord returns a word a recruiter might search for: a skill, a
// first name or a company word, lower case.
func SearchWord(rng *rand.Rand) string {
	var w string
	switch rng.IntN(4) {
	case 0:
		w = pick(rng, firstNames)
	case 1:
		w = strings.Fields(pick(rng, companies))[0]
	default:
		w = strings.Fields(pick(rng, skills))[0]
	}
	return strings.ToLower(strings.Trim(w, ".#/"))
}
