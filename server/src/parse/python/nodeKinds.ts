import type { Language } from 'web-tree-sitter';

// tree-sitter hands out numeric symbol ids per grammar build; the lowering switches on a small
// stable enum instead, built once per loaded grammar from the symbol names.

export const enum K {
  Other = 0,
  Error,
  Comment,
  // statements
  Module,
  Block,
  ExpressionStatement,
  Assignment,
  AugmentedAssignment,
  ReturnStatement,
  IfStatement,
  ElifClause,
  ElseClause,
  ForStatement,
  WhileStatement,
  WithStatement,
  WithClause,
  WithItem,
  TryStatement,
  ExceptClause,
  ExceptGroupClause,
  FinallyClause,
  FunctionDefinition,
  ClassDefinition,
  DecoratedDefinition,
  Decorator,
  ImportStatement,
  ImportFromStatement,
  FutureImportStatement,
  AliasedImport,
  DottedName,
  RelativeImport,
  ImportPrefix,
  WildcardImport,
  DeleteStatement,
  AssertStatement,
  RaiseStatement,
  PrintStatement,
  ExecStatement,
  MatchStatement,
  CaseClause,
  PassLike,
  BreakStatement,
  ContinueStatement,
  // parameters
  Parameters,
  LambdaParameters,
  TypedParameter,
  DefaultParameter,
  TypedDefaultParameter,
  ListSplatPattern,
  DictionarySplatPattern,
  KeywordSeparator,
  PositionalSeparator,
  // expressions
  Identifier,
  Attribute,
  Call,
  ArgumentList,
  KeywordArgument,
  ListSplat,
  DictionarySplat,
  ParenthesizedListSplat,
  Subscript,
  Slice,
  Integer,
  Float,
  String,
  ConcatenatedString,
  Interpolation,
  True,
  False,
  None,
  Ellipsis,
  Tuple,
  List,
  Set,
  Dictionary,
  Pair,
  ExpressionList,
  PatternList,
  TuplePattern,
  ListPattern,
  ParenthesizedExpression,
  BinaryOperator,
  BooleanOperator,
  ComparisonOperator,
  NotOperator,
  UnaryOperator,
  ConditionalExpression,
  Lambda,
  Await,
  NamedExpression,
  Yield,
  GeneratorExpression,
  ListComprehension,
  SetComprehension,
  DictionaryComprehension,
  AsPattern,
  Type,
}

