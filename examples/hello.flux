// A first Flux script: values, functions, pipes and string interpolation.
// Run it with: bin/jflux run examples/hello.flux
greet = (name, punctuation="!") => "Hello, ${name}${punctuation}"

double = (v=<-) => v * 2

answer = 21 |> double()

// The value of the last expression statement is printed.
greet(name: "Flux ${answer}")
