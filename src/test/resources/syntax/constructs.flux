// Grammar snippets covering the constructs of the Flux specification, one (or a few) per statement.
// RoundTripTest parses this file, prints it, parses the result again and compares the trees; it also
// checks each statement on its own. Everything here must parse.
import "array"
import "strings"
import str "strings"
import "experimental/http/requests"

// ---- identifiers
a = 1
_x = 2
longIdentifierName = 3
αβ = 4
x1_2 = 5
with = 6
where = 7
extends = 8
ident = with + where + extends

// ---- integer literals
i0 = 0
i1 = 42
i2 = 317316873
i3 = 9223372036854775807
i4 = -9223372036854775807

// ---- float literals
f0 = 0.
f1 = 72.40
f2 = 072.40
f3 = 2.71828
f4 = .26
f5 = 100000000000000000000.0
f6 = 0.000000000000000000001
f7 = 1.7976931348623157
f8 = -0.5
f9 = 123456789012345678901234567890.123

// ---- duration literals
d0 = 1ns
d1 = 1us
d2 = 1µs
d3 = 1ms
d4 = 1s
d5 = 1m
d6 = 1h
d7 = 1d
d8 = 1w
d9 = 1mo
d10 = 1y
d11 = 1h15m
d12 = 1mo5d
d13 = 2y3mo4w5d6h7m8s9ms10us11ns
d14 = -5m
d15 = 0s
d16 = -1d12h

// ---- date and time literals
t0 = 1952-01-25T12:35:51Z
t1 = 2018-08-15T13:36:23-07:00
t2 = 2018-01-01
t3 = 2018-05-22T19:53:23.09012Z
t4 = 2018-05-22T19:53:23.123456789+05:30
t5 = 2018-01-01T00:00:00Z + 1d
t6 = 1677-09-21T00:12:43.145224192Z
t7 = 1677-09-21T00:13:00.5Z
t8 = 2262-04-11T23:47:16.854775807Z

// ---- string literals
s0 = "abc"
s1 = "string with double \" quote"
s2 = "string with backslash \\"
s3 = "日本語"
s4 = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"
s5 = "tab\tnewline\ncarriage\r"
s6 = "dollar sign opening curly bracket \${"
s7 = ""
s8 = "multi
line"
s9 = "a lone $ and a trailing $"
s10 = "$"
s11 = "braces {} and a } alone"
s12 = "dollars $$ and $"
s13 = "control  chars"

// ---- string interpolation
n = 42
si0 = "the answer is ${n}"
si1 = "the answer is not ${n + 1}"
si2 = "${n}"
si3 = "${n}${n}"
si4 = "a ${"b ${c}"} d"
si5 = "record ${{a: 1}.a} and ${[1, 2][0]}"
si6 = "call ${strings.toUpper(v: "x")} done"
si7 = "pipe ${tables |> count()} done"
si8 = "escaped \${n} and real ${n}"
si9 = "dollar before interpolation $${n}"
si13 = "dollars $$$${"nested ${n}"} $$"
si10 = "quote \" inside ${"\"nested\""}"
si11 = "${if n > 1 then "big" else "small"}"
si12 = "${(x) => x}"

// ---- regular expression literals
r0 = /.*/
r1 = /http:\/\/localhost:9999/
r2 = /^\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e(ZZ)?$/
r3 = /^日本語(ZZ)?$/
r4 = /\\xZZ/
r5 = /a\/b\\c\d/
r6 = /(?:)/
r7 = /[a-z]+\s*=\s*"[^"]*"/
r8 = "a" =~ /a/ and "b" !~ /c/
r9 = [/a/, /b/]
r10 = f(re: /x/)

