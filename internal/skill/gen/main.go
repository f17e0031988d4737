// Command gen builds the skills dictionary that package skill embeds.
//
// It reads the ESCO v1.1.1 CSV files and the O*NET 29.2 text files, keeps
// the labels that are worth matching in resumes, adds the hand-made
// supplement in supplement.txt, and writes two gzipped tab-separated files:
// skills.tsv.gz (one skill a line) and idf.tsv.gz (document frequencies of
// words in the taxonomies' descriptions, the background statistics of the
// local vetting engine). Run it through `go generate ./internal/skill`.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
)

func main() {
	src := flag.String("src", "../../../shared/data/skills", "folder with esco/ and onet/")
	out := flag.String("out", ".", "folder to write skills.tsv.gz and idf.tsv.gz into")
	sup := flag.String("supplement", "gen/supplement.txt", "hand-made supplement")
	flag.Parse()

	if err := run(context.Background(), *src, *sup, *out); err != nil {
		slog.Error("generate skills dictionary", slog.String("error", err.Error()))
		os.Exit(1)
	}
}

func run(ctx context.Context, src, sup, out string) error {
	esco, err := readESCO(ctx, src)
	if err != nil {
		return err
	}
	onet, err := readONET(ctx, src)
	if err != nil {
		return err
	}
	extra, err := readSupplement(sup)
	if err != nil {
		return err
	}

	prose := append(esco.prose, onet.prose...)
	common := commonWords(prose)
	b := newBuilder(common)
	b.addSupplement(extra)
	b.addESCO(esco)
	b.addONET(onet)
	b.applySupplement(extra)
	skills := b.finish()

	if err := writeSkills(out+"/skills.tsv.gz", skills); err != nil {
		return err
	}
	if err := writeIDF(out+"/idf.tsv.gz", prose); err != nil {
		return err
	}
	fmt.Printf("wrote %d skills with %d labels\n", len(skills), countLabels(skills))
	return nil
}
