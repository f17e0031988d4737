package loadtest

import (
	"math/rand/v2"
	"sync"
)

// pool holds what the mix acts on: live candidates, candidates in the trash
// and jobs, as found before the run and changed by its own deletes and
// restores.
type pool struct {
	mu    sync.Mutex
	live  []int64
	trash []int64
	jobs  []int64
}

func (p *pool) pickLive(rng *rand.Rand) (int64, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.live) == 0 {
		return 0, false
	}
	return p.live[rng.IntN(len(p.live))], true
}

// takeLive removes a live candidate from the pool, so no one else opens it
// while it is being deleted.
func (p *pool) takeLive(rng *rand.Rand) (int64, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.live) == 0 {
		return 0, false
	}
	i := rng.IntN(len(p.live))
	id := p.live[i]
	p.live[i] = p.live[len(p.live)-1]
	p.live = p.live[:len(p.live)-1]
	return id, true
}

func (p *pool) addLive(id int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.live = append(p.live, id)
}

func (p *pool) addTrash(id int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.trash = append(p.trash, id)
}

// takeTrash removes the most recently deleted candidate from the trash.
func (p *pool) takeTrash() (int64, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.trash) == 0 {
		return 0, false
	}
	id := p.trash[len(p.trash)-1]
	p.trash = p.trash[:len(p.trash)-1]
	return id, true
}

func (p *pool) pickJob(rng *rand.Rand) (int64, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.jobs) == 0 {
		return 0, false
	}
	return p.jobs[rng.IntN(len(p.jobs))], true
}