// ---- operators and precedence
p0 = 1 + 2 * 3
p1 = (1 + 2) * 3
p2 = 1 - 2 - 3
p3 = 1 - (2 - 3)
p4 = 2 ^ 3 ^ 2
p5 = 2 ^ (3 ^ 2)
p6 = 10 % 3 / 2
p7 = a == b and c != d or e < f and g <= h or i > j and k >= l
p8 = a and (b or c)
p9 = not a and b
p10 = not (a and b)
p11 = exists r.x and not exists r.y
p12 = -a + +b
p13 = -(a + b)
p14 = - -a
p15 = a - -b
p16 = a * -b
p17 = (a |> f()) + 1
p18 = a + b |> f()
p19 = a ^ b |> f()
p20 = -a |> f()
p21 = -(a |> f())
p22 = not a == b
p23 = (not a) == b
p24 = a =~ /x/ or a !~ /y/
p25 = (a == b) == c
p26 = a == (b == c)
p27 = a < b == (c > d)
p28 = 1 + 2 < 3 * 4
p29 = ((a))
p30 = a + (b * c)
p31 = -a ^ 2
p32 = -(a ^ 2)
p33 = a + (x) => x * 2
p34 = exists (a)

// ---- conditional expressions
c0 = if a then b else c
c1 = if a then b else if c then d else e
c2 = if a > 0 then "positive" else if a < 0 then "negative" else "zero"
c3 = (if a then b else c) + 1
c4 = if (if a then b else c) then d else e
c5 = if a then (if b then c else d) else e
c6 = if a then b else (x) => x
c7 = if a then from(bucket: "a") |> range(start: -1h) else from(bucket: "b") |> range(start: -2h)
c8 = not (if a then b else c)
c9 = [if a then 1 else 2]

// ---- records
o0 = {}
o1 = {a: 1}
o2 = {a: 1, b: "two", c: 3.0}
o3 = {a: 1, b: 2, c: 3, d: 4, e: 5}
o4 = {o1 with b: 2}
o5 = {o1 with b: 2, c: 3, d: 4, e: 5, f: 6}
o6 = {a, b}
o7 = {"a b": 1, "c": 2}
o8 = {a: {b: {c: {d: 1}}}}
o9 = {a: 1,}
o10 = {
    // comment on a
    a: 1,
    b: 2,
}
o11 = {o1 with
    // comment
    a: 1,
}
o12 = {a: (x) => x, b: (x) => {
        return x
    }}
o13 = {a: [1, 2], b: ["k": "v"], c: [:], d: []}

// ---- arrays
l0 = []
l1 = [1]
l2 = [1, 2, 3]
l3 = [1, 2, 3, 4, 5, 6]
l4 = [[1, 2], [3, 4]]
l5 = [{a: 1}, {a: 2}]
l6 = [1, 2,]
l7 = ["a", "b"][1]

// ---- dictionaries
m0 = [:]
m1 = ["a": 1]
m2 = ["a": 1, "b": 2]
m3 = [1: "one", 2: "two", 3: "three", 4: "four", 5: "five"]
m4 = ["a": [1], "b": [2]]
m5 = [2021-01-01: 1.0]
m6 = ["a": 1,]
m7 = [a + b: c * d]

// ---- functions
fn0 = () => 1
fn1 = (r) => r._value
fn2 = (r) => ({r with _value: r._value * 2})
fn3 = (r) => ({_time: r._time, _value: r._value})
fn4 = (tables=<-, n=1) => tables |> limit(n: n)
fn5 = (a, b=2, c="three", d=4.0, e=5m, f=[1], g={x: 1}) => a
fn6 = (x) => {
    y = x * 2

    return y + 1
}
fn7 = (x) => (y) => x + y
fn8 = (x) => {
    return (y) => {
        return x + y
    }
}
fn9 = () => {
    return {a: 1}
}
fn10 = (r) => r.a == 1 and r.b == 2
fn11 = (x=(y) => y) => x(y: 1)
fn12 = () => {}
fn13 = (r) => ({})
fn14 = (r) => ({r with})["a"]

