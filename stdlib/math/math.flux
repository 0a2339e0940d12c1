// Package math holds mathematical constants and functions on floats, with the special cases (NaN, ±Inf,
// ±0) of Go's math package. Most functions return null when given null.
package math

// pi is π, the ratio of a circle's circumference to its diameter.
builtin pi : float

// e is Euler's number, the base of the natural logarithm.
builtin e : float

// phi is the golden ratio.
builtin phi : float

// sqrt2 is the square root of 2.
builtin sqrt2 : float

// sqrte is the square root of e.
builtin sqrte : float

// sqrtpi is the square root of π.
builtin sqrtpi : float

// sqrtphi is the square root of the golden ratio.
builtin sqrtphi : float

// ln2 is the natural logarithm of 2.
builtin ln2 : float

// log2e is the base-2 logarithm of e.
builtin log2e : float

// ln10 is the natural logarithm of 10.
builtin ln10 : float

// log10e is the base-10 logarithm of e.
builtin log10e : float

// maxfloat is the largest finite float.
builtin maxfloat : float

// smallestNonzeroFloat is the smallest positive float (a subnormal).
builtin smallestNonzeroFloat : float

// maxint is the largest int, 2^63 - 1.
builtin maxint : int

// minint is the smallest int, -2^63.
builtin minint : int

// maxuint is the largest uint, 2^64 - 1.
builtin maxuint : uint

// abs returns the absolute value of x.
builtin abs : (x: float) => float

// acos returns the arccosine of x in radians (NaN outside [-1, 1]).
builtin acos : (x: float) => float

// acosh returns the inverse hyperbolic cosine of x (NaN below 1).
builtin acosh : (x: float) => float

// asin returns the arcsine of x in radians (NaN outside [-1, 1]).
builtin asin : (x: float) => float

// asinh returns the inverse hyperbolic sine of x.
builtin asinh : (x: float) => float

// atan returns the arctangent of x in radians.
builtin atan : (x: float) => float

// atan2 returns the arctangent of y/x in radians, using the signs of both to choose the quadrant.
builtin atan2 : (y: float, x: float) => float

// atanh returns the inverse hyperbolic tangent of x (NaN outside [-1, 1]).
builtin atanh : (x: float) => float

// cbrt returns the cube root of x.
builtin cbrt : (x: float) => float

// ceil returns the least integer value not below x.
builtin ceil : (x: float) => float

// copysign returns a float with the magnitude of x and the sign of y.
builtin copysign : (x: float, y: float) => float

// cos returns the cosine of x radians.
builtin cos : (x: float) => float

// cosh returns the hyperbolic cosine of x.
builtin cosh : (x: float) => float

// dim returns x - y when that is positive, otherwise 0.
builtin dim : (x: float, y: float) => float

// erf returns the error function of x.
builtin erf : (x: float) => float

// erfc returns the complementary error function of x, 1 - erf(x).
builtin erfc : (x: float) => float

// erfcinv returns the inverse of erfc (NaN outside [0, 2]).
builtin erfcinv : (x: float) => float

// erfinv returns the inverse of erf (NaN outside [-1, 1]).
builtin erfinv : (x: float) => float

// exp returns e raised to the power x.
builtin exp : (x: float) => float

// exp2 returns 2 raised to the power x.
builtin exp2 : (x: float) => float

// expm1 returns e^x - 1, accurate also when x is near zero.
builtin expm1 : (x: float) => float

// float64bits returns the IEEE 754 bits of f.
builtin float64bits : (f: float) => uint

// float64frombits returns the float whose IEEE 754 bits are b.
builtin float64frombits : (b: uint) => float

// floor returns the greatest integer value not above x.
builtin floor : (x: float) => float

// frexp splits f into a fraction with magnitude in [0.5, 1) and a power of two: f = frac * 2^exp.
builtin frexp : (f: float) => {frac: float, exp: int}

// gamma returns the Gamma function of x.
builtin gamma : (x: float) => float

// hypot returns sqrt(p*p + q*q) without needless overflow or underflow.
builtin hypot : (p: float, q: float) => float

// ilogb returns the binary exponent of x as an int.
builtin ilogb : (x: float) => int

// mInf returns +Inf when sign >= 0 and -Inf otherwise.
builtin mInf : (sign: int) => float

// isInf tells whether f is +Inf (sign > 0), -Inf (sign < 0) or either infinity (sign == 0).
builtin isInf : (f: float, sign: int) => bool

// isNaN tells whether f is NaN.
builtin isNaN : (f: float) => bool

// j0 returns the Bessel function of the first kind of order zero.
builtin j0 : (x: float) => float

// j1 returns the Bessel function of the first kind of order one.
builtin j1 : (x: float) => float

// jn returns the Bessel function of the first kind of order n.
builtin jn : (n: int, x: float) => float

// ldexp returns frac * 2^exp, the inverse of frexp.
builtin ldexp : (frac: float, exp: int) => float

// lgamma returns the natural logarithm of |gamma(x)| and the sign (1 or -1) of gamma(x).
builtin lgamma : (x: float) => {lgamma: float, sign: int}

// log returns the natural logarithm of x.
builtin log : (x: float) => float

// log10 returns the base-10 logarithm of x.
builtin log10 : (x: float) => float

// log1p returns the natural logarithm of 1 + x, accurate also when x is near zero.
builtin log1p : (x: float) => float

// log2 returns the base-2 logarithm of x.
builtin log2 : (x: float) => float

// logb returns the binary exponent of x as a float.
builtin logb : (x: float) => float

// mMax returns the larger of x and y.
builtin mMax : (x: float, y: float) => float

// mMin returns the smaller of x and y.
builtin mMin : (x: float, y: float) => float

// mod returns the remainder of x / y with the sign of x (as the % operator does).
builtin mod : (x: float, y: float) => float

// modf splits f into an integer part and a fractional part, both with the sign of f.
builtin modf : (f: float) => {int: float, frac: float}

// NaN returns an IEEE 754 not-a-number value.
builtin NaN : () => float

// nextafter returns the float next to x in the direction of y.
builtin nextafter : (x: float, y: float) => float

// pow returns x raised to the power y.
builtin pow : (x: float, y: float) => float

// pow10 returns 10 raised to the power n.
builtin pow10 : (n: int) => float

// remainder returns the IEEE 754 remainder of x / y.
builtin remainder : (x: float, y: float) => float

// round returns the nearest integer value, halves rounded away from zero.
builtin round : (x: float) => float

// roundtoeven returns the nearest integer value, halves rounded to the even neighbour.
builtin roundtoeven : (x: float) => float

// signbit tells whether x is negative or negative zero.
builtin signbit : (x: float) => bool

// sin returns the sine of x radians.
builtin sin : (x: float) => float

// sincos returns the sine and the cosine of x radians.
builtin sincos : (x: float) => {sin: float, cos: float}

// sinh returns the hyperbolic sine of x.
builtin sinh : (x: float) => float

// sqrt returns the square root of x.
builtin sqrt : (x: float) => float

// tan returns the tangent of x radians.
builtin tan : (x: float) => float

// tanh returns the hyperbolic tangent of x.
builtin tanh : (x: float) => float

// trunc returns the integer part of x.
builtin trunc : (x: float) => float

// y0 returns the Bessel function of the second kind of order zero.
builtin y0 : (x: float) => float

// y1 returns the Bessel function of the second kind of order one.
builtin y1 : (x: float) => float

// yn returns the Bessel function of the second kind of order n.
builtin yn : (n: int, x: float) => float
