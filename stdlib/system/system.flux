// Package system gives access to the machine jflux runs on.
package system

// time returns the current time of the system clock.
builtin time : () => time
