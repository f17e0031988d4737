package resume

import (
	"slices"
	"testing"
)

func TestFindContact(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Contact
	}{
		{"full header", "Jane Q. Doe\nSenior Accountant\njane.doe@example.co.uk | +44 20 7946 0958\n" +
			"linkedin.com/in/janedoe · https://github.com/jdoe.",
			Contact{Name: "Jane Q. Doe", Email: "jane.doe@example.co.uk", Phone: "+44 20 7946 0958",
				Links: []string{"linkedin.com/in/janedoe", "https://github.com/jdoe"}}},
		{"us phone and title first", "ACCOUNTANT\nJohn Smith\n(555) 123-4567\nExperience 2015 - 2019",
			Contact{Name: "John Smith", Phone: "(555) 123-4567"}},
		{"date ranges are not phones", "Company Name 2015-2019\nExperience 01/2015 to 02/2019",
			Contact{}},
		{"letter-spaced name", "J A N E  D O E\nSummary", Contact{Name: "JANE DOE"}},
		{"french number", "Marie Curie\nTél. : +33 6 12 34 56 78",
			Contact{Name: "Marie Curie", Phone: "+33 6 12 34 56 78"}},
		{"birth date is not a phone", "Né le 24/07/1994\n+212 6 22 90 22 21",
			Contact{Phone: "+212 6 22 90 22 21"}},
		{"nothing", "Summary\nExperienced accountant.", Contact{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := findContact(tc.text)
			if got.Name != tc.want.Name || got.Email != tc.want.Email ||
				got.Phone != tc.want.Phone || !slices.Equal(got.Links, tc.want.Links) {
				t.Errorf("findContact(%q) = %+v, want %+v", tc.text, got, tc.want)
			}
		})
	}
}

func TestFindSections(t *testing.T) {
	text := "Jane Doe\nPROFESSIONAL SUMMARY\nCareful.\nWork History:\nAcme\nEducation\nMIT\n" +
		"Skills & Tools\nExcel\nCertifications\nCPA"
	got := findSections(text)
	want := []string{"summary", "experience", "education", "certifications"}
	var names []string
	for _, s := range got {
		names = append(names, s.Name)
	}
	if !slices.Equal(names, want) {
		t.Fatalf("findSections() names = %q, want %q", names, want)
	}
	if s := got[1]; text[s.Start:s.End] != "Work History:\nAcme\n" {
		t.Errorf("findSections() experience = %q, want %q", text[s.Start:s.End], "Work History:\nAcme\n")
	}
	if last := got[len(got)-1]; last.End != len(text) {
		t.Errorf("findSections() last End = %d, want %d", last.End, len(text))
	}
}

func TestGuessLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Managed the accounts of the firm and reported to the board with care for the team", "en"},
		{"Responsable de la gestion des comptes et du suivi pour les clients dans une équipe", "fr"},
		{"Verantwortlich für die Buchhaltung und das Team mit den Kunden auf der Baustelle", "de"},
		{"Responsable de los proyectos y del equipo para las ventas con una empresa como que", "es"},
		{"Responsabile della gestione per il team con gli clienti delle vendite nel una sono", "it"},
		{"Verantwoordelijk voor de administratie van het team en een project met de klant bij", "nl"},
		{"Responsável pela gestão dos projetos com uma equipe para os clientes da empresa não", "pt"},
		{"Excel Word SQL", ""},
	}
	for _, tc := range tests {
		if got := guessLanguage(tc.text); got != tc.want {
			t.Errorf("guessLanguage(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
