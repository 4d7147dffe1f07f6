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
                    if (context.Variables is { } values && values.TryGetValue(name, out var value)) CheckValue(context, variable, name, value);
                    if (variable.DefaultValue is { } defaultValue) CheckLiteral(context, variable, name, defaultValue);
                    break;
                case GraphQLArgument argument:
                    CheckLiteral(context, argument, argument.Name.StringValue, argument.Value);
                    break;
            }
            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;

        /// <summary>A literal written into the document.</summary>
        private void CheckLiteral(ValidationContext context, ASTNode at, string path, GraphQLValue value)
        {
            switch (value)
            {
                case GraphQLStringValue text:
                    CheckValue(context, at, path, new string(text.Value.Span));
                    break;
                case GraphQLListValue { Values: { } items }:
                    for (var i = 0; i < items.Count && !_reported; i++) CheckLiteral(context, at, $"{path}[{i}]", items[i]);
                    break;
                case GraphQLObjectValue { Fields: { } fields }:
                    foreach (var field in fields)
                    {
                        if (_reported) return;
                        CheckLiteral(context, at, $"{path}.{field.Name.StringValue}", field.Value);
                    }
                    break;
            }
        }

        /// <summary>A value of the request's variables, as the JSON reader gave it.</summary>
        private void CheckValue(ValidationContext context, ASTNode at, string path, object? value)
        {
            switch (value)
            {
                case string text when SafeText.FirstProblem(text, multiline: true) is { } problem:
                    context.ReportError(new UnsafeTextError(context, at, path, problem));
                    _reported = true;
                    break;
                case string:
                    break;
                case IDictionary<string, object?> fields:
                    foreach (var (name, field) in fields)
                    {
                        if (_reported) return;
                        CheckValue(context, at, $"{path}.{name}", field);
                    }
                    break;
                case IEnumerable items:
                    var i = 0;
                    foreach (var item in items)
                    {
                        if (_reported) return;
                        CheckValue(context, at, $"{path}[{i++}]", item);
                    }
                    break;
            }
        }
    }
}
