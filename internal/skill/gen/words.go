package main

import (
	"strings"

	"shortlist/internal/skill/token"
)

// commonDocs is how many descriptions must use a word in lower case before
// the word counts as common English rather than a name; from veryCommonDocs
// on, a lower-case word is too vague to stand for one skill ("management").
const (
	commonDocs     = 4
	veryCommonDocs = 40
)

// commonWords returns, for the words that the taxonomies' own prose uses in lower
// case at all, the number of descriptions that do ("go", "access", "project").
func commonWords(prose []string) map[string]int {
	df := map[string]int{}
	for _, p := range prose {
		seen := map[string]bool{}
		for _, t := range token.Tokenize(p) {
			if t.Surface(p) != strings.ToLower(t.Surface(p)) || seen[t.Norm] {
				continue
			}
			seen[t.Norm] = true
			df[t.Norm]++
		}
	}
	return df
}

// stopWords are English function words and resume filler that never name a
// skill by themselves.
var stopWords = setOf(`a about above after again against all also am an and any are as at be
because been before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers him his how i if in into is it its
itself just me more most my no nor not now of off on once only or other our out over own same she
should so some such than that the their them then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
new good well work working year month day time use using used make way etc per via within across
able ability skill knowledge experience led lead plan managed manage developed develop support
supported created assisted responsible team member client customer service company business data
information system program process`)

// joiners are the function words that never start or end a skill's name.
var joiners = setOf(`a an and or of the to in for with by on at from as`)

// vendors are company names that O*NET puts in front of product names.
var vendors = strings.Fields(`Microsoft Oracle IBM Autodesk Adobe SAP Google Apache Apple Amazon
Intuit Siemens ESRI Atlassian Salesforce Cisco VMware Corel Sage Bentley Trimble Infor Citrix
Mozilla JetBrains Facebook Meta Red_Hat Dassault_Systemes Epic Cerner Hyland Blackboard Unity
Tableau Workday Elastic MongoDB Dropbox Slack Zoom SAS Minitab Wolfram Ansys`)

func init() {
	for i, v := range vendors {
		vendors[i] = strings.ReplaceAll(v, "_", " ")
	}
}

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
