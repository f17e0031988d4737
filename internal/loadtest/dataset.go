package loadtest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/store"
)

// AccountEmail is the email of the i-th seeded account (from 0). The driver
// signs in with these.
func AccountEmail(i int) string { return fmt.Sprintf("load%02d@shortlist.test", i+1) }

// accountRole gives the first three accounts one role each, then makes one
// in ten an admin and one in five a manager.
func accountRole(i int) string {
	switch {
	case i == 0 || i%10 == 0:
		return "admin"
	case i == 1 || i%10 == 1 || i%10 == 5:
		return "manager"
	}
	return "recruiter"
}

// dataset generates the rows of a Plan. Every row is a pure function of the
// plan's seed and its index, so generation can run beside the inserts.
type dataset struct {
	plan    Plan
	tag     string // makes this run's resumes unique among earlier runs'
	users   []store.SeedUser
	userIDs []int64
	jobIDs  []int64
	jobHash map[int64]string
}

func (d *dataset) rng(stream, i int) *rand.Rand {
	return rand.New(rand.NewPCG(d.plan.Seed, uint64(stream)<<40|uint64(i)))
}

func (d *dataset) makeUsers(hash string) []store.SeedUser {
	us := make([]store.SeedUser, d.plan.Users)
	for i := range us {
		us[i] = store.SeedUser{Email: AccountEmail(i), Name: fmt.Sprintf("Load User %02d", i+1),
			Role: accountRole(i), PasswordHash: hash}
	}
	d.users = us
	return us
}

// userOf picks an account of one of the roles given, or any account.
func (d *dataset) userOf(rng *rand.Rand, roles ...string) int {
	for range 50 {
		i := rng.IntN(len(d.users))
		if len(roles) == 0 || strings.Contains(strings.Join(roles, " "), d.users[i].Role) {
			return i
		}
	}
	return 0
}

func (d *dataset) makeJobs() []store.SeedJob {
	js := make([]store.SeedJob, d.plan.Jobs)
	for j := range js {
		rng := d.rng(1, j)
		title := titles[j%len(titles)]
		must, nice := pickN(rng, skills, 3), pickN(rng, skills, 2)
		var reqs []store.SeedRequirement
		for _, s := range must {
			reqs = append(reqs, store.SeedRequirement{Kind: "must", Text: s, Weight: 2})
		}
		for _, s := range nice {
			reqs = append(reqs, store.SeedRequirement{Kind: "nice", Text: s, Weight: 1})
		}
		years := 2 + rng.IntN(7)
		reqs = append(reqs, store.SeedRequirement{Kind: "years", Weight: 1, Years: years,
			Text: fmt.Sprintf("%d years of professional experience", years)})
		status := "open"
		if rng.IntN(10) == 0 {
			status = "closed"
		}
		sum := sha256.Sum256(fmt.Appendf(nil, "%s %v", title, reqs))
		js[j] = store.SeedJob{Title: title, Location: pick(rng, cities), Status: status,
			Description: fmt.Sprintf("We are hiring a %s to work on %s with %s and %s.", title,
				pick(rng, objects), must[0], must[1]),
			RequirementsHash: hex.EncodeToString(sum[:]), Requirements: reqs,
			CreatedBy: d.userIDs[d.userOf(rng, "manager", "admin")],
			CreatedAt: d.plan.Now.AddDate(0, 0, -rng.IntN(365))}
	}
	return js
}

var stages = []string{"new", "new", "new", "new", "new", "new", "advanced", "advanced",
	"hold", "rejected"}

// candidate makes the i-th candidate: 85% belong to a job, the rest to the
// general pool; 70% of those with a job have a score; 3% are in the trash.
func (d *dataset) candidate(i int) store.SeedCandidate {
	rng := d.rng(2, i)
	p := newPerson(rng, d.tag, i)
	text := resumeText(rng, p, 2048+rng.IntN(4097))
	sum := sha256.Sum256([]byte(text))
	c := store.SeedCandidate{Name: p.name, Email: p.email, Phone: p.phone,
		Stage: pick(rng, stages), Text: text, ContentHash: hex.EncodeToString(sum[:]),
		FileName:    strings.ReplaceAll(strings.ToLower(p.name), " ", "-") + ".txt",
		UploadedBy:  d.userIDs[d.userOf(rng, "recruiter", "manager")],
		CreatedAt:   d.plan.Now.Add(-time.Duration(rng.Int64N(int64(365 * 24 * time.Hour)))),
		NeedsReview: rng.IntN(50) == 0, SimHash: candidate.SimHash(text)}
	if len(d.jobIDs) > 0 && rng.IntN(100) < 85 {
		c.JobID = d.jobIDs[rng.IntN(len(d.jobIDs))]
		if rng.IntN(10) < 7 {
			s := rng.IntN(101)
			c.Score = &s
		}
	}
	if rng.IntN(100) < 3 {
		admin := d.userOf(rng, "admin")
		c.Deleted, c.DeletedByID = true, d.userIDs[admin]
		c.DeletedBy = fmt.Sprintf("%s (%s)", d.users[admin].Email, d.users[admin].Role)
		c.DeletedAt = c.CreatedAt.Add(time.Duration(rng.Int64N(int64(d.plan.Now.Sub(c.CreatedAt)))))
		c.DeletionReason = pick(rng, deletionReasons)
	}
	return c
}
