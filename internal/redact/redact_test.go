package redact

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	jane := Known{Name: "Jane Q. Doe-Smith", Email: "jane@example.com", Phone: "+1 512 555 0147",
		Links: []string{"janedoe.dev/portfolio"}}
	tests := []struct {
		name string
		k    Known
		text string
		want string
	}{
		{"full name", jane, "Jane Q. Doe-Smith\nAccountant", "[name]\nAccountant"},
		{"surname first", jane, "DOE-SMITH, Jane wrote it", "[name] wrote it"},
		{"parts of the name", jane, "jane led the audit; Ms. Doe-Smith signed",
			"[name] led the audit; [gender] [name] signed"},
		{"a part inside a word stays", Known{Name: "Ann Lee"}, "Annual planning by Ann",
			"Annual planning by [name]"},
		{"short parts stay", Known{Name: "Al Li"}, "Al Li, Al", "[name], Al"},
		{"common word as a name", Known{Name: "Will Baker"}, "I will report to Will.",
			"I [name] report to [name]."},
		{"unicode name", Known{Name: "José Núñez"}, "NÚÑEZ, José — josé núñez",
			"[name] — [name]"},
		{"email", Known{}, "Mail: j.doe+cv@mail.example.co.uk.", "Mail: [email]."},
		{"known email anywhere", jane, "JANE@EXAMPLE.COM", "[email]"},
		{"phones", Known{}, "+1 (512) 555-0147 | 512.555.0147 | +44 20 7946 0958",
			"[phone] | [phone] | [phone]"},
		{"labelled short phone", Known{}, "Tel: 555-0147", "Tel: [phone]"},
		{"known phone in another format", jane, "call 5125550147", "call [phone]"},
		{"years and ranges stay", Known{}, "2015 - 2019, 2010 2012 2015, 01/2019 - 03/2021",
			"2015 - 2019, 2010 2012 2015, 01/2019 - 03/2021"},
		{"links", Known{}, "https://github.com/jdoe, www.jdoe.io and linkedin.com/in/jdoe.",
			"[link], [link] and [link]."},
		{"handles", Known{}, "GitHub: jdoe99 · Twitter: @jdoe", "GitHub: [link] · Twitter: [link]"},
		{"known link", jane, "See janedoe.dev/portfolio", "See [link]"},
		{"US address", Known{}, "1600 Pennsylvania Ave NW, Washington, DC 20500",
			"[address], Washington, [address]"},
		{"US street and apartment", Known{}, "42 Elm Street, Apt 4B, Austin, TX 78701-1234",
			"[address], Austin, [address]"},
		{"UK address", Known{}, "221B Baker Street, London NW1 6XE",
			"[address], London [address]"},
		{"German address", Known{}, "Hauptstraße 12, 10115 Berlin", "[address], [address]"},
		{"French address", Known{}, "12 rue de la Paix, 75002 Paris", "[address], [address]"},
		{"Indian address", Known{}, "Flat No. 12, MG Road, Bengaluru - 560001",
			"[address], MG Road, [address]"},
		{"address label", Known{}, "Address: somewhere nice\nSkills", "[address]\nSkills"},
		{"age", Known{}, "Age: 34 | 34 years old | aged 34", "[age] | [age] | [age]"},
		{"date of birth", Known{}, "DOB: 12/03/1988\nDate of Birth - 3 March 1988\nBorn in 1988",
			"[date of birth]\n[date of birth]\n[date of birth]"},
		{"gender", Known{}, "Gender: Female\nSex: M\nMale\nMr. John and Mrs Smith",
			"[gender]\n[gender]\n[gender]\n[gender] John and [gender] Smith"},
		{"pronouns", Known{}, "She led; he and his team helped her. HERS.",
			"[pronoun] led; [pronoun] and [pronoun] team helped [pronoun]. [pronoun]."},
		{"nationality and visa", Known{}, "Nationality: Indian\nH1B visa holder; US citizen",
			"[nationality]\n[nationality]; [nationality]"},
		{"work authorisation", Known{}, "Green card holder, authorized to work in the US",
			"[nationality], [nationality]"},
		{"marital status", Known{}, "Marital Status: Married\nSingle\nStatus: Divorced",
			"[marital status]\n[marital status]\n[marital status]"},
		{"residence", Known{}, "Present Resident in Nairobi, Kenya.\nPermanent Resident status",
			"[address]\n[nationality] status"},
		{"religion", Known{}, "Religion: Hindu\nSkills", "[religion]\nSkills"},
		{"photo", Known{}, "[photo]\nPhoto: jane.jpg\nPicture\nPhotoshop, photo editing",
			"[photo]\n[photo]\n[photo]\nPhotoshop, photo editing"},
		{"look-alikes stay", Known{}, "Single point of contact for 12 Sales teams; MS Office, " +
			"Ms Excel; In-house 3D printing; public sector 10 years; zip files; ISO-9001; " +
			"Jan, 2019 Present; grew revenue 40%; the manager and the team; 2010 First Place; " +
			"Ms Sql Server; a 23 year old company; 2007 St. Edward's University; via Access",
			"Single point of contact for 12 Sales teams; MS Office, " +
				"Ms Excel; In-house 3D printing; public sector 10 years; zip files; ISO-9001; " +
				"Jan, 2019 Present; grew revenue 40%; the manager and the team; 2010 First Place; " +
				"Ms Sql Server; a 23 year old company; 2007 St. Edward's University; via Access"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, spans := Redact(tc.text, tc.k)
			if got != tc.want {
				t.Errorf("Redact(%q) = %q, want %q", tc.text, got, tc.want)
			}
			if want := strings.Count(tc.want, "["); len(spans) != want {
				t.Errorf("Redact(%q) spans = %d, want %d", tc.text, len(spans), want)
			}
		})
	}
}

// TestRedactSpans checks that the spans point into the original text.
func TestRedactSpans(t *testing.T) {
	text := "Jane Doe, jane@example.com, Age: 34"
	_, spans := Redact(text, Known{Name: "Jane Doe"})
	want := []struct{ quote, kind string }{{"Jane Doe", "name"},
		{"jane@example.com", "email"}, {"Age: 34", "age"}}
	if len(spans) != len(want) {
		t.Fatalf("Redact(%q) spans = %+v, want %d", text, spans, len(want))
	}
	for i, w := range want {
		if got := text[spans[i].Start:spans[i].End]; got != w.quote || spans[i].Kind != w.kind {
			t.Errorf("Redact(%q) span %d = %q %s, want %q %s", text, i, got, spans[i].Kind,
				w.quote, w.kind)
		}
	}
}
