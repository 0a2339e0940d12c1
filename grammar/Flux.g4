/*
 * The Flux language, as its specification (influxdata/flux docs/SPEC.md) defines it.
 *
 * Lexical subtleties handled here:
 *  - '/' starts a regex literal only where an operand may start (see regexAllowed());
 *  - string interpolation "${ expr }" nests through lexer modes, so strings may contain
 *    expressions that contain strings;
 *  - duration literals (1h30m, 5mo, 3µs) and date-time literals (2021-01-01, RFC3339) are
 *    single tokens, by longest match, before integers and identifiers.
 * The parser below follows the precedence of the reference parser, lowest first:
 *   if/then/else, or, and, not/exists, comparison, additive, multiplicative, ^, |>, unary +/-, postfix.
 */
grammar Flux;

@lexer::members {
    private int lastType = -1;

    /** A regex literal may start only where an operand may start. */
    private boolean regexAllowed() {
        switch (lastType) {
            case IDENT: case WITH: case WHERE: case EXTENDS: case INT: case FLOAT: case DURATION: case DATETIME: case REGEX:
            case RPAREN: case RBRACK: case RBRACE: case STRING:
                return false;
            default:
                return true;
        }
    }

    @Override
    public org.antlr.v4.runtime.Token nextToken() {
        org.antlr.v4.runtime.Token t = super.nextToken();
        if (t.getChannel() == org.antlr.v4.runtime.Token.DEFAULT_CHANNEL) {
            lastType = t.getType();
        }
        return t;
    }
}

// ---------------------------------------------------------------- parser

file
    : packageClause? importDeclaration* statement* EOF
    ;

// What stands before the statements; the syntax-tree builder parses a file as a header and then one
// statement at a time, so the parse tree of a large file never has to be held whole.
header
    : packageClause? importDeclaration*
    ;

// The text of one ${...} interpolation, parsed on its own by the syntax-tree builder.
interpolation
    : expression EOF
    ;

attribute
    : AT identifier (LPAREN (attributeParam (COMMA attributeParam)* COMMA?)? RPAREN)?
    ;

attributeParam
    : primaryExpression
    ;

packageClause
    : attribute* PACKAGE identifier
    ;

importDeclaration
    : attribute* IMPORT identifier? stringLiteral
    ;

statement
    : attribute* statementBody
    ;

statementBody
    : OPTION identifier (DOT identifier)? ASSIGN expression     # optionStatement
    | BUILTIN identifier COLON typeExpression               # builtinStatement
    | TESTCASE identifier (EXTENDS stringLiteral)? block    # testcaseStatement
    | RETURN expression                                # returnStatement
    | identifier ASSIGN expression                          # variableAssignment
    | expression                                       # expressionStatement
    ;

block
    : LBRACE statement* RBRACE
    ;

// ---- expressions

expression
    : IF expression THEN expression ELSE expression    # conditionalExpression
    | logical                                          # plainExpression
    ;

// `not`/`exists` take a whole comparison; `and` binds tighter than `or`.
logical
    : op=(NOT | EXISTS) logical                        # logicalUnary
    | logical AND logical                              # logicalAnd
    | logical OR logical                               # logicalOr
    | operand                                          # logicalOperand
    ;

// One left-recursive rule, tightest first (ANTLR climbs precedence without a rule call per level):
// postfix, unary + -, |>, ^, * / %, + -, comparison. All binary operators are left-associative.
operand
    : operand DOT identifier                                            # memberAccess
    | operand LBRACK expression RBRACK                                  # indexAccess
    | operand LPAREN arguments? RPAREN                                  # callExpression
    | op=(ADD | SUB) operand                                            # unaryExpression
    | operand PIPE_FORWARD operand                                      # pipeExpression
    | operand POW operand                                               # powerExpression
    | operand op=(MUL | DIV | MOD) operand                              # multiplicativeExpression
    | operand op=(ADD | SUB) operand                                    # additiveExpression
    | operand op=(EQ | NEQ | LT | LTE | GT | GTE | REGEXEQ | REGEXNEQ) operand    # comparisonExpression
    | primaryExpression                                                 # primaryOperand
    ;

arguments
    : property (COMMA property)* COMMA?
    ;

primaryExpression
    : identifier                                             # identifierExpression
    | INT                                               # integerLiteral
    | FLOAT                                             # floatLiteral
    | DURATION                                          # durationLiteral
    | DATETIME                                          # dateTimeLiteral
    | REGEX                                             # regexLiteral
    | stringLiteral                                     # stringExpression
    | PIPE_RECEIVE                                      # pipeLiteral
    | DOT identifier                                         # labelLiteral
    | LBRACE recordBody? RBRACE                         # recordLiteral
    | LBRACK (expression (COMMA expression)* COMMA?)? RBRACK       # arrayLiteral
    | LBRACK dictItem (COMMA dictItem)* COMMA? RBRACK   # dictLiteral
    | LBRACK COLON RBRACK                               # emptyDictLiteral
    | LPAREN parameters? RPAREN ARROW functionBody      # functionLiteral
    | LPAREN expression RPAREN                          # parenExpression
    ;

recordBody
    : identifier WITH (property (COMMA property)* COMMA?)?
    | property (COMMA property)* COMMA?
    ;

property
    : propertyKey (COLON expression)?
    ;

propertyKey
    : identifier
    | stringLiteral
    ;

dictItem
    : expression COLON expression
    ;

parameters
    : parameter (COMMA parameter)* COMMA?
    ;

