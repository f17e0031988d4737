package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"shortlist/internal/user"
)

// runUser manages accounts from the command line; the operator acts with
// full rights and the activity log records the system as the actor.
func runUser(ctx context.Context, args []string, stdin io.Reader, stdout, logOut io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: shortlist user add|list|set-role|disable|enable|reset-password")
	}
	fs := flag.NewFlagSet("user "+args[0], flag.ContinueOnError)
	fs.SetOutput(logOut)
	email := fs.String("email", "", "the user's email")
	role := fs.String("role", "", "recruiter, manager or admin")
	name := fs.String("name", "", "the user's name")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	a, err := open(ctx, logOut)
	if err != nil {
		return err
	}
	defer a.close()

	password := ""
	if *fromStdin {
		if password, err = readPassword(stdin); err != nil {
			return err
		}
	}
	switch args[0] {
	case "add":
		return a.userAdd(ctx, stdout, user.NewUser{Email: *email, Name: *name,
			Role: user.Role(*role), Password: password})
	case "list":
		return a.userList(ctx, stdout)
	case "set-role":
		return a.withUser(ctx, *email, func(u *user.User) (string, error) {
			r, err := user.ParseRole(*role)
			if err != nil {
				return "", err
			}
			u, err = a.users.SetRole(ctx, nil, u.ID, r)
			return fmt.Sprintf("%s is now %s.", u.Email, u.Role), err
		}, stdout)
	case "disable", "enable":
		return a.withUser(ctx, *email, func(u *user.User) (string, error) {
			u, err := a.users.SetDisabled(ctx, nil, u.ID, args[0] == "disable")
			return fmt.Sprintf("%s is %sd.", u.Email, args[0]), err
		}, stdout)
	case "reset-password":
		return a.withUser(ctx, *email, func(u *user.User) (string, error) {
			gen, err := a.users.ResetPassword(ctx, nil, u.ID, password)
			if gen != "" {
				return fmt.Sprintf("New password for %s: %s", u.Email, gen), err
			}
			return fmt.Sprintf("Password of %s changed; their sessions ended.", u.Email), err
		}, stdout)
	}
	return fmt.Errorf("unknown user action %q", args[0])
}

func (a *app) userAdd(ctx context.Context, stdout io.Writer, n user.NewUser) error {
	if n.Email == "" || n.Role == "" {
		return errors.New("user add needs --email and --role")
	}
	u, generated, err := a.users.Create(ctx, nil, n)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Added %s as %s.\n", u.Email, u.Role)
	if generated != "" {
		fmt.Fprintf(stdout, "Password: %s\n", generated)
	}
	return nil
}

func (a *app) userList(ctx context.Context, stdout io.Writer) error {
	us, err := a.users.Users(ctx, nil)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tEMAIL\tROLE\tSTATUS\tNAME")
	for _, u := range us {
		status := "active"
		if u.Disabled {
			status = "disabled"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", u.ID, u.Email, u.Role, status, u.Name)
	}
	return tw.Flush()
}

// withUser looks the user up by email, runs fn, and prints its message.
func (a *app) withUser(ctx context.Context, email string, fn func(*user.User) (string, error),
	stdout io.Writer) error {
	if email == "" {
		return errors.New("--email is required")
	}
	u, err := a.users.Lookup(ctx, email)
	if err != nil {
		return err
	}
	msg, err := fn(u)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, msg)
	return nil
}

func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("read password: standard input is empty")
	}
	return line, nil
}
