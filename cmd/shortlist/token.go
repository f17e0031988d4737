package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// runToken creates API tokens. The token is printed once; only its keyed
// hash is stored.
func runToken(ctx context.Context, args []string, stdout, logOut io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return errors.New("usage: shortlist token add --email E [--name N]")
	}
	fs := flag.NewFlagSet("token add", flag.ContinueOnError)
	fs.SetOutput(logOut)
	email := fs.String("email", "", "the user the token acts as")
	name := fs.String("name", "", "a label for the token")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *email == "" {
		return errors.New("token add needs --email")
	}
	a, err := open(ctx, logOut)
	if err != nil {
		return err
	}
	defer a.close()
	token, err := a.users.CreateToken(ctx, nil, *email, *name)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s\n", token)
	return nil
}
