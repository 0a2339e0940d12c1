// Package regexp works with regular expressions in the RE2 syntax that regex literals use.
// Positions returned by findStringIndex count bytes of the UTF-8 encoding.
package regexp

// compile turns the pattern v into a regular expression; an invalid pattern is an error.
builtin compile : (v: string) => regexp

// quoteMeta puts a backslash before every character of v that has a meaning in a pattern.
builtin quoteMeta : (v: string) => string

// findString returns the leftmost match of r in v, or "" when r does not match.
builtin findString : (r: regexp, v: string) => string

// findStringIndex returns the byte positions [start, end] of the leftmost match of r in v, or [].
builtin findStringIndex : (r: regexp, v: string) => [int]

// matchRegexpString tells whether r matches anywhere in v.
builtin matchRegexpString : (r: regexp, v: string) => bool

// replaceAllString replaces every match of r in v with t, where $1, ${1}, $name and ${name} stand for
// submatches and $$ for a dollar sign.
builtin replaceAllString : (r: regexp, v: string, t: string) => string

// splitRegexp cuts v at the matches of r into at most i pieces (all pieces when i < 0).
builtin splitRegexp : (r: regexp, v: string, i: int) => [string]

// getString returns the pattern r was made from.
builtin getString : (r: regexp) => string
