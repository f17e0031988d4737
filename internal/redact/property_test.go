package redact

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// Building blocks of generated resumes.
var (
	firstNames = []string{"Jane", "Rahul", "María", "Oluwaseun", "Wei", "Siobhan", "Ahmed",
		"Grace", "Mark", "Priya", "Lars", "Chloé"}
	lastNames = []string{"Doe", "Sharma", "García-López", "Adeyemi", "Zhang", "O'Brien",
		"Haddad", "Baker", "Kowalski", "Nakamura", "Johansson", "Müller"}
	streets = []string{"Elm Street", "Maple Ave", "Station Road", "Park Lane", "Oak Drive"}
	links   = []string{"https://www.linkedin.com/in/%s", "github.com/%s", "https://%s.dev"}
	phones  = []string{"+1 (%d) %d-%04d", "%d.%d.%04d", "+44 %d %d %04d", "(%d) %d %04d"}
)

// generated is a resume with the personal values it holds.
type generated struct {
	text   string
	k      Known
	values []string
}

// generate builds a resume from r, with the contact block in one of several
// layouts and the name repeated in the body.
func generate(r *rand.Rand) generated {
	first, last := firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))]
	handle := strings.ToLower(strings.NewReplacer("'", "", "é", "e", "í", "i", "ü", "u").
		Replace(first + last))
	email := handle + "@mail.example.com"
	phone := fmt.Sprintf(phones[r.IntN(len(phones))], 200+r.IntN(700), 200+r.IntN(700),
		r.IntN(10000))
	link := fmt.Sprintf(links[r.IntN(len(links))], handle)
	street := fmt.Sprintf("%d %s", 1+r.IntN(9000), streets[r.IntN(len(streets))])
	zip := fmt.Sprintf("TX %05d", 10000+r.IntN(89999))
	age := fmt.Sprintf("%d", 21+r.IntN(40))
	dob := fmt.Sprintf("%02d/%02d/%d", 1+r.IntN(28), 1+r.IntN(12), 1960+r.IntN(40))
	header := []string{first + " " + last, strings.ToUpper(last) + ", " + first}[r.IntN(2)]
	lines := []string{
		header,
		"Senior Accountant",
		strings.Join(shuffled(r, []string{email, phone, link}), " | "),
		street + ", Austin, " + zip,
		"Age: " + age + " | Date of birth: " + dob + " | Gender: Female | Marital status: Single",
		"Nationality: Brazilian | Religion: Catholic",
		"Summary",
		first + " is a careful accountant; she closed the books for 40 entities.",
		"Experience",
		"2016 - 2023 Controller, Example Corp; reports reviewed by " + strings.ToUpper(first) + ".",
		"References: contact " + strings.ToLower(last) + " at " + email,
	}
	return generated{
		text: strings.Join(lines, "\n"),
		k:    Known{Name: first + " " + last, Email: email, Phone: phone, Links: []string{link}},
		values: []string{first, last, email, phone, link, handle, street, zip, "Age: " + age,
			dob, "Female", "Single", "Brazilian", "Catholic", " she "},
	}
}

func shuffled(r *rand.Rand, ss []string) []string {
	r.Shuffle(len(ss), func(i, j int) { ss[i], ss[j] = ss[j], ss[i] })
	return ss
}

// TestRedactHidesGeneratedValues checks, over generated resumes, that no
// personal value survives in any case, and that the work history does.
func TestRedactHidesGeneratedValues(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		g := generate(r)
		got, _ := Redact(g.text, g.k)
		lower := strings.ToLower(got)
		for _, v := range g.values {
			if strings.Contains(lower, strings.ToLower(v)) {
				t.Errorf("Redact(resume %d) keeps %q:\n%s", i, v, got)
			}
		}
		for _, keep := range []string{"Senior Accountant", "2016 - 2023 Controller",
			"closed the books for 40 entities"} {
			if !strings.Contains(got, keep) {
				t.Errorf("Redact(resume %d) lost %q:\n%s", i, keep, got)
			}
		}
	}
}
