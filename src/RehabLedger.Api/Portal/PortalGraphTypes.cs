using RehabLedger.GraphQL;

namespace RehabLedger.Portal;

public sealed class MyEpisodeType : DerivedObjectType<MyEpisode>;