const NAMED: Record<string, K> = {
  ERROR: K.Error,
  comment: K.Comment,
  line_continuation: K.Comment,
  module: K.Module,
  block: K.Block,
  expression_statement: K.ExpressionStatement,
  assignment: K.Assignment,
  augmented_assignment: K.AugmentedAssignment,
  return_statement: K.ReturnStatement,
  if_statement: K.IfStatement,
  elif_clause: K.ElifClause,
  else_clause: K.ElseClause,
  for_statement: K.ForStatement,
  while_statement: K.WhileStatement,
  with_statement: K.WithStatement,
  with_clause: K.WithClause,
  with_item: K.WithItem,
  try_statement: K.TryStatement,
  except_clause: K.ExceptClause,
  except_group_clause: K.ExceptGroupClause,
  finally_clause: K.FinallyClause,
  function_definition: K.FunctionDefinition,
  class_definition: K.ClassDefinition,
  decorated_definition: K.DecoratedDefinition,
  decorator: K.Decorator,
  import_statement: K.ImportStatement,
  import_from_statement: K.ImportFromStatement,
  future_import_statement: K.FutureImportStatement,
  aliased_import: K.AliasedImport,
  dotted_name: K.DottedName,
  relative_import: K.RelativeImport,
  import_prefix: K.ImportPrefix,
  wildcard_import: K.WildcardImport,
  delete_statement: K.DeleteStatement,
  assert_statement: K.AssertStatement,
  raise_statement: K.RaiseStatement,
  print_statement: K.PrintStatement,
  exec_statement: K.ExecStatement,
  match_statement: K.MatchStatement,
  case_clause: K.CaseClause,
  pass_statement: K.PassLike,
  break_statement: K.BreakStatement,
  continue_statement: K.ContinueStatement,
  global_statement: K.PassLike,
  nonlocal_statement: K.PassLike,
  type_alias_statement: K.PassLike,
  parameters: K.Parameters,
  lambda_parameters: K.LambdaParameters,
  typed_parameter: K.TypedParameter,
  default_parameter: K.DefaultParameter,
  typed_default_parameter: K.TypedDefaultParameter,
  list_splat_pattern: K.ListSplatPattern,
  dictionary_splat_pattern: K.DictionarySplatPattern,
  keyword_separator: K.KeywordSeparator,
  positional_separator: K.PositionalSeparator,
  identifier: K.Identifier,
  attribute: K.Attribute,
  call: K.Call,
  argument_list: K.ArgumentList,
  keyword_argument: K.KeywordArgument,
  list_splat: K.ListSplat,
  dictionary_splat: K.DictionarySplat,
  parenthesized_list_splat: K.ParenthesizedListSplat,
  subscript: K.Subscript,
  slice: K.Slice,
  integer: K.Integer,
  float: K.Float,
  string: K.String,
  concatenated_string: K.ConcatenatedString,
  interpolation: K.Interpolation,
  true: K.True,
  false: K.False,
  none: K.None,
  ellipsis: K.Ellipsis,
  tuple: K.Tuple,
  list: K.List,
  set: K.Set,
  dictionary: K.Dictionary,
  pair: K.Pair,
  expression_list: K.ExpressionList,
  pattern_list: K.PatternList,
  tuple_pattern: K.TuplePattern,
  list_pattern: K.ListPattern,
  parenthesized_expression: K.ParenthesizedExpression,
  binary_operator: K.BinaryOperator,
  boolean_operator: K.BooleanOperator,
  comparison_operator: K.ComparisonOperator,
  not_operator: K.NotOperator,
  unary_operator: K.UnaryOperator,
  conditional_expression: K.ConditionalExpression,
  lambda: K.Lambda,
  await: K.Await,
  named_expression: K.NamedExpression,
  yield: K.Yield,
  generator_expression: K.GeneratorExpression,
  list_comprehension: K.ListComprehension,
  set_comprehension: K.SetComprehension,
  dictionary_comprehension: K.DictionaryComprehension,
  as_pattern: K.AsPattern,
  type: K.Type,
};

const EXACT_END = new Set(['string', 'string_content', 'interpolation', 'format_expression', 'format_specifier']);

/** tree-sitter's symbol id of ERROR nodes (the builtin error symbol, (TSSymbol)-1). */
export const ERROR_SYMBOL = 0xffff;

/** Per-grammar lookup tables indexed by tree-sitter symbol id. */
export interface KindTable {
  kind: Uint8Array;
  /** 1 for named node types (identifiers, statements…), 0 for anonymous tokens (`(`, `def`, `+=`…). */
  named: Uint8Array;
  /**
   * 1 where a node's end must be asked for: parts of f-strings can end with hidden tokens (the
   * text of a format specifier), so their end is not the end of their last visible child.
   */
  exactEnd: Uint8Array;
  /** Anonymous tokens only: their text equals their type name, so their length is known without asking wasm. */
  tokenLength: Int16Array;
  /** Type name of every symbol (operators are read from here). */
  name: string[];
}

export function buildKindTable(language: Language): KindTable {
  const size = ERROR_SYMBOL + 1;
  const kind = new Uint8Array(size);
  const named = new Uint8Array(size);
  const exactEnd = new Uint8Array(size);
  const tokenLength = new Int16Array(size).fill(-1);
  const name: string[] = new Array<string>(size).fill('');
  for (let id = 0; id < language.nodeTypeCount; id++) {
    const type = language.nodeTypeForId(id) ?? '';
    name[id] = type;
    if (language.nodeTypeIsNamed(id)) {
      named[id] = 1;
      kind[id] = NAMED[type] ?? K.Other;
      if (EXACT_END.has(type)) exactEnd[id] = 1;
    }
    // `is not` / `not in` are aliases of two-token rules: they have children and free spacing.
    else if (!type.includes(' ')) tokenLength[id] = type.length;
  }
  kind[ERROR_SYMBOL] = K.Error;
  named[ERROR_SYMBOL] = 1;
  name[ERROR_SYMBOL] = 'ERROR';
  return { kind, named, exactEnd, tokenLength, name };
}
