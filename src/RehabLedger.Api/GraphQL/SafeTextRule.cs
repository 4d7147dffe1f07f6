using System.Collections;
using GraphQL.Validation;
using GraphQLParser.AST;
using RehabLedger.Common;

namespace RehabLedger.GraphQL;

/// <summary>A text input that breaks <see cref="SafeText"/>: VALIDATION_FAILED on its path, before anything runs.</summary>
public sealed class UnsafeTextError : ValidationError
{
    public UnsafeTextError(ValidationContext context, ASTNode node, string path, string problem)
        : base(context.Document.Source, null, $"{path} holds {problem}; {SafeText.Rule}.", node)
    {
        Code = ErrorCodes.ValidationFailed;
        Data[ErrorMapping.FieldKey] = path;
    }
}

/// <summary>
/// Every string a request hands the service passes <see cref="SafeText"/> (as multiline text: which fields are one
/// line is the commands' to say, through <see cref="Validate"/>) before anything executes. It looks at the raw
/// values, whatever their type, so one rule covers every argument, every field of every input object at any depth,
/// every list element, ids, enum names, dates, filters and cursors, in the variables of the operation as well as
/// in the literals and variable defaults written into the document; a field added tomorrow is covered too.
/// The answer is one VALIDATION_FAILED (HTTP 400) naming the first offending path the way the commands do
/// (<c>input.exercises[0].note</c>; a variable's path starts with its name), so no text that PostgreSQL cannot
/// store, or that has no business in a record, reaches a resolver. Checking costs one pass over the input.
/// </summary>
public sealed class SafeTextRule : ValidationRuleBase
{
    public static readonly SafeTextRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(new Visitor());

    private sealed class Visitor : INodeVisitor
    {
        private bool _inSelectedOperation;
        private bool _reported;

        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            if (_reported) return default;
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    _inSelectedOperation = operation == context.Operation;
                    break;
                case GraphQLFragmentDefinition:
                    _inSelectedOperation = false;
                    break;
                case GraphQLVariableDefinition variable when _inSelectedOperation:
                    var name = variable.Variable.Name.StringValue;
                    if (context.Variables is { } values && values.TryGetValue(name, out var value))
                        Report(context, variable, name, UnsafeIn(value, out var problem), problem);
                    if (!_reported && variable.DefaultValue is { } defaultValue)
                        Report(context, variable, name, UnsafeInLiteral(defaultValue, out var inDefault), inDefault);
                    break;
                case GraphQLArgument argument:
                    Report(context, argument, argument.Name.StringValue, UnsafeInLiteral(argument.Value, out var inLiteral), inLiteral);
                    break;
            }
            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;

        /// <param name="below">The path from <paramref name="name"/> to the offending string; null when there is none.</param>
        private void Report(ValidationContext context, ASTNode node, string name, string? below, string? problem)
        {
            if (below is null) return;
            context.ReportError(new UnsafeTextError(context, node, name + below, problem!));
            _reported = true;
        }
    }

    // The path of the first unsafe string below a value ("" for the value itself, ".note", "[2].description"), or null
    // when every string is safe. Built only for the offending string, on the way back up.

    /// <summary>A value of the request's variables, as the JSON reader gave it.</summary>
    private static string? UnsafeIn(object? value, out string? problem)
    {
        problem = null;
        switch (value)
        {
            case string text:
                problem = SafeText.FirstProblem(text, multiline: true);
                return problem is null ? null : "";
            case IDictionary<string, object?> fields:
                foreach (var (name, field) in fields)
                    if (UnsafeIn(field, out problem) is { } below) return $".{name}{below}";
                return null;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    if (UnsafeIn(item, out problem) is { } below) return $"[{i}]{below}";
                    i++;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>A literal written into the document.</summary>
    private static string? UnsafeInLiteral(GraphQLValue value, out string? problem)
    {
        problem = null;
        switch (value)
        {
            case GraphQLStringValue text:
                problem = SafeText.FirstProblem(new string(text.Value.Span), multiline: true);
                return problem is null ? null : "";
            case GraphQLListValue { Values: { } items }:
                for (var i = 0; i < items.Count; i++)
                    if (UnsafeInLiteral(items[i], out problem) is { } below) return $"[{i}]{below}";
                return null;
            case GraphQLObjectValue { Fields: { } fields }:
                foreach (var field in fields)
                    if (UnsafeInLiteral(field.Value, out problem) is { } below) return $".{field.Name.StringValue}{below}";
                return null;
            default:
                return null;
        }
    }
}
