using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using RehabLedger.GraphQL.Http;

namespace RehabLedger.GraphQL.Documents;

/// <summary>
/// Parses documents for GraphQL.NET, refusing one whose size would make parsing or validation expensive before that
/// work can grow: its length first, then its tokens in one pass of the lexer (which stops at the limit), then, on the
/// parsed tree, its nesting, fragment cycles, its fields with fragments expanded, its directives and its variables. Each refusal is a
/// <see cref="DocumentLimitError"/> with its own code. Validation (quadratic in places, and writing one error per
/// offending node) then only ever sees documents these bounds keep small.
/// </summary>
public sealed class BoundedDocumentBuilder(GraphQLLimits limits) : IDocumentBuilder
{
    private const string NoFragmentCycles = "NO_FRAGMENT_CYCLES";

    public GraphQLDocument Build(string body)
    {
        if (body.Length > limits.MaxDocumentLength)
            throw Refuse(GraphQLHttpErrorCodes.DocumentTooLarge,
                $"The document is {body.Length} characters long; at most {limits.MaxDocumentLength} are accepted.");

        try
        {
            CheckTokens(body);
            var document = Parser.Parse(body, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = GraphQLLimits.MaxParserDepth });
            Check(DocumentMeasure.Of(document, ceiling: limits.MaxFields + 1L));
            return document;
        }
        catch (GraphQLMaxDepthExceededException)
        {
            throw Refuse(GraphQLHttpErrorCodes.DocumentTooDeep,
                $"The document is nested more than {GraphQLLimits.MaxParserDepth} levels deep (selections, values and lists together).");
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            throw new SyntaxError(ex);
        }
    }

    // The lexer alone, without building anything: a document of many tiny tokens is refused after reading only as
    // many tokens as the limit allows.
    private void CheckTokens(string body)
    {
        ROM source = body;
        var tokens = 0;
        var position = 0;
        while (true)
        {
            var token = Lexer.Lex(source, position);
            if (token.Kind == TokenKind.EOF) return;
            if (++tokens > limits.MaxTokens)
                throw Refuse(GraphQLHttpErrorCodes.TooManyTokens, $"The document has more than {limits.MaxTokens} tokens.");
            position = token.End;
        }
    }

    private void Check(DocumentMeasure measure)
    {
        // The code and message of GraphQL.NET's own rule (NoFragmentCycles), which would find the same cycle at a
        // cost that grows with every path around it.
        if (measure.CyclicFragment is { } cyclic)
            throw Refuse(NoFragmentCycles, $"Cannot spread fragment '{cyclic}' within itself.");
        if (measure.Fields > limits.MaxFields)
            throw Refuse(GraphQLHttpErrorCodes.TooManyFields,
                $"The document selects more than {limits.MaxFields} fields, counting every field of every operation and fragment, " +
                "with each fragment spread counted as the fields of its fragment.");
        if (measure.MostFieldsOfOneName > limits.MaxFieldsOfOneName)
            throw Refuse(GraphQLHttpErrorCodes.TooManyFields,
                $"A selection set has more than {limits.MaxFieldsOfOneName} fields answering under one name (the same field, or one alias), " +
                "counting those its fragments bring.");
        if (measure.Directives > limits.MaxDirectives)
            throw Refuse(GraphQLHttpErrorCodes.TooManyDirectives,
                $"The document has {measure.Directives} directives; at most {limits.MaxDirectives} are accepted.");
        if (measure.MostVariablesInOneOperation > limits.MaxVariables)
            throw Refuse(GraphQLHttpErrorCodes.TooManyVariables,
                $"An operation declares {measure.MostVariablesInOneOperation} variables; at most {limits.MaxVariables} are accepted.");
    }

    private static DocumentLimitError Refuse(string code, string message) => new(code, message);
}
