using GraphQLParser.AST;

namespace RehabLedger.GraphQL.Documents;

/// <summary>
/// What a parsed document would cost the validator, measured in one walk whose own cost is linear in the document:
/// every fragment definition is measured once, and each spread of it adds that measure instead of walking it again.
/// </summary>
internal readonly record struct DocumentMeasure(
    long Fields, int Directives, int MostVariablesInOneOperation, string? CyclicFragment, long MostFieldsOfOneName)
{
    /// <summary>
    /// Fields counts every field of every operation and fragment definition with its fragment spreads expanded, so a
    /// document of fragments that spread each other twice at each level counts 2^levels, though it is short. The
    /// count saturates at <paramref name="ceiling"/>: past it, only the fact that it is too large matters.
    /// </summary>
    public static DocumentMeasure Of(GraphQLDocument document, long ceiling)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>();
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);

        var walk = new Walk(fragments, ceiling);
        long fields = 0;
        var mostVariables = 0;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    walk.CountDirectives(operation.Directives);
                    foreach (var variable in operation.Variables?.Items ?? [])
                        walk.CountDirectives(variable.Directives);
                    mostVariables = Math.Max(mostVariables, operation.Variables?.Items.Count ?? 0);
                    fields = Saturate(fields + walk.Fields(operation.SelectionSet, countDirectives: true), ceiling);
                    break;
                case GraphQLFragmentDefinition fragment:
                    walk.CountDirectives(fragment.Directives);
                    fields = Saturate(fields + walk.Fields(fragment.SelectionSet, countDirectives: true), ceiling);
                    break;
            }
        }

        return new DocumentMeasure(fields, walk.Directives, mostVariables, walk.CyclicFragment, walk.MostFieldsOfOneName);
    }

    private static long Saturate(long value, long ceiling) => Math.Min(value, ceiling);

    private sealed class Walk(Dictionary<string, GraphQLFragmentDefinition> fragments, long ceiling)
    {
        // A fragment's expanded size, once known. One being measured counts 0 where it spreads itself, so the walk
        // ends, and is reported: a cycle is invalid, and refusing it here spares the validator's cycle search, whose
        // answer names every path around every cycle.
        private readonly Dictionary<string, long> _expanded = [];
        private readonly HashSet<string> _inProgress = [];

        public int Directives { get; private set; }

        public string? CyclicFragment { get; private set; }

        // Fields that answer under one name in one selection set, fragments included, are compared pair by pair by
        // the validator (and each conflicting pair is an error): the largest such group, wherever it is.
        public long MostFieldsOfOneName { get; private set; }

        private readonly Dictionary<string, Dictionary<string, long>> _collected = [];
        private readonly HashSet<string> _collecting = [];

        public void CountDirectives(GraphQLDirectives? directives) => Directives += directives?.Items.Count ?? 0;

        // Directives are counted where they are written, so only on the walk of their own definition, never on an
        // expansion of a fragment.
        public long Fields(GraphQLSelectionSet? selectionSet, bool countDirectives)
        {
            if (selectionSet is null) return 0;
            if (countDirectives) MeasureNames(selectionSet);
            long count = 0;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        if (countDirectives) CountDirectives(field.Directives);
                        count += 1 + Fields(field.SelectionSet, countDirectives);
                        break;
                    case GraphQLInlineFragment inline:
                        if (countDirectives) CountDirectives(inline.Directives);
                        count += Fields(inline.SelectionSet, countDirectives);
                        break;
                    case GraphQLFragmentSpread spread:
                        if (countDirectives) CountDirectives(spread.Directives);
                        count += Expanded(spread.FragmentName.Name.StringValue);
                        break;
                }

                if (count >= ceiling) return ceiling;
            }

            return count;
        }

        private void MeasureNames(GraphQLSelectionSet selectionSet)
        {
            var counts = new Dictionary<string, long>();
            Collect(selectionSet, counts);
            foreach (var count in counts.Values) MostFieldsOfOneName = Math.Max(MostFieldsOfOneName, count);
        }

        // How many fields answer under each name at this level, through inline fragments and fragment spreads, each
        // fragment's counts computed once.
        private void Collect(GraphQLSelectionSet selectionSet, Dictionary<string, long> counts)
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var name = (field.Alias?.Name ?? field.Name).StringValue;
                        counts[name] = Math.Min(counts.GetValueOrDefault(name) + 1, ceiling);
                        break;
                    case GraphQLInlineFragment inline:
                        Collect(inline.SelectionSet, counts);
                        break;
                    case GraphQLFragmentSpread spread:
                        foreach (var (spreadName, spreadCount) in CollectedOf(spread.FragmentName.Name.StringValue))
                            counts[spreadName] = Math.Min(counts.GetValueOrDefault(spreadName) + spreadCount, ceiling);
                        break;
                }
            }
        }

        private Dictionary<string, long> CollectedOf(string fragmentName)
        {
            if (_collected.TryGetValue(fragmentName, out var known)) return known;
            if (!fragments.TryGetValue(fragmentName, out var fragment) || !_collecting.Add(fragmentName)) return [];
            var counts = new Dictionary<string, long>();
            Collect(fragment.SelectionSet, counts);
            _collecting.Remove(fragmentName);
            return _collected[fragmentName] = counts;
        }

        private long Expanded(string name)
        {
            if (_expanded.TryGetValue(name, out var known)) return known;
            if (!fragments.TryGetValue(name, out var fragment)) return 0;
            if (!_inProgress.Add(name))
            {
                CyclicFragment ??= name;
                return 0;
            }

            var size = Fields(fragment.SelectionSet, countDirectives: false);
            _inProgress.Remove(name);
            _expanded[name] = size;
            return size;
        }
    }
}
