package loadtest

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// rssSampler reads a process's resident memory (VmRSS in
// /proc/PID/status) once a second and keeps the peak. It works on Linux
// only; elsewhere it reports nothing.
type rssSampler struct {
	pid         int
	first, peak int64 // KiB
	err         error
	done        chan struct{}
}

func startRSS(ctx context.Context, pid int) *rssSampler {
	s := &rssSampler{pid: pid, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			kib, err := readRSS(pid)
			if err != nil {
				s.err = err
				return
			}
			if s.first == 0 {
				s.first = kib
			}
			s.peak = max(s.peak, kib)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// stop ends sampling and describes what was seen.
func (s *rssSampler) stop(cancel context.CancelFunc) (peakMiB float64, note string) {
	cancel()
	<-s.done
	if s.err != nil {
		return 0, fmt.Sprintf("server memory not measured: %v", s.err)
	}
	peakMiB = float64(s.peak) / 1024
	return peakMiB, fmt.Sprintf("server %d resident memory: %.0f MiB at the start, peak %.0f MiB",
		s.pid, float64(s.first)/1024, peakMiB)
}

func readRSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("read memory of process %d: %w", pid, err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) == 0 {
				break
			}
			return strconv.ParseInt(f[0], 10, 64)
		}
	}
	return 0, fmt.Errorf("read memory of process %d: no VmRSS line", pid)
}
