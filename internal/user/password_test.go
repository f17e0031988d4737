package user

import "testing"

func TestPasswordHash(t *testing.T) {
	hash, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatalf("HashPassword: %v", err)
	}
	tests := []struct {
		name, hash, password string
		want                 bool
		wantErr              bool
	}{
		{"right", hash, "correct horse battery", true, false},
		{"wrong", hash, "correct horse batterY", false, false},
		{"empty", hash, "", false, false},
		{"not a hash", "plain", "plain", false, true},
		{"other algorithm", "$2a$10$abcdefghijklmnopqrstuv", "x", false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := VerifyPassword(tc.hash, tc.password)
			if got != tc.want || (err != nil) != tc.wantErr {
				t.Errorf("VerifyPassword = %v, %v; want %v, error %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
	other, _ := HashPassword("correct horse battery")
	if other == hash {
		t.Error("two hashes of one password are equal; the salt is not random")
	}
}
