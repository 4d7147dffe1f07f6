using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authorization;
using RehabLedger.Common;
using RehabLedger.Disclosures;
using RehabLedger.GraphQL.Http;
using RehabLedger.Security;

namespace RehabLedger.GraphQL;

/// <summary>A request refused for who sent it rather than for what it says: UNAUTHENTICATED or FORBIDDEN.</summary>
public sealed class AccessValidationError : ValidationError
{
    public AccessValidationError(ValidationContext context, ASTNode node, string code, string message)
        : base(context.Document.Source, null, message, node) => Code = code;
}

/// <summary>
/// Enforces the authorization metadata GraphQL.NET only records (<c>AuthorizeWithPolicy</c>,
/// <c>AuthorizeWithRoles</c>, <c>AllowAnonymous</c>) over ASP.NET's <see cref="IAuthorizationService"/>, before
/// anything executes. Every field of the selected operation is checked, at every depth and inside every fragment
/// it uses, together with the type it returns. <c>@skip</c> and <c>@include</c> are ignored, so what a document
/// may touch does not depend on its variables. A root field with no metadata at all is refused to everybody:
/// forgetting to annotate a new operation closes it instead of opening it.
/// Without a valid identity the request gets one UNAUTHENTICATED error; with one, each field it may not use gets
/// a FORBIDDEN error, and the attempt is recorded in the access log.
/// </summary>
public sealed class AuthorizationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new Visitor(context));

    private sealed class Visitor(ValidationContext context) : INodeVisitor
    {
        private readonly HashSet<GraphQLFragmentDefinition> _usedFragments =
            context.GetRecursivelyReferencedFragments(context.Operation)?.ToHashSet() ?? [];
        private readonly Dictionary<string, bool> _policyResults = [];
        private readonly Dictionary<string, (ASTNode Node, string Reason)> _forbidden = [];
        private readonly bool _authenticated = context.User?.Identity?.IsAuthenticated == true;
        private bool _checking;
        private ASTNode? _needsIdentity;

        // Below a refused field nothing more is reported: one refusal per field the caller asked for, not one per level.
        private GraphQLField? _refused;

        public async ValueTask EnterAsync(ASTNode node, ValidationContext _)
        {
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    _checking = operation == context.Operation;
                    break;
                case GraphQLFragmentDefinition fragment:
                    _checking = _usedFragments.Contains(fragment);
                    break;
                case GraphQLField field when _checking && _refused is null:
                    if (!await CheckAsync(field)) _refused = field;
                    break;
            }
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext _)
        {
            if (node == _refused) _refused = null;
            if (node is GraphQLDocument) Report();
            return default;
        }

        /// <summary>False when the field is refused.</summary>
        private async ValueTask<bool> CheckAsync(GraphQLField field)
        {
            var definition = context.TypeInfo.GetFieldDef();
            var parent = context.TypeInfo.GetParentType();
            // Unknown fields are another rule's error; introspection has its own switch.
            if (definition is null || parent is null || definition.Name.StartsWith("__", StringComparison.Ordinal)) return true;

            var owner = parent.GetNamedType();
            var coordinate = $"{owner.Name}.{definition.Name}";
            var isRoot = owner == context.Schema.Query || owner == context.Schema.Mutation || owner == context.Schema.Subscription;
            if (isRoot && !definition.IsAnonymousAllowed() && !Requires(definition))
                return Forbid(coordinate, field, $"{coordinate} declares no authorization, so nobody may use it.");

            if (!definition.IsAnonymousAllowed() && !await SatisfiesAsync(definition, field))
                return Forbid(coordinate, field, $"{RoleText()} may not use {coordinate}.");
            if (definition.ResolvedType?.GetNamedType() is { } type && !await SatisfiesAsync(type, field))
                return Forbid(coordinate, field, $"{RoleText()} may not read {type.Name} (through {coordinate}).");
            return true;
        }

        private static bool Requires(IMetadataReader reader) =>
            reader.IsAuthorizationRequired() || reader.GetPolicies() is { Count: > 0 } || reader.GetRoles() is { Count: > 0 };

        private async ValueTask<bool> SatisfiesAsync(IMetadataReader reader, ASTNode node)
        {
            if (!Requires(reader)) return true;
            if (!_authenticated)
            {
                _needsIdentity ??= node;
                return true; // reported once, as UNAUTHENTICATED
            }

            if (reader.GetRoles() is { Count: > 0 } roles && !roles.Any(context.User!.IsInRole)) return false;
            foreach (var policy in reader.GetPolicies() ?? [])
            {
                if (!_policyResults.TryGetValue(policy, out var allowed))
                {
                    var authorization = context.RequestServices!.GetRequiredService<IAuthorizationService>();
                    _policyResults[policy] = allowed = (await authorization.AuthorizeAsync(context.User!, policy)).Succeeded;
                }
                if (!allowed) return false;
            }
            return true;
        }

        private bool Forbid(string coordinate, ASTNode node, string reason)
        {
            _forbidden.TryAdd(coordinate, (node, reason));
            return false;
        }

        private string RoleText() =>
            Caller.From(context.User, out _) is { } caller ? $"The role {caller.Role}" : "This caller";

        private void Report()
        {
            if (!_authenticated && (_needsIdentity is not null || _forbidden.Count > 0))
            {
                context.ReportError(new AccessValidationError(context, _needsIdentity ?? _forbidden.Values.First().Node, ErrorCodes.Unauthenticated,
                    "This operation needs a valid bearer token: send 'Authorization: Bearer <token>'."));
                return;
            }

            var log = (context.UserContext as GraphQLUserContext)?.Access.Log;
            foreach (var (coordinate, (node, reason)) in _forbidden)
            {
                context.ReportError(new AccessValidationError(context, node, ErrorCodes.Forbidden, reason));
                log?.Denied(coordinate, DisclosureSubject.Unknown, reason);
            }
        }
    }
}
