// The grammar of .hyp files. Newlines are plain white space; ';' may separate statements.
grammar Hyp;

program      : decl* EOF ;

decl         : defDecl
             | varDecl
             | optimizerDecl
             | trainDecl
             | tuneDecl
             ;

defDecl      : 'def' name=ID '(' (param (',' param)*)? ')' ('->' ret=type)? ('=' body=expr | block) ;
param        : name=ID (':' type)? ;

// data X: real[n, d] from "X.csv"     param w: real[d] = 0     hyper rho: real[d] = -3
// data Y: real[n, 10] from "train-labels-idx1-ubyte.gz" as onehot
varDecl      : kind=('data' | 'param' | 'hyper') name=ID ':' type ('=' init=expr)? ('from' source=STRING ('as' format=ID)?)? ;

type         : base=('real' | 'int' | 'bool') ('[' dim (',' dim)* ']')? ;
dim          : ID | INT ;

optimizerDecl: 'optimizer' name=ID '(' (setting (',' setting)*)? ')' '{' optSection* '}' ;
setting      : name=ID '=' expr ;
optSection   : 'init' block                 # initSection
             | 'step' block                 # stepSection
             | 'until' expr                 # untilSection
             ;

// train w on train_loss by adam(lr = 0.05) for 200 steps      ... for 20 epochs batch 128 seed 7
// train w from exp(logscale) * w on ... (a tunable start)
trainDecl    : 'train' targets ('from' start=expr)? 'on' loss=ID 'by' optimizerUse ('for' steps=expr unit=('steps' | 'epochs'))? batchClause? ;
batchClause  : 'batch' size=expr ('seed' seed=expr)? ;
// tune rho on valid_loss by adam(lr = 0.1) for 50 rounds using reversible
tuneDecl     : 'tune' targets 'on' loss=ID 'by' optimizerUse ('for' rounds=expr 'rounds')? ('using' method=ID)? ;
targets      : ID (',' ID)* ;
optimizerUse : name=ID ('(' (setting (',' setting)*)? ')')? ;

block        : '{' (stmt ';'*)* '}' ;

stmt         : target=ID op=('=' | '+=' | '-=' | '*=' | '/=') expr      # assignStmt
             | 'if' cond=expr then=block ('else' (ifTail=stmt | elseBlock=block))?  # ifStmt
             | 'while' expr block                                      # whileStmt
             | 'for' var=ID 'in' from=expr '..' to=expr block          # forStmt
             | 'return' expr                                           # returnStmt
             ;

expr         : target=expr '[' index (',' index)* ']'                  # indexExpr
             | <assoc=right> left=expr op='^' right=expr               # powerExpr
             | op=('-' | '+') operand=expr                             # unaryExpr
             | left=expr op=('*' | '/' | '@') right=expr               # mulExpr
             | left=expr op=('+' | '-') right=expr                     # addExpr
             | left=expr op=('<' | '<=' | '>' | '>=' | '==' | '!=') right=expr  # compareExpr
             | op='not' operand=expr                                   # notExpr
             | left=expr op='and' right=expr                           # andExpr
             | left=expr op='or' right=expr                            # orExpr
             | callee=ID '(' (arg (',' arg)*)? ')'                     # callExpr
             | '[' (expr (',' expr)*)? ']'                             # tensorExpr
             | '(' expr ')'                                            # parenExpr
             | value=(INT | REAL)                                      # numberExpr
             | value=('true' | 'false')                                # boolExpr
             | name=ID                                                 # nameExpr
             ;

index        : expr                                  # pointIndex
             | from=expr? ':' to=expr?               # sliceIndex
             ;
arg          : (name=ID '=')? expr ;

INT          : [0-9]+ ;
REAL         : [0-9]+ '.' [0-9]+ EXP? | '.' [0-9]+ EXP? | [0-9]+ EXP ;
fragment EXP : [eE] [+-]? [0-9]+ ;
ID           : [a-zA-Z_] [a-zA-Z_0-9]* ;
STRING       : '"' ~["\r\n]* '"' ;
COMMENT      : '#' ~[\r\n]* -> skip ;
WS           : [ \t\r\n]+ -> skip ;
ANY          : . ;
