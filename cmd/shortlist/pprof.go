package main

import (
	"log/slog"
	"net/http"
	"net/http/pprof"
	"time"
)

// servePprof serves Go's profiler on its own address, apart from the app's
// routes, so that it is never exposed with them.
func (a *app) servePprof() {
	if a.cfg.PprofAddr == "" {
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Addr: a.cfg.PprofAddr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		a.log.Info("profiler listening", slog.String("addr", a.cfg.PprofAddr))
		if err := srv.ListenAndServe(); err != nil {
			a.log.Warn("profiler stopped", slog.String("error", err.Error()))
		}
	}()
}
