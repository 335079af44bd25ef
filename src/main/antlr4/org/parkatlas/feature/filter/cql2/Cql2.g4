/*
 * CQL2 text (OGC 21-065, Common Query Language 1.0), written for ParkAtlas from the standard's BNF (Annex B).
 *
 * The BNF is typed (characterExpression, numericExpression, geomExpression …) and highly ambiguous when read
 * literally. This grammar keeps the BNF's operator precedence but is deliberately less typed, so that every parser
 * decision needs one or two tokens of lookahead and a syntax error is reported exactly where it occurs:
 *
 *   - boolean operators:    OR < AND < NOT < predicate
 *   - arithmetic operators: + - < * / % div < ^ (right-associative) < unary minus
 *   - a "value" is any scalar, temporal or spatial operand; Cql2Text checks that each value is used where the
 *     BNF allows it (e.g. a geometry only in S_ functions, IS NULL and function arguments) and that a term
 *     without comparison is a boolean (TRUE, FALSE or a parenthesised filter).
 *
 * Keywords are case-insensitive. The array functions (A_*) take a list property and a parenthesised list of literals.
 */
grammar Cql2;

options {
    caseInsensitive = true;
}

// ---------------------------------------------------------------------------------------------------------------
// Boolean structure
// ---------------------------------------------------------------------------------------------------------------

filter
    : booleanExpression EOF
    ;

// Listed from the highest precedence to the lowest: NOT binds tighter than AND, AND tighter than OR.
booleanExpression
    : NOT booleanExpression                             # notExpression
    | booleanExpression AND booleanExpression           # andExpression
    | booleanExpression OR booleanExpression            # orExpression
    | booleanTerm                                       # termExpression
    ;

booleanTerm
    : value predicateTail?                                                      # valueTerm
    | spatialFunction LPAREN value COMMA value RPAREN                           # spatialTerm
    | S_DWITHIN LPAREN value COMMA value COMMA value RPAREN                     # distanceTerm
    | temporalFunction LPAREN value COMMA value RPAREN                          # temporalTerm
    | ARRAY_FUNCTION LPAREN arrayArgument COMMA arrayArgument RPAREN            # arrayTerm
    ;

predicateTail
    : comparisonOperator value                                  # comparisonTail
    | NOT? negatablePredicate                                   # negatableTail
    | IS NOT? NULL                                              # isNullTail
    ;

negatablePredicate
    : LIKE pattern                                              # likeTail
    | BETWEEN value AND value                                   # betweenTail
    | IN LPAREN value (COMMA value)* RPAREN                     # inTail
    ;

comparisonOperator
    : EQ | NE | LT | LE | GT | GE
    ;

pattern
    : STRING                                                    # patternString
    | (CASEI | ACCENTI) LPAREN pattern RPAREN                   # patternFunction
    ;

spatialFunction
    : S_INTERSECTS | S_EQUALS | S_DISJOINT | S_TOUCHES | S_WITHIN | S_OVERLAPS | S_CROSSES | S_CONTAINS
    ;

temporalFunction
    : T_AFTER | T_BEFORE | T_CONTAINS | T_DISJOINT | T_DURING | T_EQUALS | T_FINISHEDBY | T_FINISHES
    | T_INTERSECTS | T_MEETS | T_METBY | T_OVERLAPPEDBY | T_OVERLAPS | T_STARTEDBY | T_STARTS
    ;

// An array function's argument: a value (the list property), or a parenthesised list of literals.
arrayArgument
    : LPAREN (arrayArgument (COMMA arrayArgument)*)? RPAREN
    | value
    ;

// ---------------------------------------------------------------------------------------------------------------
// Values: arithmetic over literals, properties and function calls
// ---------------------------------------------------------------------------------------------------------------

// Listed from the highest precedence to the lowest.
value
    : (MINUS | PLUS) value                                      # signedValue
    | <assoc = right> value CARET value                         # powerValue
    | value (STAR | SLASH | PERCENT | DIV) value                # multiplicativeValue
    | value (PLUS | MINUS) value                                # additiveValue
    | primary                                                   # primaryValue
    ;

primary
    : NUMBER                                                    # numberLiteral
    | STRING                                                    # stringLiteral
    | (TRUE | FALSE)                                            # booleanLiteral
    | DATE LPAREN STRING RPAREN                                 # dateLiteral
    | TIMESTAMP LPAREN STRING RPAREN                            # timestampLiteral
    | INTERVAL LPAREN value COMMA value RPAREN                  # intervalLiteral
    | spatialLiteral                                            # geometryLiteral
    | (CASEI | ACCENTI) LPAREN value RPAREN                     # caseAccentFunction
    | identifier LPAREN (booleanExpression (COMMA booleanExpression)*)? RPAREN   # functionCall
    | identifier                                                # property
    | LPAREN booleanExpression RPAREN                           # parenthesized
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | Z         // "z" is a keyword only right after a geometry type
    ;

// ---------------------------------------------------------------------------------------------------------------
// Geometry literals: WKT (with optional Z) and BBOX
// ---------------------------------------------------------------------------------------------------------------

spatialLiteral
    : geometry
    | bbox
    ;

