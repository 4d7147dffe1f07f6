using GraphQL;
using GraphQL.Types;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Cost;
using RehabLedger.Security;

namespace RehabLedger.MerkleLog;

/// <summary>
/// The auditor's questions to the log. They answer sizes, sequences, hashes and signatures, never an event's content,
/// so they are open to all who audit and disclose no patient data (the export, which does, is accounted).
/// </summary>
public static class LedgerFields
{
    public static void AddLedgerQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<SignedTreeHeadType>>("ledgerHead").Costs(FieldCost.RoundTrip)
            .Description("The latest signed tree head, or the one of the given size.")
            .AuthorizeWithPolicy(Policies.ReadAuditTrail)
            .Argument<LongGraphType>("treeSize")
            .ResolveAsync(async c => await LedgerProofs.HeadOrLatest(c.Query(), c.GetArgument<long?>("treeSize"), c.CancellationToken));

        query.Field<NonNullGraphType<LedgerPublicKeyType>>("ledgerPublicKey").Costs(FieldCost.InMemory)
            .Description("The key the heads are signed with.")
            .AuthorizeWithPolicy(Policies.ReadAuditTrail)
            .Resolve(c => c.RequestServices!.GetRequiredService<LedgerSigner>());

        query.Field<NonNullGraphType<InclusionProofType>>("ledgerInclusion").Costs(FieldCost.Page)
            .Description("Proof that an event is in the log, in the latest head or the one of treeSize. Give exactly one of sequence or eventId.")
            .AuthorizeWithPolicy(Policies.ReadAuditTrail)
            .Argument<LongGraphType>("sequence")
            .Argument<IdGraphType>("eventId")
            .Argument<LongGraphType>("treeSize")
            .CheckArguments(c => LedgerProofs.CheckInclusion(c.GetArgument<long?>("sequence"), c.GetArgument<Guid?>("eventId")))
            .ResolveAsync(async c => await LedgerProofs.Inclusion(c.Query(), c.GetArgument<long?>("sequence"), c.GetArgument<Guid?>("eventId"),
                c.GetArgument<long?>("treeSize"), c.CancellationToken));

        query.Field<NonNullGraphType<ConsistencyProofType>>("ledgerConsistency").Costs(FieldCost.Page)
            .Description("Proof that the log of the later head begins with the log of the earlier one: nothing logged was changed since.")
            .AuthorizeWithPolicy(Policies.ReadAuditTrail)
            .Argument<NonNullGraphType<LongGraphType>>("fromTreeSize")
            .Argument<NonNullGraphType<LongGraphType>>("toTreeSize")
            .ResolveAsync(async c => await LedgerProofs.Consistency(c.Query(), c.GetArgument<long>("fromTreeSize"), c.GetArgument<long>("toTreeSize"),
                c.CancellationToken));

        query.Field<NonNullGraphType<LedgerVerificationType>>("ledgerVerification").Costs(FieldCost.Bundle)
            .Description($"Recomputes the stored events of a range of sequences (at most {LedgerVerification.MaxRange:N0}) and checks them, " +
                         "and the heads ending in it, against the log. Answers the first sequence where they part.")
            .AuthorizeWithPolicy(Policies.ReadAuditTrail)
            .Argument<NonNullGraphType<LongGraphType>>("fromSequence")
            .Argument<NonNullGraphType<LongGraphType>>("toSequence")
            .CheckArguments(c => LedgerVerification.Check(c.GetArgument<long>("fromSequence"), c.GetArgument<long>("toSequence")))
            .ResolveAsync(async c => await LedgerVerification.Run(c.Query(), c.RequestServices!.GetRequiredService<LedgerSigner>(),
                c.GetArgument<long>("fromSequence"), c.GetArgument<long>("toSequence"), c.CancellationToken));
    }
}
