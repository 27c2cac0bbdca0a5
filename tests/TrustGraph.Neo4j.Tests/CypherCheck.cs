using System.Globalization;
using System.Text;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// A static check of Cypher text, in .NET, for tests that have no Neo4j server: it lexes the text as Cypher does
/// (strings and their escapes, backtick names, comments, parameters), requires brackets to pair, splits a
/// cypher-shell script into statements (its <c>:begin</c>/<c>:commit</c> lines are shell commands), and then follows
/// each statement clause by clause with the variables in scope: a pattern binds its node, relationship and path
/// names; <c>UNWIND … AS</c>, <c>YIELD</c> and a projection's aliases bind theirs; <c>WITH</c> leaves only what it
/// projects; list comprehensions, quantifiers, <c>reduce</c> and <c>FOREACH</c> bind theirs locally; <c>EXISTS</c>,
/// <c>COUNT</c>, <c>COLLECT</c> and <c>CALL</c> subqueries see the outer scope and leak nothing. It reports a variable
/// used out of scope, an unaliased expression in <c>WITH</c>, a query that ends on a reading clause or <c>WITH</c>,
/// clauses after <c>RETURN</c>, <c>UNION</c> parts that return different columns, two operands with no operator
/// between them, unpaired brackets and bad escapes, each as <c>line:column: message</c>.
/// <para>
/// It is not Neo4j's parser: an expression is checked for its names and for operands in a row, not against the full
/// grammar, and it knows nothing of functions, types or the aggregation rules; those errors still need a server
/// (the integration tests run every statement against a real Neo4j where one is given).
/// </para>
/// </summary>
internal static class CypherCheck
{
    private enum Kind { Name, Quoted, String, Number, Parameter, Symbol, End }

    private sealed record Token(Kind Kind, string Text, int Line, int Column)
    {
        public bool Is(string word) => Kind == Kind.Name && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
        public bool IsSymbol(string s) => Kind == Kind.Symbol && Text == s;
        public bool IsVariable => Kind == Kind.Quoted || (Kind == Kind.Name && !Keywords.Contains(Text));
        public override string ToString() => $"{Line}:{Column}";
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "MERGE", "CREATE", "SET", "DELETE", "DETACH", "REMOVE",
        "ORDER", "BY", "SKIP", "LIMIT", "ON", "CALL", "YIELD", "FOREACH", "UNION", "ALL", "AS", "DISTINCT", "AND", "OR", "XOR",
        "NOT", "IN", "IS", "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "STARTS", "ENDS", "CONTAINS", "ASC",
        "ASCENDING", "DESC", "DESCENDING", "CONSTRAINT", "INDEX", "IF", "EXISTS", "FOR", "REQUIRE", "UNIQUE", "FINISH", "USE",
        "LOAD", "CSV", "FROM", "HEADERS", "FIELDTERMINATOR", "DROP", "SHOW",
    };

    /// <summary>Clause keywords that can start a clause at the top level of a query.</summary>
    private static readonly string[] ClauseWords =
        ["MATCH", "OPTIONAL", "WITH", "RETURN", "UNWIND", "MERGE", "CREATE", "SET", "DELETE", "DETACH", "REMOVE", "CALL", "FOREACH", "FINISH", "LOAD"];

    private static readonly string[] Updating = ["CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH"];

    /// <summary>Names that take a <c>(x IN list …)</c> or <c>{ subquery }</c> after them.</summary>
    private static readonly string[] Quantifiers = ["all", "any", "none", "single"];

    /// <summary>Problems in one statement (or, with <paramref name="script"/>, a cypher-shell script); empty when none.</summary>
    public static List<string> Check(string text, bool script = false)
    {
        var errors = new List<string>();
        List<Token> tokens;
        try { tokens = Lex(text, script); }
        catch (FormatException e) { return [e.Message]; }
        if (!Paired(tokens, errors)) return errors;
        foreach (var statement in Split(tokens)) new Checker(statement, errors).Query(new HashSet<string>(StringComparer.Ordinal), Ending.Required);
        return errors;
    }