parameter
    : identifier (ASSIGN expression)?
    ;

// A body that starts with '{' is a block: a function returning a record writes ({...}).
functionBody
    : block
    | {_input.LA(1) != LBRACE}? expression
    ;

// Words that are keywords only where they are used (so `with`, `where`, `extends` remain usable as names).
identifier
    : IDENT | WITH | WHERE | EXTENDS
    ;

stringLiteral
    : STRING
    ;

// ---- type expressions (builtin declarations)

typeExpression
    : monoType (WHERE typeConstraint (COMMA typeConstraint)*)?
    ;

typeConstraint
    : IDENT COLON IDENT (ADD IDENT)*
    ;

// genericType before namedType: `stream[A]` at the end of a builtin must not read as `stream` and an array.
monoType
    : IDENT LBRACK monoType RBRACK                        # genericType
    | IDENT                                              # namedType
    | LBRACK monoType RBRACK                             # arrayType
    | LBRACK monoType COLON monoType RBRACK              # dictType
    | LBRACE (IDENT WITH)? (propertyType (COMMA propertyType)* COMMA?)? RBRACE   # recordType
    | LPAREN (parameterType (COMMA parameterType)* COMMA?)? RPAREN ARROW monoType # functionType
    ;

propertyType
    : (IDENT | stringLiteral) COLON monoType
    ;

parameterType
    : QUESTION IDENT COLON monoType (ASSIGN stringLiteral)?    # optionalParameterType
    | PIPE_RECEIVE IDENT? COLON monoType                 # pipeParameterType
    | IDENT COLON monoType                               # requiredParameterType
    ;

// ---------------------------------------------------------------- lexer

// Keywords come before IDENT so they win ties of equal length.
AND      : 'and';
OR       : 'or';
NOT      : 'not';
EXISTS   : 'exists';
IMPORT   : 'import';
PACKAGE  : 'package';
RETURN   : 'return';
OPTION   : 'option';
BUILTIN  : 'builtin';
TESTCASE : 'testcase';
EXTENDS  : 'extends';
IF       : 'if';
THEN     : 'then';
ELSE     : 'else';
WITH     : 'with';
WHERE    : 'where';

DATETIME
    : DATE ('T' TIME)?
    ;

DURATION
    : (DECIMALS DURATION_UNIT)+
    ;

FLOAT
    : DECIMALS '.' DECIMALS?
    | '.' DECIMALS
    ;

INT
    : DECIMALS
    ;

IDENT
    : IDENT_START IDENT_PART*
    ;

REGEX
    : '/' {regexAllowed()}? REGEX_CHAR+ '/'
    ;

// A string literal is one token, interpolations included (nested strings and braces balance);
// the syntax-tree builder parses each ${...} with this same grammar, keeping positions.
STRING
    : '"' STRING_CHAR* '$'* '"'
    ;

PIPE_FORWARD : '|>';
PIPE_RECEIVE : '<-';
ARROW        : '=>';
REGEXEQ      : '=~';
REGEXNEQ     : '!~';
EQ           : '==';
NEQ          : '!=';
LTE          : '<=';
GTE          : '>=';
LT           : '<';
GT           : '>';
ASSIGN       : '=';
ADD          : '+';
SUB          : '-';
MUL          : '*';
DIV          : '/';
MOD          : '%';
POW          : '^';
LPAREN       : '(';
RPAREN       : ')';
LBRACK       : '[';
RBRACK       : ']';
LBRACE       : '{';
RBRACE       : '}';
COMMA        : ',';
COLON        : ':';
DOT          : '.';
AT           : '@';
QUESTION     : '?';

COMMENT : '//' ~[\r\n]* -> channel(HIDDEN);
WS      : [ \t\r\n\u000B\u000C\u00A0\uFEFF]+ -> skip;

// A string that runs to the end of the input; the parser reports it.
UNTERMINATED_STRING : '"' STRING_CHAR* '$'* EOF ;

// Anything else is an error token; the parser reports it with its position.
ERROR_CHAR : . ;

fragment DECIMALS : [0-9]+ ;
fragment DATE : [0-9][0-9][0-9][0-9] '-' [0-9][0-9] '-' [0-9][0-9] ;
// The offset is required; a time without one is still one token so the builder can say what is missing.
fragment TIME : [0-9][0-9] ':' [0-9][0-9] ':' [0-9][0-9] ('.' [0-9]+)? TZ_OFFSET? ;
fragment TZ_OFFSET : 'Z' | [+-] [0-9][0-9] ':' [0-9][0-9] ;
fragment DURATION_UNIT
    : 'y' | 'mo' | 'w' | 'd' | 'h' | 'm' | 's' | 'ms' | 'us' | '\u00B5s' | '\u03BCs' | 'ns'
    ;
fragment IDENT_START : [\p{L}_] ;
fragment IDENT_PART  : [\p{L}\p{Nd}_] ;
fragment REGEX_CHAR
    : ~[\\/\r\n]
    | '\\' ~[\r\n]
    ;

fragment STRING_CHAR
    : ~["\\$]
    | '\\' .
    | '$'+ ~["{\\$]          // a run of dollars not followed by '{'
    | '$'+ '\\' .
    | '$'* INTERPOLATION      // "$${x}" is a dollar, then an interpolation
    ;
fragment INTERPOLATION : '${' INTERP_CHAR* '}' ;
fragment INTERP_CHAR
    : ~["{}]
    | '"' STRING_CHAR* '$'* '"'
    | '{' INTERP_CHAR* '}'
    ;
