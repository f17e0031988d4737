package skill

// The dictionary is built from the taxonomies kept beside the repository.
//go:generate go run ./gen -src ../../../shared/data/skills -out . -supplement gen/supplement.txt
