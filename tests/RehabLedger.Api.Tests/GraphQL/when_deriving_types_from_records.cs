using System.Collections;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.GraphQL;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.GraphQL;

/// <summary>
/// Types derived from records (GraphQL/DerivedTypes.cs) must neither tie the API to the stored events nor drop the
/// documentation a hand-written type used to carry.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class when_deriving_types_from_records(AppFixture fixture)
{
    private ISchema Schema => fixture.Host.Services.GetRequiredService<ISchema>();

    [Fact]
    public void no_stored_event_is_a_graphql_type()
    {
        var events = StoredEvents();
        var tied = ClrTypes().Where(x => events.Contains(x.Clr)).Select(x => $"{x.Type.Name} ({x.Clr.Name})");

        tied.ShouldBeEmpty("A stored event is the record of what happened; the API has records of its own.");
    }

    [Fact]
    public void no_input_and_no_derived_type_is_a_record_stored_in_an_event()
    {
        var stored = StoredInEvents(StoredEvents());

        // Inputs are the client's words, never the stored ones; a derived type would follow a stored record silently.
        var tied = ClrTypes()
            .Where(x => x.Type is IInputObjectGraphType || IsDerived(x.Type))
            .Where(x => stored.Contains(x.Clr))
            .Select(x => $"{x.Type.Name} ({x.Clr.Name})");

        tied.ShouldBeEmpty("Input and derived types are built from the API's own records, not from values stored in events.");
    }

    [Fact]
    public void every_derived_type_and_field_has_a_description()
    {
        // Enumerations are left out: their values are the domain's own names.
        var derived = Schema.AllTypes.OfType<IComplexGraphType>().Where(IsDerived).ToList();
        derived.ShouldNotBeEmpty();

        var undocumented = derived.Where(t => string.IsNullOrWhiteSpace(t.Description)).Select(t => t.Name)
            .Concat(derived.SelectMany(t => t.Fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{t.Name}.{f.Name}")));

        undocumented.ShouldBeEmpty("Derived types take their descriptions from [Description] on the record and its properties.");
    }

    private HashSet<Type> StoredEvents()
    {
        // The types the projections registered: every event the service stores is applied by one of them.
        var events = fixture.Store.Options.Events.AllKnownEventTypes().Select(e => e.EventType).ToHashSet();
        events.ShouldNotBeEmpty();
        return events;
    }

    /// <summary>The records an event holds, at any depth and through lists, without the event types themselves.</summary>
    private static HashSet<Type> StoredInEvents(IEnumerable<Type> events)
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(events.SelectMany(PropertyTypes));
        while (pending.TryPop(out var type))
        {
            if (!IsOwnRecord(type) || !found.Add(type)) continue;
            foreach (var inner in PropertyTypes(type)) pending.Push(inner);
        }
        return found;
    }

    private static IEnumerable<Type> PropertyTypes(Type type) => type.GetProperties().SelectMany(p => Unwrap(p.PropertyType));

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return [underlying];
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType) return type.GetGenericArguments();
        return [type];
    }

    private static bool IsOwnRecord(Type type) => type.Assembly == typeof(DerivedTypeMappings).Assembly && type.IsClass;

    private IEnumerable<(IGraphType Type, Type Clr)> ClrTypes() =>
        Schema.AllTypes.Select(t => (Type: t, Clr: ClrTypeOf(t))).Where(x => x.Clr is not null).Select(x => (x.Type, x.Clr!));

    /// <summary>The record a graph type is declared over: T of ObjectGraphType&lt;T&gt;, InputObjectGraphType&lt;T&gt; or EnumerationGraphType&lt;T&gt;.</summary>
    private static Type? ClrTypeOf(IGraphType graphType)
    {
        for (var type = graphType.GetType(); type is not null; type = type.BaseType)
        {
            if (!type.IsGenericType) continue;
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(ObjectGraphType<>) || definition == typeof(InputObjectGraphType<>) || definition == typeof(EnumerationGraphType<>))
                return type.GetGenericArguments()[0] is var clr && clr != typeof(object) ? clr : null;
        }
        return null;
    }

    private static bool IsDerived(IGraphType graphType)
    {
        for (var type = graphType.GetType(); type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
                && (definition == typeof(DerivedObjectType<>) || definition == typeof(DerivedInputType<>)))
                return true;
        return false;
    }
}