    // ---- lexing ----

    private static List<Token> Lex(string text, bool script)
    {
        var tokens = new List<Token>();
        int i = 0, line = 1, lineStart = 0;
        void Fail(int at, string message) => throw new FormatException($"{line}:{at - lineStart + 1}: {message}");
        while (i < text.Length)
        {
            var c = text[i];
            var col = i - lineStart + 1;
            if (c == '\n') { line++; i++; lineStart = i; continue; }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (script && c == ':' && text[lineStart..i].Trim().Length == 0)
            {
                var end = text.IndexOf('\n', i);
                var command = (end < 0 ? text[i..] : text[i..end]).Trim();
                if (command is not (":begin" or ":commit" or ":rollback")) Fail(i, $"unknown cypher-shell command '{command}'");
                tokens.Add(new Token(Kind.Symbol, ";", line, col));
                i = end < 0 ? text.Length : end;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/') { while (i < text.Length && text[i] != '\n') i++; continue; }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0) Fail(i, "unterminated comment");
                for (var k = i; k < end; k++) if (text[k] == '\n') { line++; lineStart = k + 1; }
                i = end + 2;
                continue;
            }
            if (c is '\'' or '"')
            {
                var sb = new StringBuilder();
                var j = i + 1;
                for (; ; j++)
                {
                    if (j >= text.Length) Fail(i, "unterminated string");
                    var d = text[j];
                    if (d == c) break;
                    if (d == '\n') { line++; lineStart = j + 1; }
                    if (d != '\\') { sb.Append(d); continue; }
                    if (++j >= text.Length) Fail(i, "unterminated string");
                    switch (text[j])
                    {
                        case '\\' or '\'' or '"' or 'n' or 'r' or 't' or 'b' or 'f': break;
                        case 'u' when j + 4 < text.Length && int.TryParse(text.AsSpan(j + 1, 4), NumberStyles.HexNumber, null, out _): j += 4; break;
                        default: Fail(j - 1, $"invalid escape '\\{text[j]}' in a string"); break;
                    }
                }
                tokens.Add(new Token(Kind.String, sb.ToString(), line, col));
                i = j + 1;
                continue;
            }
            if (c == '`')
            {
                var sb = new StringBuilder();
                var j = i + 1;
                for (; ; j++)
                {
                    if (j >= text.Length) Fail(i, "unterminated `name`");
                    if (text[j] == '`' && j + 1 < text.Length && text[j + 1] == '`') { sb.Append('`'); j++; continue; }
                    if (text[j] == '`') break;
                    sb.Append(text[j]);
                }
                tokens.Add(new Token(Kind.Quoted, sb.ToString(), line, col));
                i = j + 1;
                continue;
            }
            if (c == '$')
            {
                var j = i + 1;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '_')) j++;
                if (j == i + 1) Fail(i, "'$' without a parameter name");
                tokens.Add(new Token(Kind.Parameter, text[i..j], line, col));
                i = j;
                continue;
            }
            if (char.IsDigit(c))
            {
                var j = i;
                while (j < text.Length && (char.IsDigit(text[j]) || (text[j] == '.' && j + 1 < text.Length && char.IsDigit(text[j + 1])))) j++;
                tokens.Add(new Token(Kind.Number, text[i..j], line, col));
                i = j;
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var j = i;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '_')) j++;
                tokens.Add(new Token(Kind.Name, text[i..j], line, col));
                i = j;
                continue;
            }
            var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
            if (two is "<=" or ">=" or "<>" or "=~" or "->" or "<-" or ".." or "+=" or "!=")
            {
                tokens.Add(new Token(Kind.Symbol, two, line, col));
                i += 2;
                continue;
            }
            if ("()[]{},.;:|=<>+-*/%^&!".Contains(c)) { tokens.Add(new Token(Kind.Symbol, c.ToString(), line, col)); i++; continue; }
            Fail(i, $"unexpected character '{c}'");
        }
        tokens.Add(new Token(Kind.End, "", line, i - lineStart + 1));
        return tokens;
    }

    private static bool Paired(List<Token> tokens, List<string> errors)
    {
        var open = new Stack<Token>();
        foreach (var t in tokens.Where(t => t.Kind == Kind.Symbol))
        {
            if (t.Text is "(" or "[" or "{") open.Push(t);
            else if (t.Text is ")" or "]" or "}")
            {
                var expected = t.Text switch { ")" => "(", "]" => "[", _ => "{" };
                if (open.Count == 0 || open.Peek().Text != expected) { errors.Add($"{t}: '{t.Text}' closes nothing open"); return false; }
                open.Pop();
            }
        }
        if (open.Count > 0) { errors.Add($"{open.Peek()}: '{open.Peek().Text}' is never closed"); return false; }
        return true;
    }

    private static IEnumerable<List<Token>> Split(List<Token> tokens)
    {
        var current = new List<Token>();
        var depth = 0;
        foreach (var t in tokens)
        {
            if (t.Kind == Kind.Symbol && t.Text is "(" or "[" or "{") depth++;
            if (t.Kind == Kind.Symbol && t.Text is ")" or "]" or "}") depth--;
            if ((t.IsSymbol(";") && depth == 0) || t.Kind == Kind.End)
            {
                if (current.Count > 0) { current.Add(new Token(Kind.End, "", t.Line, t.Column)); yield return current; }
                current = [];
                continue;
            }
            current.Add(t);
        }
    }

    // ---- checking ----

    /// <summary>How a query must end: a statement or CALL subquery with RETURN or an update; EXISTS/COUNT with anything.</summary>
    private enum Ending { Required, Subquery, Free }

    private sealed class Checker(List<Token> tokens, List<string> errors)
    {
        private int _i;

        /// <summary>The outer variables a subquery sees throughout, even after its own WITH.</summary>
        private HashSet<string> _imported = new(StringComparer.Ordinal);
        private Token Peek(int ahead = 0) => tokens[Math.Min(_i + ahead, tokens.Count - 1)];
        private Token Next() => tokens[Math.Min(_i++, tokens.Count - 1)];
        private void Error(Token at, string message) => errors.Add($"{at}: {message}");

        private bool AtClauseStart(bool inSubquery) =>
            ClauseWords.Any(w => Peek().Is(w)) || Peek().Is("UNION") || Peek().Kind == Kind.End || (inSubquery && Peek().IsSymbol("}"));

        /// <summary>A query (UNION parts of clauses) with <paramref name="outer"/> visible; stops at its end or a closing brace.</summary>
        public void Query(HashSet<string> outer, Ending ending)
        {
            var top = ending == Ending.Required;
            if (!top) _imported = new HashSet<string>(outer, StringComparer.Ordinal);
            List<string>? columns = null;
            while (true)
            {
                var first = Peek();
                var (returned, last) = Part(new HashSet<string>(outer, StringComparer.Ordinal), top);
                if (last is null) { Error(first, "expected a clause"); return; }
                var ends = last.Is("RETURN") || Updating.Any(last.Is) || last.Is("FINISH") || last.Is("CALL");
                if (top && !ends && !last.Is("SCHEMA")) Error(last, $"the query cannot end with {last.Text.ToUpperInvariant()}; expected RETURN or an updating clause");
                if (ending == Ending.Subquery && !ends) Error(last, $"the subquery cannot end with {last.Text.ToUpperInvariant()}");
                if (columns is not null && returned is not null && !columns.SequenceEqual(returned))
                    Error(first, $"UNION parts return different columns: ({string.Join(", ", columns)}) and ({string.Join(", ", returned)})");
                columns ??= returned;
                if (!Peek().Is("UNION")) return;
                Next();
                if (Peek().Is("ALL")) Next();
            }
        }

        /// <summary>One part of a query: its clauses in order. Returns the RETURN columns and the last clause's keyword.</summary>
        private (List<string>? Returned, Token? Last) Part(HashSet<string> scope, bool top)
        {
            Token? last = null;
            List<string>? returned = null;
            while (!(Peek().Kind == Kind.End || Peek().IsSymbol("}") || Peek().Is("UNION")))
            {
                var t = Next();
                if (last is not null && last.Is("RETURN")) Error(t, $"{t.Text.ToUpperInvariant()} after RETURN; RETURN must be the last clause");
                if (t.Is("OPTIONAL") && Peek().Is("MATCH")) { Next(); Pattern(scope, bind: true); Where(scope); }
                else if (t.Is("MATCH")) { Pattern(scope, bind: true); Where(scope); }
                else if (t.Is("MERGE")) { Pattern(scope, bind: true); while (Peek().Is("ON")) { Next(); Next(); Expect("SET"); Expressions(scope); } }
                else if (t.Is("CREATE") && (Peek().Is("CONSTRAINT") || Peek().Is("INDEX"))) { Schema(); t = new Token(Kind.Name, "SCHEMA", t.Line, t.Column); }
                else if (t.Is("CREATE")) Pattern(scope, bind: true);
                else if (t.Is("SET") || t.Is("REMOVE")) Expressions(scope);
                else if (t.Is("DETACH")) { Expect("DELETE"); Expressions(scope); }
                else if (t.Is("DELETE")) Expressions(scope);
                else if (t.Is("UNWIND"))
                {
                    Expression(scope, stopAtAs: true);
                    Expect("AS");
                    Bind(scope, Next());
                }
                else if (t.Is("WITH") || t.Is("RETURN"))
                {
                    var projected = Projection(scope, t, out var names);
                    if (t.Is("RETURN")) returned = names;
                    var before = new HashSet<string>(scope, StringComparer.Ordinal);
                    scope.Clear();
                    scope.UnionWith(projected);
                    scope.UnionWith(_imported);
                    if (Peek().Is("ORDER")) { Next(); Expect("BY"); Expressions(new HashSet<string>(scope.Concat(before), StringComparer.Ordinal)); }
                    if (Peek().Is("SKIP")) { Next(); Expression(scope); }
                    if (Peek().Is("LIMIT")) { Next(); Expression(scope); }
                    if (t.Is("WITH")) Where(scope);
                }
                else if (t.Is("CALL") && Peek().IsSymbol("{"))
                {
                    Next();
                    var inner = new Checker(tokens, errors) { _i = _i };
                    inner.Query(scope, Ending.Subquery);
                    _i = inner._i;
                    Expect("}");
                }
                else if (t.Is("FOREACH"))
                {
                    Expect("(");
                    var local = new HashSet<string>(scope, StringComparer.Ordinal);
                    Bind(local, Next());
                    Expect("IN");
                    Expression(local, stopAtBar: true);
                    Expect("|");
                    var inner = new Checker(tokens, errors) { _i = _i, _imported = local };
                    inner.Part(local, top: false);
                    _i = inner._i;
                    Expect(")");
                }
                else if (t.Is("FINISH")) { }
                else { Error(t, $"expected a clause, found '{t.Text}'"); return (returned, null); }
                last = t;
            }
            return (returned, last);
        }

        private void Expect(string word)
        {
            var t = Next();
            if (!(t.Is(word) || t.IsSymbol(word))) Error(t, $"expected {word}, found '{(t.Kind == Kind.End ? "the end" : t.Text)}'");
        }

        private void Bind(HashSet<string> scope, Token name)
        {
            if (!name.IsVariable) { Error(name, $"expected a variable name, found '{name.Text}'"); return; }
            scope.Add(name.Text);
        }

        private void Where(HashSet<string> scope)
        {
            if (!Peek().Is("WHERE")) return;
            Next();
            Expression(scope);
        }

        /// <summary><c>CREATE CONSTRAINT|INDEX [name] [IF NOT EXISTS] FOR (n:Label) REQUIRE|ON …</c>.</summary>
        private void Schema()
        {
            Next();
            if (Peek().IsVariable) Next();
            if (Peek().Is("IF")) { Next(); Expect("NOT"); Expect("EXISTS"); }
            Expect("FOR");
            var scope = new HashSet<string>(StringComparer.Ordinal);
            Pattern(scope, bind: true, stopAtComma: true);
            if (Peek().Is("REQUIRE") || Peek().Is("ON")) { Next(); Expression(scope); }
            else Error(Peek(), "expected REQUIRE or ON");
        }

        /// <summary>WITH/RETURN items; returns the names the clause leaves in scope and lists its column names.</summary>
        private HashSet<string> Projection(HashSet<string> scope, Token clause, out List<string> columns)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            columns = [];
            if (Peek().Is("DISTINCT")) Next();
            while (true)
            {
                var start = _i;
                if (Peek().IsSymbol("*")) { Next(); result.UnionWith(scope); }
                else
                {
                    Expression(scope, stopAtAs: true);
                    var single = _i == start + 1 && tokens[start].IsVariable;
                    if (Peek().Is("AS"))
                    {
                        Next();
                        var alias = Next();
                        if (!alias.IsVariable) Error(alias, $"expected a name after AS, found '{alias.Text}'");
                        else if (!result.Add(alias.Text)) Error(alias, $"the column `{alias.Text}` is projected twice");
                        columns.Add(alias.Text);
                    }
                    else if (single) { result.Add(tokens[start].Text); columns.Add(tokens[start].Text); }
                    else if (clause.Is("WITH")) Error(tokens[start], "an expression in WITH must be aliased (use AS)");
                    else columns.Add(string.Concat(tokens.Skip(start).Take(_i - start).Select(x => x.Text)));
                }
                if (!Peek().IsSymbol(",")) break;
                Next();
            }
            return result;
        }

        private void Expressions(HashSet<string> scope)
        {
            while (true)
            {
                Expression(scope);
                if (!Peek().IsSymbol(",")) return;
                Next();
            }
        }

        /// <summary>
        /// A comma-separated list of patterns. With <paramref name="bind"/>, the names in node and relationship positions
        /// and path assignments are bound before the properties and predicates inside the pattern are checked.
        /// </summary>
        private void Pattern(HashSet<string> scope, bool bind, bool stopAtComma = false)
        {
            var start = _i;
            var depth = 0;
            // First pass: bind.
            for (var j = _i; ; j++)
            {
                var t = tokens[j];
                if (t.Kind == Kind.End || (depth == 0 && (t.Is("WHERE") || AtClause(j) || t.IsSymbol("}") || t.Is("UNION") || t.Is("REQUIRE") || t.Is("ON") || (stopAtComma && t.IsSymbol(",")))))
                    break;
                if (t.Kind == Kind.Symbol && t.Text is "(" or "[") { depth++; if (bind && tokens[j + 1].IsVariable && tokens[j + 2] is { } after && (after.IsSymbol(":") || after.IsSymbol(")") || after.IsSymbol("]") || after.IsSymbol("{") || after.IsSymbol("*") || after.Is("WHERE"))) scope.Add(tokens[j + 1].Text); }
                else if (t.Kind == Kind.Symbol && t.Text is ")" or "]") depth--;
                else if (t.Kind == Kind.Symbol && t.Text is "{") depth++;
                else if (t.Kind == Kind.Symbol && t.Text is "}") depth--;
                else if (depth == 0 && bind && t.IsVariable && tokens[j + 1].IsSymbol("=")) scope.Add(t.Text);
            }
            // Second pass: check what the pattern uses (property maps and inline WHERE).
            depth = 0;
            while (true)
            {
                var t = Peek();
                if (t.Kind == Kind.End || (depth == 0 && (t.Is("WHERE") || AtClause(_i) || t.IsSymbol("}") || t.Is("UNION") || t.Is("REQUIRE") || t.Is("ON") || (stopAtComma && t.IsSymbol(","))))) break;
                Next();
                if (t.IsSymbol("{")) { _i--; Expression(scope, stopAtComma: true); continue; }
                if (t.Is("WHERE")) { Expression(scope, stopAtBracket: true); continue; }
                if (t.Kind == Kind.Symbol && t.Text is "(" or "[") depth++;
                else if (t.Kind == Kind.Symbol && t.Text is ")" or "]") depth--;
                else if (t.IsSymbol(":") || t.IsSymbol("|") || t.IsSymbol("&")) { if (Peek().Kind is Kind.Name or Kind.Quoted) Next(); }
                else if (t.IsVariable && Peek().IsSymbol("(")) { } // shortestPath(…), allShortestPaths(…)
                else if (t.IsVariable && !scope.Contains(t.Text)) Error(t, $"Variable `{t.Text}` not defined");
                else if (t.Kind is Kind.String or Kind.Parameter && depth > 0 && !tokens[_i - 2].IsSymbol("*")) Error(t, $"unexpected {t.Text} in a pattern");
            }
            if (_i == start) Error(Peek(), "expected a pattern");
        }

        private bool AtClause(int j) => ClauseWords.Any(w => tokens[j].Is(w)) && !(tokens[j].Is("WITH") && j > 0 && (tokens[j - 1].Is("STARTS") || tokens[j - 1].Is("ENDS")));

        /// <summary>
        /// One expression: every name it uses must be in scope or bound inside it; two operands may not follow each other.
        /// Stops at the end of the clause, at a comma or closing bracket of the level it started on, or at AS or <c>|</c>.
        /// </summary>
        private void Expression(HashSet<string> scope, bool stopAtAs = false, bool stopAtBar = false, bool stopAtComma = false, bool stopAtBracket = false)
        {
            var depth = 0;
            Token? previous = null;
            var frames = new Stack<(string Open, HashSet<string> Scope, bool Map)>();
            var current = scope;
            while (true)
            {
                var t = Peek();
                if (t.Kind == Kind.End) return;
                if (depth == 0)
                {
                    if (t.IsSymbol(",") || t.IsSymbol(")") || t.IsSymbol("]") || t.IsSymbol("}") || t.Is("UNION")) return;
                    if ((stopAtAs && t.Is("AS")) || (stopAtBar && t.IsSymbol("|"))) return;
                    if (AtClause(_i) || t.Is("WHERE") || t.Is("ORDER") || t.Is("SKIP") || t.Is("LIMIT") || (t.Is("ON") && Peek(1).Is("CREATE") || t.Is("ON") && Peek(1).Is("MATCH"))) return;
                }
                Next();
                var inMap = frames.Count > 0 && frames.Peek().Map;
                if (Operand(t) && previous is not null && OperandEnd(previous) && !(previous.IsSymbol(")") && t.IsSymbol("(")))
                    Error(t, $"'{t.Text}' follows {Describe(previous)} with no operator between them");
                if (t.Kind == Kind.Symbol && t.Text is "(" or "[" or "{")
                {
                    var frameScope = current;
                    var map = false;
                    var subquery = previous is not null && (previous.Is("EXISTS") || previous.Text is "#fn:COUNT" or "#fn:count" or "#fn:COLLECT" or "#fn:collect");
                    if (t.IsSymbol("{") && (subquery || Peek().Is("MATCH")))
                    {
                        var inner = new Checker(tokens, errors) { _i = _i };
                        if (Peek().Is("MATCH") || Peek().Is("OPTIONAL") || Peek().Is("UNWIND") || Peek().Is("WITH") || Peek().Is("CALL"))
                            inner.Query(current, previous?.Text is "#fn:COLLECT" or "#fn:collect" ? Ending.Subquery : Ending.Free);
                        else
                        {
                            // EXISTS { (a)-->(b) WHERE … }: a bare pattern.
                            var local = new HashSet<string>(current, StringComparer.Ordinal);
                            inner.Pattern(local, bind: true);
                            inner.Where(local);
                        }
                        _i = inner._i;
                        Expect("}");
                        previous = new Token(Kind.Symbol, "}", t.Line, t.Column);
                        continue;
                    }
                    if (t.IsSymbol("{")) map = true;
                    // [x IN list …], any(x IN list …), reduce(acc = v, x IN list | …): the names bound for this bracket.
                    if (t.Kind == Kind.Symbol && t.Text is "(" or "[" && Peek().IsVariable && Peek(1).Is("IN"))
                    {
                        frameScope = new HashSet<string>(current, StringComparer.Ordinal) { Peek().Text };
                        Next();
                    }
                    else if (t.IsSymbol("(") && previous is not null && previous.Text is "#fn:reduce" && Peek().IsVariable && Peek(1).IsSymbol("="))
                    {
                        var acc = Next();
                        Next();
                        // the initial value is read in the outer scope; then the accumulator and the element are bound
                        var init = new Checker(tokens, errors) { _i = _i };
                        init.Expression(current, stopAtComma: true);
                        _i = init._i;
                        Expect(",");
                        frameScope = new HashSet<string>(current, StringComparer.Ordinal) { acc.Text };
                        if (Peek().IsVariable) frameScope.Add(Next().Text);
                    }
                    frames.Push((t.Text, current, map));
                    current = frameScope;
                    depth++;
                    previous = t;
                    continue;
                }
                if (t.Kind == Kind.Symbol && t.Text is ")" or "]" or "}")
                {
                    if (frames.Count == 0) return;
                    current = frames.Pop().Scope;
                    depth--;
                    previous = t;
                    continue;
                }
                if (t.IsSymbol(".")) { if (Peek().Kind is Kind.Name or Kind.Quoted) Next(); previous = new Token(Kind.Symbol, "#property", t.Line, t.Column); continue; }
                if (t.IsSymbol(":"))
                {
                    // a label test (n:Label, n:A|B) outside a map; inside a map, the key has been taken already
                    if (!inMap && Peek().Kind is Kind.Name or Kind.Quoted) { Next(); while (Peek().IsSymbol("|") || Peek().IsSymbol("&")) { Next(); Next(); } previous = new Token(Kind.Symbol, "#label", t.Line, t.Column); }
                    else previous = t;
                    continue;
                }
                if (t.IsVariable)
                {
                    if (inMap && previous is not null && (previous.IsSymbol("{") || previous.IsSymbol(",")) && Peek().IsSymbol(":")) { Next(); previous = Peek(-1); continue; }
                    if (Peek().IsSymbol("(") || (Peek().IsSymbol("{") && (t.Is("count") || t.Is("collect") || t.Is("exists"))) || IsNamespacedCall()) { SkipNamespace(); previous = new Token(Kind.Symbol, "#fn:" + t.Text, t.Line, t.Column); continue; }
                    if (!current.Contains(t.Text)) Error(t, $"Variable `{t.Text}` not defined");
                }
                previous = t;
            }
        }

        /// <summary>After a name: <c>.name(…)</c> chains of a namespaced function such as <c>db.labels()</c>.</summary>
        private bool IsNamespacedCall()
        {
            var j = _i;
            while (tokens[j].IsSymbol(".") && tokens[j + 1].Kind == Kind.Name) j += 2;
            return j > _i && tokens[j].IsSymbol("(");
        }

        private void SkipNamespace()
        {
            while (Peek().IsSymbol(".") && Peek(1).Kind == Kind.Name) { Next(); Next(); }
        }

        private static string Describe(Token t) => t.Text switch
        {
            "#property" => "a property",
            "#label" => "a label",
            _ => $"'{t.Text}'",
        };

        private static bool Operand(Token t) => t.Kind is Kind.String or Kind.Number or Kind.Parameter || t.IsVariable || t.Is("NULL") || t.Is("TRUE") || t.Is("FALSE") || t.IsSymbol("(");

        private static bool OperandEnd(Token t) =>
            t.Kind is Kind.String or Kind.Number or Kind.Parameter || t.IsVariable || t.Is("NULL") || t.Is("TRUE") || t.Is("FALSE") || t.Is("END")
            || (t.Kind == Kind.Symbol && t.Text is ")" or "]" or "}" or "#property" or "#label");
    }
}