// ---- calls, members, indexes
k0 = f()
k1 = f(a: 1)
k2 = f(a: 1, b: 2)
k3 = f(a, b)
k4 = f(a: 1, b: 2, c: 3, d: 4, e: 5)
k5 = f(a: 1)(b: 2)
k6 = ((x) => x)(x: 1)
k7 = a.b.c
k8 = a["b"]
k9 = a["b c"]["d"]
k10 = a[0]
k11 = a[i + 1][j]
k12 = a.b[0].c(d: 1).e
k13 = f(fn: (r) => r)
k14 = f(
    // why a
    a: 1,
    b: 2,
)
k15 = strings.toUpper(v: "abc")
k16 = (a).b
k17 = (1).x
k18 = {a: 1}.a
k19 = [1, 2][0]
k20 = "abc"[0]
k21 = f(a: 1,)
k22 = a["with spaces"].b
k23 = array.from(rows: [{a: 1}])

// ---- pipes
q0 = a |> f()
q1 = from(bucket: "b") |> range(start: -1h) |> filter(fn: (r) => r._value > 0)
q2 = from(bucket: "b")
    |> range(start: -1h, stop: now())
    |> filter(fn: (r) => r._measurement == "cpu" and r._field == "usage_user")
    |> aggregateWindow(every: 1m, fn: mean, createEmpty: false)
    |> map(fn: (r) => ({r with _value: r._value * 100.0}))
    |> yield(name: "mean")
q3 = (a |> f()) |> g()
q4 = f(tables: a |> g())
q5 = join(tables: {a: a |> sum(), b: b}, on: ["_time"])
q6 = a |> f(fn: (r) => r |> g())
q7 = a.b |> c.d()
q8 = a[0] |> f()
q9 = f()() |> g()
q10 = <- |> f()
q11 = a |> f() |> g()(x: 1)

// ---- labels and pipe literal
lb0 = .a
lb1 = f(column: .host)
lb2 = [.a, .b]
pl0 = <-

// ---- option statements
option now = () => 2006-01-02T15:04:05-07:00
option task = {
    name: "foo",
    every: 1h,
    delay: 10m,
    cron: "0 2 * * *",
    retry: 5,
}
option location = timezone.fixed(offset: -5h)
option planner.disablePhysicalRules = ["fuseFilter"]
option foo.bar = 1

// ---- builtin statements
builtin b0 : int
builtin b1 : (v: A) => A
builtin b2 : (<-tables: stream[A], ?n: int, v: A) => stream[B] where A: Record, B: Addable + Comparable
builtin b3 : (<-: stream[A]) => stream[A]
builtin b4 : {A with a: int, b: string}
builtin b5 : {}
builtin b6 : [A]
builtin b7 : [K:V] where K: Comparable
builtin b8 : [string:[int]]
builtin b9 : vector[float]
builtin b10 : {"a b": int, c: float}
builtin b11 : (f: (x: A) => B, ?g: () => int) => {B with x: A}
builtin b12 : (a: int, b: int, c: int, d: int, e: int) => int
builtin b13 : (a: A, b: B, c: C, d: D, e: E) => A where A: Record, B: Record, C: Record, D: Record, E: Record
builtin b14 : {a: int, b: int, c: int, d: int, e: int}
builtin b15 : () => bool
builtin b16 : stream[{A with _value: B}]
builtin with : int

// ---- return statements (in blocks)
rt = () => {
    return 1
}

// ---- testcase statements
testcase t0 {
    a = 1
}
testcase t1 extends "flux/path/to/test" {
    option now = () => 2020-01-01T00:00:00Z

    super()
}
testcase t2 {}

// ---- expression statements
from(bucket: "b")
1 + 1
a
"just a string"
{a: 1}
[1, 2]
f(a: 1) |> yield()

// ---- attributes on statements
@deprecated("use b instead")
a2 = 1

// a comment before an attribute
@tag(1, 2.5, "three", 4m)
@other()
a3 = 2

// ---- comments
// leading comment
c10 = 1 // an end-of-line comment becomes a leading comment of the next statement

// several
// leading
//comments, one without a space
c11 = 2
c12 = [
    // before the first element
    10,
    // before the second,
    // on two lines
    {k: 20},
]
c13 = ["x": 1, // before the second entry
    "y": 2]
bl = () => {
    // only a comment inside

    x = 1

    // and at the end
}
// at the end of the file

// An optional parameter type may name its default label.
builtin meanOf : (<-tables: stream[A], ?column: C = "_value") => stream[B] where A: Record, B: Record, C: Label
