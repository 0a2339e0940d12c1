// Package strings works on UTF-8 strings. Positions returned by index, lastIndex, indexAny and
// lastIndexAny count bytes of the UTF-8 encoding; strlen and substring count Unicode code points.
package strings

// title upper-cases (title-cases) the first letter of every word of v and leaves the rest alone.
builtin title : (v: string) => string

// toUpper maps every letter of v to upper case.
builtin toUpper : (v: string) => string

// toLower maps every letter of v to lower case.
builtin toLower : (v: string) => string

// trim drops, from both ends of v, every character that occurs in cutset (a set of characters, not a prefix).
builtin trim : (v: string, cutset: string) => string

// trimPrefix drops prefix from the start of v once, when v starts with it.
builtin trimPrefix : (v: string, prefix: string) => string

// trimSpace drops leading and trailing Unicode white space.
builtin trimSpace : (v: string) => string

// trimSuffix drops suffix from the end of v once, when v ends with it.
builtin trimSuffix : (v: string, suffix: string) => string

// trimRight drops, from the end of v, every character that occurs in cutset.
builtin trimRight : (v: string, cutset: string) => string

// trimLeft drops, from the start of v, every character that occurs in cutset.
builtin trimLeft : (v: string, cutset: string) => string

// toTitle maps every letter of v to its title case (the same as upper case for most letters).
builtin toTitle : (v: string) => string

// hasPrefix tells whether v starts with prefix.
builtin hasPrefix : (v: string, prefix: string) => bool

// hasSuffix tells whether v ends with suffix.
builtin hasSuffix : (v: string, suffix: string) => bool

// containsStr tells whether substr occurs in v.
builtin containsStr : (v: string, substr: string) => bool

// containsAny tells whether any character of chars occurs in v.
builtin containsAny : (v: string, chars: string) => bool

// equalFold tells whether v and t are equal when letter case is ignored.
builtin equalFold : (v: string, t: string) => bool

// compare orders v and t byte by byte: -1 when v sorts first, 0 when equal, 1 when t sorts first.
builtin compare : (v: string, t: string) => int

// countStr counts the non-overlapping occurrences of substr in v.
builtin countStr : (v: string, substr: string) => int

// index returns the byte position of the first occurrence of substr in v, or -1.
builtin index : (v: string, substr: string) => int

// indexAny returns the byte position of the first character of v that occurs in chars, or -1.
builtin indexAny : (v: string, chars: string) => int

// lastIndex returns the byte position of the last occurrence of substr in v, or -1.
builtin lastIndex : (v: string, substr: string) => int

// lastIndexAny returns the byte position of the last character of v that occurs in chars, or -1.
builtin lastIndexAny : (v: string, chars: string) => int

// isDigit tells whether the one-byte string v is a decimal digit.
builtin isDigit : (v: string) => bool

// isLetter tells whether the one-byte string v is a letter.
builtin isLetter : (v: string) => bool

// isLower tells whether the one-byte string v is a lower-case letter.
builtin isLower : (v: string) => bool

// isUpper tells whether the one-byte string v is an upper-case letter.
builtin isUpper : (v: string) => bool

// repeat returns i copies of v, one after the other.
builtin repeat : (v: string, i: int) => string

// replace replaces the first i non-overlapping occurrences of t in v with u (all of them when i < 0).
builtin replace : (v: string, t: string, u: string, i: int) => string

// replaceAll replaces every non-overlapping occurrence of t in v with u.
builtin replaceAll : (v: string, t: string, u: string) => string

// split cuts v at every occurrence of t and returns the pieces between them.
builtin split : (v: string, t: string) => [string]

// splitAfter cuts v after every occurrence of t; each piece keeps its separator.
builtin splitAfter : (v: string, t: string) => [string]

// splitN cuts v at occurrences of t into at most i pieces, the last holding the rest (all pieces when i < 0).
builtin splitN : (v: string, t: string, i: int) => [string]

// splitAfterN is splitN where each piece keeps its separator.
builtin splitAfterN : (v: string, t: string, i: int) => [string]

// joinStr joins the elements of arr, putting v between each two.
builtin joinStr : (arr: [string], v: string) => string

// strlen returns the number of Unicode code points of v.
builtin strlen : (v: string) => int

// substring returns the code points of v from start (included) to end (excluded); both are clamped to v.
builtin substring : (v: string, start: int, end: int) => string
