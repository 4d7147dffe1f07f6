using System.Collections;
using System.Reflection;
using GraphQL;
using GraphQL.DI;
using ServiceLifetime = GraphQL.DI.ServiceLifetime;
using GraphQL.Types;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.GraphQL;

/// <summary>
/// The schema's types are derived from their records by default: a record of this service that a field returns (or an
/// argument takes) and that no hand-written graph type claims becomes a <see cref="DerivedObjectType{T}"/> (or a
/// <see cref="DerivedInputType{T}"/>), with its properties as fields in declaration order, nullability from the
/// nullable annotations, <c>Guid</c> as <c>ID</c> and the descriptions from <c>[Description]</c>; an enum becomes an
/// enumeration of its values. Hand-written types are the allow-list in docs/04-graphql-guide.md: a type that extends
/// a record with resolved fields derives from <see cref="DerivedObjectType{T}"/> and adds them; a type whose shape
/// deliberately differs from its record is an <c>ObjectGraphType</c> of its own, marked <c>[DoNotMapClrType]</c> when
/// it is a second view of a record that also has a derived type.
/// </summary>
public sealed class DerivedTypeMappings : IGraphTypeMappingProvider
{
    internal static readonly Assembly Own = typeof(DerivedTypeMappings).Assembly;

    public Type? GetGraphTypeFromClrType(Type clrType, bool isInputType, Type? preferredType)
    {
        if (preferredType is not null || clrType.Assembly != Own) return preferredType;
        if (clrType.IsEnum) return typeof(EnumerationGraphType<>).MakeGenericType(clrType);
        if (!clrType.IsClass) return null;
        return (isInputType ? typeof(DerivedInputType<>) : typeof(DerivedObjectType<>)).MakeGenericType(clrType);
    }
}

public static class DerivedTypesSetup
{
    /// <summary>Hand-written types first (<c>AddClrTypeMappings</c>), derived ones for every other record.</summary>
    public static IGraphQLBuilder ConfigureDerivedTypes(this IGraphQLBuilder builder)
    {
        builder.AddClrTypeMappings(DerivedTypeMappings.Own);
        builder.AddGraphTypeMappingProvider(new DerivedTypeMappings());
        builder.Services.Register(typeof(DerivedObjectType<>), typeof(DerivedObjectType<>), ServiceLifetime.Transient);
        builder.Services.Register(typeof(DerivedInputType<>), typeof(DerivedInputType<>), ServiceLifetime.Transient);
        return builder;
    }
}

/// <summary>An output type derived from the record <typeparamref name="T"/> (see <see cref="DerivedTypeMappings"/>).</summary>
public class DerivedObjectType<T> : AutoRegisteringObjectGraphType<T>
{
    /// <summary>A record's shape is its properties; its methods (factories, rules) are behaviour, never fields.</summary>
    protected override IEnumerable<MemberInfo> GetRegisteredMembers() => base.GetRegisteredMembers().OfType<PropertyInfo>();

    /// <summary>
    /// A derived field reads a property of a record its parent already holds, so a list field costs what a value in memory
    /// costs (<see cref="FieldCost.InMemory"/>); fields that reach further are written by hand with their own price.
    /// </summary>
    protected override FieldType? CreateField(MemberInfo memberInfo)
    {
        var field = base.CreateField(memberInfo);
        if (field is not null && memberInfo is PropertyInfo { PropertyType: var type } && type != typeof(string)
            && typeof(IEnumerable).IsAssignableFrom(type))
            field.Costs(FieldCost.InMemory);
        return field;
    }
}

/// <summary>An input type derived from the record <typeparamref name="T"/> (see <see cref="DerivedTypeMappings"/>).</summary>
public class DerivedInputType<T> : AutoRegisteringInputObjectGraphType<T>;
