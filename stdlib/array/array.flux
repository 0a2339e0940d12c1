// Package array works with arrays and makes tables from them.
package array

// from returns one table with a row for each record of rows; its group key is empty.
builtin from : (rows: [A]) => stream[A] where A: Record