geometry
    : POINT Z? pointText                                                        # pointGeometry
    | LINESTRING Z? lineStringText                                              # lineStringGeometry
    | POLYGON Z? polygonText                                                    # polygonGeometry
    | MULTIPOINT Z? LPAREN multiPointMember (COMMA multiPointMember)* RPAREN     # multiPointGeometry
    | MULTILINESTRING Z? LPAREN lineStringText (COMMA lineStringText)* RPAREN   # multiLineStringGeometry
    | MULTIPOLYGON Z? LPAREN polygonText (COMMA polygonText)* RPAREN            # multiPolygonGeometry
    | GEOMETRYCOLLECTION Z? LPAREN geometry (COMMA geometry)* RPAREN            # geometryCollection
    ;

pointText
    : LPAREN coordinate RPAREN
    ;

// CQL2 allows the points of a MULTIPOINT with or without their own parentheses.
multiPointMember
    : pointText
    | coordinate
    ;

lineStringText
    : LPAREN coordinate (COMMA coordinate)* RPAREN
    ;

polygonText
    : LPAREN lineStringText (COMMA lineStringText)* RPAREN
    ;

coordinate
    : signedNumber signedNumber signedNumber?
    ;

bbox
    : BBOX LPAREN signedNumber COMMA signedNumber COMMA signedNumber COMMA signedNumber
      (COMMA signedNumber COMMA signedNumber)? RPAREN
    ;

signedNumber
    : (MINUS | PLUS)? NUMBER
    ;

// ---------------------------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------------------------

AND : 'AND';
OR : 'OR';
NOT : 'NOT';
LIKE : 'LIKE';
BETWEEN : 'BETWEEN';
IN : 'IN';
IS : 'IS';
NULL : 'NULL';
TRUE : 'TRUE';
FALSE : 'FALSE';
CASEI : 'CASEI';
ACCENTI : 'ACCENTI';
DATE : 'DATE';
TIMESTAMP : 'TIMESTAMP';
INTERVAL : 'INTERVAL';
DIV : 'DIV';

BBOX : 'BBOX';
POINT : 'POINT';
LINESTRING : 'LINESTRING';
POLYGON : 'POLYGON';
MULTIPOINT : 'MULTIPOINT';
MULTILINESTRING : 'MULTILINESTRING';
MULTIPOLYGON : 'MULTIPOLYGON';
GEOMETRYCOLLECTION : 'GEOMETRYCOLLECTION';
Z : 'Z';

S_INTERSECTS : 'S_INTERSECTS';
S_EQUALS : 'S_EQUALS';
S_DISJOINT : 'S_DISJOINT';
S_TOUCHES : 'S_TOUCHES';
S_WITHIN : 'S_WITHIN';
S_OVERLAPS : 'S_OVERLAPS';
S_CROSSES : 'S_CROSSES';
S_CONTAINS : 'S_CONTAINS';
S_DWITHIN : 'S_DWITHIN';

T_AFTER : 'T_AFTER';
T_BEFORE : 'T_BEFORE';
T_CONTAINS : 'T_CONTAINS';
T_DISJOINT : 'T_DISJOINT';
T_DURING : 'T_DURING';
T_EQUALS : 'T_EQUALS';
T_FINISHEDBY : 'T_FINISHEDBY';
T_FINISHES : 'T_FINISHES';
T_INTERSECTS : 'T_INTERSECTS';
T_MEETS : 'T_MEETS';
T_METBY : 'T_METBY';
T_OVERLAPPEDBY : 'T_OVERLAPPEDBY';
T_OVERLAPS : 'T_OVERLAPS';
T_STARTEDBY : 'T_STARTEDBY';
T_STARTS : 'T_STARTS';

ARRAY_FUNCTION : 'A_EQUALS' | 'A_CONTAINS' | 'A_CONTAINEDBY' | 'A_OVERLAPS';

EQ : '=';
NE : '<>';
LE : '<=';
GE : '>=';
LT : '<';
GT : '>';
PLUS : '+';
MINUS : '-';
STAR : '*';
SLASH : '/';
PERCENT : '%';
CARET : '^';
LPAREN : '(';
RPAREN : ')';
COMMA : ',';

// Unsigned: a sign is an operator, so that "balance-150.0" is a subtraction.
NUMBER
    : DIGIT+ ('.' DIGIT*)? EXPONENT?
    | '.' DIGIT+ EXPONENT?
    ;

// '' stands for one quote inside the string.
STRING : '\'' (~'\'' | '\'\'')* '\'';

// "" stands for one double quote inside the name.
QUOTED_IDENTIFIER : '"' (~["\r\n] | '""')+ '"';

IDENTIFIER : IDENTIFIER_START IDENTIFIER_PART*;

WS : [\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+ -> skip;

fragment DIGIT : [0-9];

fragment EXPONENT : 'E' [+-]? DIGIT+;

// From the BNF's identifierStart / identifierPart (XML names): letters of every script, ':' and '_'.
fragment IDENTIFIER_START
    : [:_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFE\u200C-\u200D\u2070-\u218F]
    | [\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]
    ;

fragment IDENTIFIER_PART
    : IDENTIFIER_START
    | [.0-9\u0300-\u036F\u203F-\u2040]
    ;
