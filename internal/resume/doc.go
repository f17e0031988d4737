// Package resume reads uploaded resume files (PDF, DOCX and plain text) into
// text that can be trusted: the file type is decided from the content, every
// read is bounded in size, time and memory, text a human reader cannot see is
// kept apart from the visible text, and contact details and sections are
// located in what remains.
package resume
